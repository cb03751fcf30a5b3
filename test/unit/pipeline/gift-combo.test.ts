import { describe, it } from 'vitest';
import { giftCombo } from '../../../src/pipeline/index.ts';
import { bob, gift, scheduler } from './fixtures.ts';

describe('giftCombo', () => {
  it('grows one combo for the same sender and gift within the window', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const g1 = gift('g1', 'Rose', 1);
      const g2 = gift('g2', 'Rose', 2);
      const g3 = gift('g3', 'Rose', 1, { sender: bob });
      const g4 = gift('g4', 'Rose', 1);
      const src = cold('a 4ms b c 20ms d |', { a: g1, b: g2, c: g3, d: g4 });
      const k1 = 'alice\u0000Rose\u0000g1';
      expectObservable(src.pipe(giftCombo(10, ts))).toBe('a 4ms b c 20ms d |', {
        a: { key: k1, event: g1, total: 1, hits: 1, first: true },
        b: { key: k1, event: g2, total: 3, hits: 2, first: false },
        c: { key: 'bob\u0000Rose\u0000g3', event: g3, total: 1, hits: 1, first: true },
        d: { key: 'alice\u0000Rose\u0000g4', event: g4, total: 1, hits: 1, first: true },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 27ms !');
    });
  });
});
