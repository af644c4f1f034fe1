import { describe, expect, it } from 'vitest';
import { StateLedger, TreeState } from '../../src/ownership/tree-state.js';

describe('TreeState', () => {
  it('forks share the base but not later changes, across flattening', () => {
    const state = TreeState.empty<number>();
    for (let i = 0; i < 500; i += 1) state.set(`f${i}`, i);
    const fork = state.fork();
    state.set('f1', 100);
    state.delete('f2');
    fork.set('f3', 300);
    for (let i = 500; i < 700; i += 1) state.set(`f${i}`, i); // forces a flatten of `state`
    expect([state.get('f1'), state.get('f2'), state.get('f3'), state.size]).toEqual([100, undefined, 3, 699]);
    expect([fork.get('f1'), fork.get('f2'), fork.get('f3'), fork.size]).toEqual([1, 2, 300, 500]);
  });
});

describe('StateLedger', () => {
  it('gives the last child the state itself and earlier children forks, then forgets it', () => {
    const ledger = new StateLedger<number>(Int32Array.from([2]));
    const state = TreeState.empty<number>();
    state.set('a', 1);
    ledger.put(0, state);
    const first = ledger.take(0);
    expect(first).not.toBe(state);
    first.set('a', 2);
    const second = ledger.take(0);
    expect(second).toBe(state);
    expect(second.get('a')).toBe(1);
    expect(ledger.held).toBe(0);
  });
});
