import { describe, expect, it } from 'vitest';
import { GATE_HISTORY } from '../../fixtures/check-histories.js';
import { analyze } from '../../src/analyze.js';
import type { Report } from '../../src/report/report.js';
import { renderReportCsv } from '../../src/render/report/render-report-csv.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';

const fixture = useFixtureRepos();

const HEADER = '"id","kind","name","path","files","bus_factor","active_bus_factor","lost_files","authors","orphan_files","key_people","successors"';

describe('renderReportCsv: what if (--without)', () => {
  it('adds bus_factor_without and active_bus_factor_without to the modules table', async () => {
    // GATE_HISTORY without Bob (fixtures/check-histories.ts; worked out in markdown-report.test.ts):
    // api 1 → 0, active 1 → 0; billing (Alice's only) 1 and 0, unchanged; web 2 → 1, active 2 → 1.
    const report = await analyze({ path: fixture(GATE_HISTORY).dir, without: ['bob@example.com'] });
    const lines = renderReportCsv(report, 'modules').split('\r\n');
    expect(lines[0]).toBe(`${HEADER},"bus_factor_without","active_bus_factor_without"`);
    expect(lines.slice(1)).toEqual([
      '"directory:api","directory","api","api","4","1","1","0","2","0","Bob Baker","Carol Chen","0","0"',
      '"directory:billing","directory","billing","billing","3","1","0","3","1","0","Alice Archer","","1","0"',
      '"directory:web","directory","web","web","3","2","2","0","3","0","Bob Baker; Carol Chen","","1","1"',
      '',
    ]);
    // The people table has no what-if columns.
    expect(renderReportCsv(report, 'people').split('\r\n')[0]).toBe('"id","name","emails","commits","first_commit","last_commit","last_active","departed","bot","files_authored"');
  });

  it('keeps the documented header without --without, and leaves a module missing from whatIf empty', async () => {
    const report = await analyze({ path: fixture(GATE_HISTORY).dir });
    expect(report.whatIf).toBeUndefined();
    const lines = renderReportCsv(report, 'modules').split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe('"directory:api","directory","api","api","4","1","1","0","2","0","Bob Baker","Carol Chen"');
    const partial: Report = {
      ...report,
      whatIf: { without: [], busFactor: { before: 2, after: 2 }, activeBusFactor: { before: 1, after: 1 }, modules: [], stewardship: {} },
    };
    expect(renderReportCsv(partial, 'modules').split('\r\n')[1]).toBe('"directory:api","directory","api","api","4","1","1","0","2","0","Bob Baker","Carol Chen","",""');
  });
});
