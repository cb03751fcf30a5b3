import { map } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { mergeGiftTaps, type GiftBatch, type GiftTap } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

const tap = (giftId: string, count = 1, preset = false, id = `${giftId}-${count}`): GiftTap => ({ id, giftId, count, preset });

describe('mergeGiftTaps', () => {
  it('99 rapid taps become exactly 5 batches summing to 99', () => {
    const ts = scheduler();
    const out: GiftBatch[] = [];
    ts.run(({ cold }) => {
      const marble = Array.from({ length: 99 }, () => 'a 49ms').join(' ') + ' 5s |';
      let n = 0;
      cold(marble, { a: 'rose' })
        .pipe(
          map((giftId) => tap(giftId, 1, false, `t${n++}`)),
          mergeGiftTaps({ scheduler: ts }),
        )
        .subscribe((b) => out.push(b));
    });
    expect(out.map((b) => b.count)).toEqual([20, 20, 20, 20, 19]);
    // every tap is named by exactly one batch, in order: callers are settled by id
    expect(out.flatMap((b) => b.tapIds)).toEqual(Array.from({ length: 99 }, (_, i) => `t${i}`));
    expect(out.every((b) => b.tapIds.length === b.count)).toBe(true);
    expect(out.every((b) => b.giftId === 'rose')).toBe(true);
  });

  it('flushes at the count, after idle, and on a preset; values, frames and subscriptions', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('aaa 20ms p 30ms |', { a: tap('rose'), p: tap('rose', 99, true) });
      // three taps → idle flush 10 ms after the last tap (frame 12); the preset goes at once
      expectObservable(src.pipe(mergeGiftTaps({ scheduler: ts, idleMs: 10, flushAt: 20 }))).toBe('12ms x 10ms y 30ms |', {
        x: { giftId: 'rose', count: 3, tapIds: ['rose-1', 'rose-1', 'rose-1'] },
        y: { giftId: 'rose', count: 99, tapIds: ['rose-99'] },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 53ms !');
    });
  });

  it('keeps gifts apart and flushes a pending batch when the source completes', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      const src = cold('ab|', { a: tap('rose'), b: tap('car', 2) });
      expectObservable(src.pipe(mergeGiftTaps({ scheduler: ts, idleMs: 10 }))).toBe('--(xy|)', {
        x: { giftId: 'rose', count: 1, tapIds: ['rose-1'] },
        y: { giftId: 'car', count: 2, tapIds: ['car-2'] },
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
