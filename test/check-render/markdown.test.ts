import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/check-result.js';
import { escapeMarkdownCell, escapeMarkdownText } from '../../src/render/escape-markdown.js';
import { renderCheckMarkdown } from '../../src/render/check/render-check-markdown.js';
import { FAILING, HOSTILE, manyFindings, PASSING } from './sample-result.js';
import { cells } from '../helpers/markdown-cells.js';


/** Characters of Markdown syntax not escaped by a backslash. */
function unescaped(text: string, chars: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (chars.includes(text[i]!)) found.push(text[i]!);
  }
  return found;
}

describe('renderCheckMarkdown', () => {
  it('writes the verdict, counts, mode, baseline, findings, reviewers and warnings', () => {
    expect(renderCheckMarkdown(FAILING)).toBe(
      [
        '## ❌ busfactor check failed',
        '',
        '4 errors, 2 warnings in 10 checks, 1 module ignored.',
        '',
        'Repository **acme** at commit 0123456789ab.',
        'Checked the changes since **origin/main** (base fedcba987654): 3 commits, 7 files, 3 modules touched: codeowners\\:3, directory\\:lib/router, workspace\\:packages/api.',
        'Baseline **.busfactor-baseline.json** (3 entries): 1 known debt, 1 regression, 4 new, 1 fixed.',
        '',
        '| Level | Rule | Subject | Figure | Held by | What would raise it |',
        '| --- | --- | --- | --- | --- | --- |',
        '| ❌ error (new) | min-bus-factor | /src/billing/ | 1 (minimum 2) | Ada Lovelace 80% | have Bo Li review changes to it |',
        '| ❌ error (regression) | min-bus-factor | lib/router | 1 (minimum 2; baseline 2) | Ada Lovelace 90% (departed) | pair Bo Li or Cy Young with Ada Lovelace on it |',
        '| ❌ error (new) | max-lost | acme | 25.4% (maximum 25%) | Ada Lovelace 90% (departed) | have someone still here take over the files of Ada Lovelace |',
        '| ❌ error (new) | min-stewardship-bus-factor | releases | 1 (minimum 2) | Ada Lovelace 100% | let Bo Li cut the next release with Ada Lovelace |',
        '| ⚠️ warning (known debt) | min-active-bus-factor | lib/router | 0 (minimum 1; baseline 0) | Ada Lovelace 90% (departed) | have Bo Li or Cy Young take over lib/router |',
        '| ⚠️ warning (new) | max-codeowners-drift | unowned | 3 (maximum 0) | — | add CODEOWNERS rules for them |',
        '',
        '### Reviewers to ask',
        '',
        '- **/src/billing/**: Bo Li \\(knows 42 % of it, 17 recent changes\\)',
        '- **lib/router**: Bo Li \\(knows 42 % of it, 17 recent changes\\); Cy Young \\(knows 10 % of it, 3 recent changes\\)',
        '',
        '### Warnings',
        '',
        '- **no-recent-data**: No commit in the last 12 months\\: every active bus factor is 0.',
        '',
      ].join('\n'),
    );
  });

  it('says so when everything passed', () => {
    expect(renderCheckMarkdown(PASSING)).toBe(
      [
        '## ✅ busfactor check passed',
        '',
        '0 errors, 0 warnings in 2 checks.',
        '',
        'Repository **acme** at commit 0123456789ab.',
        'Checked the whole repository.',
        '',
        'No findings.',
        '',
      ].join('\n'),
    );
  });

  it('lists no reviewers outside pull-request mode', () => {
    const full: CheckResult = { ...FAILING, mode: { kind: 'full' } };
    const markdown = renderCheckMarkdown(full);
    expect(markdown).not.toContain('### Reviewers to ask');
    expect(markdown).toContain('\nChecked the whole repository.\n');
  });

  it('keeps hostile data inert: pipes, tags, links, mentions, line breaks', () => {
    const markdown = renderCheckMarkdown(HOSTILE);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌') || line.startsWith('| ⚠️'));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(cells(row)).toHaveLength(6);
    expect(cells(rows[0]!)[2]).toBe('lib/a\\|b &lt;script&gt;&amp;"%\\:,\\\\x07\\]\\]&gt; \\:\\:error\\:\\:x');
    expect(markdown).not.toMatch(/[<>]/);
    expect(markdown).not.toMatch(/@(?!&#8203;)/);
    expect(unescaped(markdown, '[]()`_~!$')).toEqual(
      // only the parentheses the renderer writes itself: the base, two limits, two departed marks
      ['(', ')', '(', ')', '(', ')', '(', ')', '(', ')'],
    );
    expect(markdown).not.toContain('::error::');
    expect(markdown.split('\n').some((line) => line.startsWith('::') || line.startsWith('#\\#'))).toBe(false);
  });

  it('shows at most 100 findings and says how many more there are', () => {
    const markdown = renderCheckMarkdown(manyFindings(300));
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows).toHaveLength(100);
    expect(rows[99]).toBe('| ❌ error | min-bus-factor | packages/module-099 | 1 (minimum 2) | Ada Lovelace 80% | have Bo Li review changes to it |');
    expect(markdown).toContain('\n\n_200 more findings not shown: `--format json` or `--format sarif` lists them all._\n');
    expect(markdown.length).toBeLessThan(65_000);
  });

  it('stays under 65,000 characters whatever the names, and says it cut', () => {
    const long = manyFindings(300);
    const huge = '&|<'.repeat(5_000);
    const result: CheckResult = {
      ...long,
      mode: { kind: 'changed-since', since: huge, sinceCommit: huge, base: huge, commits: 1, files: 1, modules: long.findings.map((f) => f.subject.id) },
      findings: long.findings.map((f) => ({ ...f, subject: { ...f.subject, name: huge }, remedy: huge, holders: Array(20).fill({ ...f.holders[0]!, name: huge }) })),
      warnings: Array(500).fill({ code: 'module-unmatched', message: huge }),
    };
    const markdown = renderCheckMarkdown(result);
    expect(markdown.length).toBeLessThan(65_000);
    const rows = markdown.split('\n').filter((line) => line.startsWith('| ❌'));
    expect(rows.length).toBeGreaterThan(0);
    expect(markdown).toContain(`_${300 - rows.length} more findings not shown`);
    expect(markdown.endsWith('\n\n_Cut to stay under 65,000 characters: `--format json` has everything._\n')).toBe(true);
    expect(cells(rows[0]!)[4]).toMatch(/, 15 more$/);
    expect(markdown).toContain('300 modules touched: directory\\:packages/module-000,');
    expect(markdown).toContain(', directory\\:packages/module-019 and 280 more.');
  });
});

describe('escapeMarkdownCell and escapeMarkdownText', () => {
  it('escape pipes in cells only, backslashes and Markdown punctuation everywhere', () => {
    expect(escapeMarkdownCell('a|b\\c')).toBe('a\\|b\\\\c');
    expect(escapeMarkdownText('a|b\\c')).toBe('a|b\\\\c');
    expect(escapeMarkdownCell('`*_[]()#!~$')).toBe('\\`\\*\\_\\[\\]\\(\\)\\#\\!\\~\\$');
  });

  it('write HTML-significant characters as entities', () => {
    expect(escapeMarkdownCell('</table><script>alert(1)</script> & co')).toBe('&lt;/table&gt;&lt;script&gt;alert\\(1\\)&lt;/script&gt; &amp; co');
    expect(escapeMarkdownText('&amp;')).toBe('&amp;amp;');
  });

  it('break links, autolinks and mentions', () => {
    expect(escapeMarkdownText('[x](javascript:alert(1))')).toBe('\\[x\\]\\(javascript\\:alert\\(1\\)\\)');
    expect(escapeMarkdownText('https://evil.example www.evil.example')).toBe('https\\://evil.example www\\.evil.example');
    expect(escapeMarkdownText('@octocat @acme/team')).toBe('@&#8203;octocat @&#8203;acme/team');
  });

  it('keep text on one line, controls visible, and no line-start markers', () => {
    expect(escapeMarkdownCell('a\nb\r\nc\rd\u2028e')).toBe('a b c d e');
    expect(escapeMarkdownText('a\u0007\u001b[31m\u202eb')).toBe('a\\\\x07\\\\x1b\\[31m\\\\u202eb');
    expect(escapeMarkdownText('- x')).toBe('\\- x');
    expect(escapeMarkdownText('12. x')).toBe('12\\. x');
    expect(escapeMarkdownText('=== x')).toBe('\\=== x');
  });
});
