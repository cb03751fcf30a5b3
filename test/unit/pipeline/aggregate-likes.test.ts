import { describe, expect, it } from 'vitest';
import { aggregateLikes } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

describe('aggregateLikes', () => {
  it('sums per window opened by the first tap, silent when idle', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b 10ms c 20ms |', { a: 1, b: 2, c: 5 });
      expectObservable(src.pipe(aggregateLikes(10, ts))).toBe('10ms x 12ms y 10ms |', { x: 3, y: 5 });
      expectSubscriptions(src.subscriptions).toBe('^ 33ms !');
    });
  });

  it('flushes the partial window when the source completes', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable }) => {
      expectObservable(cold('a|', { a: 4 }).pipe(aggregateLikes(10, ts))).toBe('-(x|)', { x: 4 });
    });
  });

  it('1,000 taps over 10 s become at most 10 sums adding up to 1,000', () => {
    const ts = scheduler();
    const sums: number[] = [];
    ts.run(({ cold }) => {
      const marble = Array.from({ length: 1000 }, () => 'a 9ms').join(' ') + ' |';
      cold(marble, { a: 1 })
        .pipe(aggregateLikes(1000, ts))
        .subscribe((n) => sums.push(n));
    });
    expect(sums.length).toBeLessThanOrEqual(10);
    expect(sums.reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
