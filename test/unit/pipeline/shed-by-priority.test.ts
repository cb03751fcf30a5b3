import { describe, it } from 'vitest';
import { shedByPriority } from '../../../src/pipeline/index.ts';
import type { Priority } from '../../../src/protocol/index.ts';
import { scheduler } from './fixtures.ts';

type I = { id: string; p: Priority; own?: boolean };
const i = (id: string, p: Priority, own = false): I => ({ id, p, own });

describe('shedByPriority', () => {
  it('releases on demand, highest priority first, FIFO within a priority', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const src = cold<I>('abc------|', { a: i('a', 'low'), b: i('b', 'normal'), c: i('c', 'high') });
      const demand = hot<number>('----x--', { x: 2 });
      const out = src.pipe(shedByPriority<I>({ capacity: 10, priorityOf: (x) => x.p, demand$: demand, scheduler: ts }));
      expectObservable(out).toBe('----(CBd)(L|)', {
        C: { type: 'item', item: i('c', 'high') },
        B: { type: 'item', item: i('b', 'normal') },
        d: { type: 'depth', depth: 1 },
        L: { type: 'drop', item: i('a', 'low'), reason: 'stale', priority: 'low' },
      });
      expectSubscriptions(src.subscriptions).toBe('^--------!');
    });
  });

  it('over capacity sheds the oldest of the lowest priority, never High', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable }) => {
      const src = cold<I>('abcd|', { a: i('a', 'normal'), b: i('b', 'low'), c: i('c', 'high'), d: i('d', 'lowest') });
      const out = src.pipe(shedByPriority<I>({ capacity: 2, priorityOf: (x) => x.p, demand$: hot('-'), scheduler: ts }));
      // at c (3 queued) the low "b" goes; at d (3 queued) the lowest "d" goes itself
      expectObservable(out).toBe('--BD(ca|)', {
        B: { type: 'drop', item: i('b', 'low'), reason: 'shed', priority: 'low' },
        D: { type: 'drop', item: i('d', 'lowest'), reason: 'shed', priority: 'lowest' },
        // what still waits when the source ends is reported, not silently lost
        c: { type: 'drop', item: i('c', 'high'), reason: 'stale', priority: 'high' },
        a: { type: 'drop', item: i('a', 'normal'), reason: 'stale', priority: 'normal' },
      });
    });
  });

  it('sheds the oldest High item too when only High items are over capacity (a bounded buffer for every priority)', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable, expectSubscriptions }) => {
      const src = cold<I>('abc-------|', { a: i('a', 'high'), b: i('b', 'high'), c: i('c', 'high') });
      const demand = hot<number>('----x', { x: 5 });
      const out = src.pipe(shedByPriority<I>({ capacity: 1, priorityOf: (x) => x.p, demand$: demand, scheduler: ts }));
      expectObservable(out).toBe('-AB-(cd)--|', {
        A: { type: 'drop', item: i('a', 'high'), reason: 'shed', priority: 'high' },
        B: { type: 'drop', item: i('b', 'high'), reason: 'shed', priority: 'high' },
        c: { type: 'item', item: i('c', 'high') },
        d: { type: 'depth', depth: 0 },
      });
      expectSubscriptions(src.subscriptions).toBe('^---------!');
    });
  });

  it('ages High items out like the others (a flood of High comments does not queue for hours)', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable }) => {
      const src = cold<I>('a 5ms b 19ms |', { a: i('a', 'high'), b: i('b', 'high') });
      const demand = hot<number>('- 9ms x', { x: 5 });
      const out = src.pipe(shedByPriority<I>({ capacity: 10, priorityOf: (x) => x.p, demand$: demand, maxAgeMs: 5, scheduler: ts }));
      expectObservable(out).toBe('- 9ms (SBd) 11ms |', {
        S: { type: 'drop', item: i('a', 'high'), reason: 'stale', priority: 'high' },
        B: { type: 'item', item: i('b', 'high') },
        d: { type: 'depth', depth: 0 },
      });
    });
  });

  it('own (protected) items skip the queue and are never dropped, even with zero demand', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable }) => {
      const src = cold<I>('ao|', { a: i('a', 'normal'), o: i('o', 'normal', true) });
      const out = src.pipe(
        shedByPriority<I>({ capacity: 0, priorityOf: (x) => x.p, isProtected: (x) => !!x.own, demand$: hot('-'), scheduler: ts }),
      );
      expectObservable(out).toBe('AO|', {
        A: { type: 'drop', item: i('a', 'normal'), reason: 'shed', priority: 'normal' },
        O: { type: 'item', item: i('o', 'normal', true) },
      });
    });
  });

  it('drops stale items on demand instead of showing them late', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable }) => {
      const src = cold<I>('a 5ms b 19ms |', { a: i('a', 'normal'), b: i('b', 'normal') });
      const demand = hot<number>('- 9ms x', { x: 5 });
      // a arrived at 0, b at 6; demand at 10 with maxAge 5 → a is stale, b is fresh
      const out = src.pipe(shedByPriority<I>({ capacity: 10, priorityOf: (x) => x.p, demand$: demand, maxAgeMs: 5, scheduler: ts }));
      expectObservable(out).toBe('- 9ms (SBd) 11ms |', {
        S: { type: 'drop', item: i('a', 'normal'), reason: 'stale', priority: 'normal' },
        B: { type: 'item', item: i('b', 'normal') },
        d: { type: 'depth', depth: 0 },
      });
    });
  });

  it('keeps unused demand as a level: later items pass at once until it is used up', () => {
    const ts = scheduler();
    ts.run(({ hot, cold, expectObservable }) => {
      const demand = hot<number>('^x-------', { x: 2 });
      const src = cold<I>('--abc---|', { a: i('a', 'normal'), b: i('b', 'normal'), c: i('c', 'normal') });
      expectObservable(src.pipe(shedByPriority<I>({ capacity: 10, priorityOf: (x) => x.p, demand$: demand, scheduler: ts }))).toBe(
        '-dab----(C|)',
        {
          d: { type: 'depth', depth: 0 },
          a: { type: 'item', item: i('a', 'normal') },
          b: { type: 'item', item: i('b', 'normal') },
          C: { type: 'drop', item: i('c', 'normal'), reason: 'stale', priority: 'normal' },
        },
      );
    });
  });
});
