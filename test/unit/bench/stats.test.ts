/** The bench's statistics helpers (test/bench/stats.ts). */
import { describe, expect, it } from 'vitest';
import { maxInWindow, median, percentile, spread, summarize, summarizeFrames } from '../../bench/stats.ts';

describe('bench stats', () => {
  it('median and percentiles interpolate over the sorted values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([7], 99)).toBe(7);
    expect(median([])).toBeNaN();
    expect(median([1, NaN, 3])).toBe(2); // non-finite values are ignored
  });

  it('spread is max/min, 1 for equal values, Infinity with a zero among others', () => {
    expect(spread([2, 3, 4])).toBe(2);
    expect(spread([5, 5])).toBe(1);
    expect(spread([0, 0])).toBe(1);
    expect(spread([0, 1])).toBe(Infinity);
    expect(spread([])).toBeNaN();
  });

  it('summarises frame intervals: fps over the span, tail percentiles, share over 20 ms', () => {
    const intervals = [...Array(98).fill(16), 40, 60];
    const s = summarizeFrames(intervals);
    expect(s.frames).toBe(100);
    expect(s.fps).toBeCloseTo((100 * 1000) / (98 * 16 + 100));
    expect(s.maxMs).toBe(60);
    expect(s.over20Pct).toBe(2);
    expect(s.p50Ms).toBe(16);
    expect(s.p99Ms).toBeGreaterThan(40);
    expect(summarizeFrames([]).fps).toBe(0);
  });

  it('summarize keeps the raw values with median and spread', () => {
    expect(summarize([1, 2, 4])).toEqual({ median: 2, spread: 4, min: 1, max: 4, values: [1, 2, 4] });
  });

  it('counts the most events inside any window', () => {
    expect(maxInWindow([], 1000)).toBe(0);
    expect(maxInWindow([0, 1000, 2000], 950)).toBe(1);
    expect(maxInWindow([0, 500, 1000, 1100], 950)).toBe(3);
    expect(maxInWindow([0, 500, 1500], 950)).toBe(2);
    expect(maxInWindow([300, 0, 100], 950)).toBe(3);
  });
});
