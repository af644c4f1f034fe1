import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';

/**
 * A value from the user's own git config files (system, then global: the later wins), read without
 * git, for the one setting the scan takes from them: `mailmap.file` (docs/safety.md, "The user's
 * own settings"). The files and variables git itself would read: `GIT_CONFIG_SYSTEM` or
 * /etc/gitconfig (not with `GIT_CONFIG_NOSYSTEM`), `GIT_CONFIG_GLOBAL` or
 * `$XDG_CONFIG_HOME/git/config` and `~/.gitconfig`. `[include]` in them is not followed.
 */
export async function userConfigValue(section: string, key: string, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const home = env.HOME ?? os.homedir();
  const files: string[] = [];
  if (!isTrue(env.GIT_CONFIG_NOSYSTEM)) files.push(env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig');
  if (env.GIT_CONFIG_GLOBAL !== undefined) files.push(env.GIT_CONFIG_GLOBAL);
  else files.push(path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'git', 'config'), path.join(home, '.gitconfig'));
  let value: string | undefined;
  for (const file of files) {
    if (file === '' || file === '/dev/null') continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    for (const found of configValues(text, section, key)) value = found;
  }
  if (value === undefined || value === '') return undefined;
  // A pathname value: `~/` is the home folder (config.c git_config_pathname).
  return value.startsWith('~/') ? path.join(home, value.slice(2)) : value;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes|on)$/i.test(value);
}

/** Every value of `section.key` in one config file's text, in order (sections and keys case-insensitive). */
export function configValues(text: string, section: string, key: string): string[] {
  const values: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"(?:[^"\\]|\\.)*")?\s*\](.*)$/.exec(line);
    if (header) {
      current = (header[1] as string).toLowerCase();
      const rest = (header[2] as string).trim();
      if (rest === '' || rest.startsWith('#') || rest.startsWith(';')) continue;
      // `[section] key = value` on one line
      const inline = parseEntry(rest);
      if (inline && current === section.toLowerCase() && inline.key === key.toLowerCase()) values.push(inline.value);
      continue;
    }
    const entry = parseEntry(line);
    if (entry && current === section.toLowerCase() && entry.key === key.toLowerCase()) values.push(entry.value);
  }
  return values;
}

/** `key = value` with git's quoting: double quotes, backslash escapes, comments outside quotes. */
function parseEntry(line: string): { key: string; value: string } | undefined {
  const match = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
  if (!match) return undefined;
  const rawValue = match[2];
  if (rawValue === undefined) return { key: (match[1] as string).toLowerCase(), value: 'true' };
  let value = '';
  let quoted = false;
  for (let i = 0; i < rawValue.length; i += 1) {
    const c = rawValue[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || c === ';')) break;
    else if (c === '\\') {
      const next = rawValue[i + 1] ?? '';
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'b' ? '\b' : next;
      i += 1;
    } else value += c;
  }
  return { key: (match[1] as string).toLowerCase(), value: quoted ? value : value.trimEnd() };
}
