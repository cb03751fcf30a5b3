import { describe, expect, it } from 'vitest';
import { mergeGiftTaps, type GiftBatch, type GiftTap } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

const tap = (giftId: string, count = 1, preset = false): GiftTap => ({ giftId, count, preset });

describe('mergeGiftTaps', () => {
  it('99 rapid taps become exactly 5 batches summing to 99', () => {
    const ts = scheduler();
    const out: GiftBatch[] = [];
    ts.run(({ cold }) => {
      const marble = Array.from({ length: 99 }, () => 'a 49ms').join(' ') + ' 5s |';
      cold(marble, { a: tap('rose') })
        .pipe(mergeGiftTaps({ scheduler: ts }))
        .subscribe((b) => out.push(b));
    });
    expect(out.map((b) => b.count)).toEqual([20, 20, 20, 20, 19]);
    expect(out.every((b) => b.giftId === 'rose')).toBe(true);
  });

  it('flushes at the count, after idle, and on a preset; values, frames and subscriptions', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('aaa 20ms p 30ms |', { a: tap('rose'), p: tap('rose', 99, true) });
      // three taps → idle flush 10 ms after the last tap (frame 12); the preset goes at once
      expectObservable(src.pipe(mergeGiftTaps({ scheduler: ts, idleMs: 10, flushAt: 20 }))).toBe('12ms x 10ms y 30ms |', {
        x: { giftId: 'rose', count: 3 },
        y: { giftId: 'rose', count: 99 },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 53ms !');
    });
  });

  it('keeps gifts apart and flushes a pending batch when the source completes', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold('ab|', { a: tap('rose'), b: tap('car', 2) });
      expectObservable(src.pipe(mergeGiftTaps({ scheduler: ts, idleMs: 10 }))).toBe('--(xy|)', {
        x: { giftId: 'rose', count: 1 },
        y: { giftId: 'car', count: 2 },
      });
    });
  });

  it('ignores invalid counts', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold('ab|', { a: tap('rose', 0), b: tap('rose', -3) });
      expectObservable(src.pipe(mergeGiftTaps({ scheduler: ts }))).toBe('--|');
    });
  });
});
