import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Header } from '../../src/ui/components/Header.js';
import { ThemeContext } from '../../src/ui/theme.js';
import type { Report } from '../../src/report/report.js';
import { useReports } from './explorer-fixture.js';

const reports = useReports();

function header(report: Report, width: number): string {
  const app = render(
    <ThemeContext.Provider value={{ color: false }}>
      <Header report={report} view="modules" width={width} />
    </ThemeContext.Provider>,
  );
  const frame = app.lastFrame() ?? '';
  app.unmount();
  return frame;
}

describe('header', () => {
  it('keeps the warning count when the line is narrow: the totals give way first', async () => {
    const plain = await reports();
    const report: Report = { ...plain, warnings: [{ code: 'missing-objects', message: 'Some blobs are missing.' }] };
    const head = report.head.slice(0, 8);
    expect(header(plain, 100)).toBe(`busfactor · acme @ ${head} · 8 commits · 14 files · 6 authors                     [Modules] People`);
    expect(header(report, 100)).toBe(`busfactor · acme @ ${head} · 8 commits · 14 files · 6 authors · 1 warning (?)     [Modules] People`);
    expect(header(report, 80)).toBe(`busfactor · acme @ ${head} · 14 files · 1 warning (?)         [Modules] People`);
    expect(header(report, 60)).toBe(`busfactor · acme @ ${head.slice(0, 6)}… · 1 warning (?) [Modules] People`);
  });
});
