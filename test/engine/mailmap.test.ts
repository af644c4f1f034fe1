import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedGitEnv } from '../../fixtures/build-repo.js';
import { Mailmap } from '../../src/engine/isomorphic/mailmap.js';

/**
 * The engine's `.mailmap` against git's own (`git check-mailmap`), on the forms of gitmailmap(5)
 * and the edge cases of mailmap.c: case-insensitive emails and names, later lines winning, entries
 * naming the commit's name, comments, an empty replacement email.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'busfactor-mailmap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
execFileSync('git', ['init', '-q'], { cwd: dir, env: isolatedGitEnv() });

function gitMaps(mailmap: string, name: string, email: string): { name: string; email: string } {
  const file = path.join(dir, 'mailmap');
  writeFileSync(file, mailmap);
  const out = execFileSync('git', ['-c', `mailmap.file=${file}`, 'check-mailmap', `${name} <${email}>`], { cwd: dir, env: isolatedGitEnv(), encoding: 'utf8' }).replace(/\n$/, '');
  const match = /^(.*?) ?<(.*)>$/.exec(out);
  return { name: match?.[1] ?? '', email: match?.[2] ?? '' };
}

const MAILMAPS = [
  // gitmailmap(5)'s examples
  '<cto@company.xx>                       <cto@coompany.xx>\nSome Dude <some@dude.xx>         nick1 <bugs@company.xx>\nOther Author <other@author.xx>   nick2 <bugs@company.xx>\nOther Author <other@author.xx>         <nick2@company.xx>\nSanta Claus <santa.claus@northpole.xx> <me@company.xx>\n',
  'Proper Name <commit@email.xx>\n',
  '# comment\nJoe Developer <joe@example.com> Joey <joe@example.com>\n\tJoe R. Developer   <joe@example.com>   # trailing comment\n',
  'A <a@x> <B@X>\nC <c@x> <b@x>\n',
  'Named <n@x> Old <old@x>\nSimple <s@x> <old@x>\n',
  'Only Name <old@x>\n<new@x> <old@x>\n',
  'Bad <>\nNo close <x@y\n <z@x> \nEmpty <e@x> <>\n',
  'Case <c@x> OLD NAME <Old@X>\n',
];
const IDENTS: [string, string][] = [
  ['nick1', 'bugs@company.xx'], ['nick2', 'bugs@company.xx'], ['Nick3', 'bugs@company.xx'], ['someone', 'cto@coompany.xx'], ['me', 'me@company.xx'],
  ['x', 'commit@email.xx'], ['Joey', 'joe@example.com'], ['joey', 'JOE@example.com'], ['Joe', 'joe@example.com'], ['b', 'b@x'], ['Old', 'old@x'],
  ['old', 'OLD@x'], ['Other', 'old@x'], ['anyone', 'e@x'], ['anyone', ''], ['old name', 'old@x'], ['Nobody', 'nobody@x'],
];

describe('.mailmap without git', () => {
  for (const [index, mailmap] of MAILMAPS.entries()) {
    it(`maps as git check-mailmap does (mailmap ${index + 1})`, () => {
      const ours = new Mailmap().read(mailmap);
      for (const [name, email] of IDENTS) {
        if (email === '') continue; // check-mailmap needs an email
        expect({ name, email, mapped: ours.map(name, email) }).toEqual({ name, email, mapped: gitMaps(mailmap, name, email) });
      }
    });
  }

  it('reads several sources into one map, later ones winning', () => {
    const map = new Mailmap().read('First <f@x> <a@x>\n').read('Second <s@x> <a@x>\n');
    expect(map.map('a', 'a@x')).toEqual({ name: 'Second', email: 's@x' });
  });
});
