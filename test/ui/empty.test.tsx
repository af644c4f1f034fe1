import { describe, expect, it } from 'vitest';
import { ALICE } from '../../fixtures/people.js';
import { analyze } from '../../src/analyze.js';
import { useFixtureRepos } from '../helpers/fixture-repos.js';
import { renderExplorer } from './explorer-fixture.js';

const fixture = useFixtureRepos();

describe('explorer: a repository with nothing to count', () => {
  it('shows bus factor 0 and says nobody authors the files, without failing', async () => {
    const repo = fixture([{ commit: { author: ALICE, at: '2020-01-01T00:00:00Z', write: { 'README.md': '# only docs\n' } } }]);
    const report = await analyze({ path: repo.dir });
    expect(report.totals.files).toBe(0);
    const app = await renderExplorer(report);
    const frame = app.frame();
    expect(frame).toMatch(/^›\s+0!\s+0!\s+0 /m);
    expect(frame).toContain('no key people: fewer than half of these files have an author');
    await app.press('j', 'l', 'x', 'p', 'x', '/', 'a', '\r', 's', 'p', '?');
    expect(app.frame()).toContain('busfactor · keys and columns');
  });
});
