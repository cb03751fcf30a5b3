/**
 * Pure statistics for the benchmark: median, percentiles, spread and frame-interval summaries.
 * No I/O; unit-tested in test/unit/bench/stats.test.ts.
 */

/** Sorted copy, finite numbers only. */
const sorted = (xs: readonly number[]): number[] => xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);

/** Linear-interpolated percentile (p in 0–100); NaN for an empty list. */
export function percentile(xs: readonly number[], p: number): number {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  if (s.length === 1) return s[0]!;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (s.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo);
}

export const median = (xs: readonly number[]): number => percentile(xs, 50);

export const mean = (xs: readonly number[]): number => {
  const s = sorted(xs);
  return s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN;
};

/**
 * Spread of repeated measurements: max / min. 1 when all are equal (zeros included); Infinity when
 * the smallest is 0 (or negative) and the others are not; NaN for no data.
 */
export function spread(xs: readonly number[]): number {
  const s = sorted(xs);
  if (s.length === 0) return NaN;
  const lo = s[0]!;
  const hi = s[s.length - 1]!;
  if (hi === lo) return 1;
  if (lo <= 0) return Infinity;
  return hi / lo;
}

export interface FrameSummary {
  readonly frames: number;
  /** Frames per second over the recorded span (count / total interval time). */
  readonly fps: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Share of intervals longer than 20 ms, in percent. */
  readonly over20Pct: number;
}

/** Summarises rAF frame intervals (ms). */
export function summarizeFrames(intervals: readonly number[]): FrameSummary {
  const s = sorted(intervals);
  const total = s.reduce((a, b) => a + b, 0);
  return {
    frames: s.length,
    fps: total > 0 ? (s.length * 1000) / total : 0,
    p50Ms: percentile(s, 50),
    p95Ms: percentile(s, 95),
    p99Ms: percentile(s, 99),
    maxMs: s.length ? s[s.length - 1]! : NaN,
    over20Pct: s.length ? (100 * s.filter((x) => x > 20).length) / s.length : NaN,
  };
}

/** Median and spread of one metric over repetitions, plus the raw values. */
export interface Summary {
  readonly median: number;
  readonly spread: number;
  readonly min: number;
  readonly max: number;
  readonly values: readonly number[];
}

export function summarize(values: readonly number[]): Summary {
  const s = sorted(values);
  return { median: median(s), spread: spread(s), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, values: [...values] };
}

/** Most sends inside any window of `windowMs` (times in ms, any order). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const s = sorted(times);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < s.length; hi++) {
    while (s[hi]! - s[lo]! >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
