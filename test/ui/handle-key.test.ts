import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { createExplorerModel } from '../../src/ui/model/explorer-model.js';
import { initialState, type ExplorerState } from '../../src/ui/model/explorer-state.js';
import { handleKey, type KeyInfo } from '../../src/ui/model/handle-key.js';
import { splitKeys } from '../../src/ui/model/split-keys.js';
import { useAcmeRepo } from './explorer-fixture.js';

const acme = useAcmeRepo();

describe('the key map', () => {
  it('quits on q and Ctrl-C, but q typed into a filter is text; help closes on any key', async () => {
    const model = createExplorerModel(await analyze({ path: acme() }));
    const press = (state: ExplorerState, input: string, key: KeyInfo = {}) => {
      const view = model.view(state);
      return handleKey(state, input, key, { rows: view.rows, people: view.people, detail: view.detail, page: 5, kinds: model.kinds });
    };
    const start = initialState(model.kinds[0]);
    expect(press(start, 'q')).toBe('quit');
    expect(press(start, 'c', { ctrl: true })).toBe('quit');
    const typing = press(start, '/') as ExplorerState;
    expect(press(typing, 'q')).toMatchObject({ editing: true, filters: { modules: 'q' } });
    expect(press(typing, 'c', { ctrl: true })).toBe('quit');
    expect(press(typing, '\u0007')).toBe(typing); // control characters are not text
    const help = press(start, '?') as ExplorerState;
    expect(help.help).toBe(true);
    expect(press(help, 'q')).toMatchObject({ help: false });
    // x twice on the root: its top key person leaves, then the next one (explorer-history.ts).
    const marked = press(press(start, 'x') as ExplorerState, 'x') as ExplorerState;
    expect([...marked.leaving].map((i) => model.report.people[i]?.id)).toEqual(['alice@example.com', 'bob@example.com']);
    expect(press(start, 'c')).toMatchObject({ leaving: new Set() });
  });
});

describe('keys typed faster than they are read', () => {
  it('are taken one at a time, control characters as the keys they are', () => {
    expect(splitKeys('j', {})).toEqual([['j', {}]]);
    expect(splitKeys('\u001b[A', { upArrow: true })).toEqual([['\u001b[A', { upArrow: true }]]);
    expect(splitKeys('\tgx\r\u0003\u007f', {})).toEqual([
      ['', { tab: true }],
      ['g', {}],
      ['x', {}],
      ['', { return: true }],
      ['c', { ctrl: true }],
      ['', { backspace: true }],
    ]);
  });
});
