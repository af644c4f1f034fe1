import { reportStuck } from './report-error.js';
import { runCli } from './run-cli.js';

// A promise that can never settle (a step waiting on a git process that is gone) would otherwise
// end Node silently with exit code 13 once nothing is left to run: say what happened instead.
let settled = false;
process.once('beforeExit', () => {
  if (!settled) process.exit(reportStuck((line) => process.stderr.write(line)));
});
process.exitCode = await runCli(process.argv);
settled = true;
