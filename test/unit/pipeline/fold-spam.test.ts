import { describe, it } from 'vitest';
import { foldSpam } from '../../../src/pipeline/index.ts';
import { alice, bob, item, me, scheduler, text } from './fixtures.ts';

const carol = { ...bob, id: 'carol', nick: 'Carol' };

describe('foldSpam', () => {
  it('passes the first text, folds repeats in the window into one ×N item', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const a = item(text('1', '666', { sender: alice }));
      const b = item(text('2', '666 ', { sender: bob }));
      const c = item(text('3', 'hi', { sender: bob }));
      const d = item(text('4', '666', { sender: carol }));
      const src = cold('abcd 16ms |', { a, b, c, d });
      expectObservable(src.pipe(foldSpam({ windowMs: 10, scheduler: ts }))).toBe('a-c- 6ms F 9ms |', {
        a,
        c,
        F: { ...d, folded: 2 },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 19ms !');
    });
  });

  it('never folds own messages', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const o1 = item(text('o1', '666', { sender: me, own: true }));
      const o2 = item(text('o2', '666', { sender: me, own: true }));
      expectObservable(cold('ab|', { a: o1, b: o2 }).pipe(foldSpam({ windowMs: 10, scheduler: ts }))).toBe('ab|', { a: o1, b: o2 });
    });
  });

  it('completion waits for open windows, so no repeat is lost', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const a = item(text('1', 'gg', { sender: alice }));
      const b = item(text('2', 'gg', { sender: bob }));
      expectObservable(cold('ab|', { a, b }).pipe(foldSpam({ windowMs: 10, scheduler: ts }))).toBe('a 9ms (F|)', {
        a,
        F: { ...b, folded: 1 },
      });
    });
  });
});
