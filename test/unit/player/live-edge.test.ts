import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  FALLBACK_TARGET_DURATION,
  liveSeekTarget,
  measureLiveEdge,
  seekableEnd,
  type LiveEdgeSample,
} from '../../../src/player/live-edge.ts';

const sample = (s: Partial<LiveEdgeSample>): LiveEdgeSample => ({
  currentTime: 0,
  syncPosition: null,
  seekableEnd: null,
  targetDuration: 2,
  liveEdge: null,
  wasBehind: false,
  ...s,
});

describe('measureLiveEdge (hls.js numbers)', () => {
  // Target duration 2 s: behind when more than 3 × 2 = 6 s behind the sync position.
  test.each([
    [100, 100, false],
    [100, 95, false],
    [100, 94, false],
    [100, 93.9, true],
    [100, 50, true],
  ])('sync %d, playhead %d → behind %s', (syncPosition, currentTime, behind) => {
    expect(measureLiveEdge(sample({ syncPosition, currentTime })).behindLive).toBe(behind);
  });

  test('hysteresis: once behind, live again only within one target duration', () => {
    expect(measureLiveEdge(sample({ syncPosition: 100, currentTime: 96, wasBehind: true })).behindLive).toBe(true);
    expect(measureLiveEdge(sample({ syncPosition: 100, currentTime: 98.5, wasBehind: true })).behindLive).toBe(false);
    expect(measureLiveEdge(sample({ syncPosition: 100, currentTime: 96, wasBehind: false })).behindLive).toBe(false);
  });

  test('latency: estimated live edge − playhead (rounded to 0.1 s), else seekable end − playhead', () => {
    expect(measureLiveEdge(sample({ syncPosition: 100, currentTime: 99, liveEdge: 106.04, seekableEnd: 105 })).latency).toBe(7);
    expect(measureLiveEdge(sample({ syncPosition: 100, currentTime: 99, seekableEnd: 105.26 })).latency).toBe(6.3);
    expect(measureLiveEdge(sample({ currentTime: 110, liveEdge: 106 })).latency).toBe(0);
    expect(measureLiveEdge(sample({ currentTime: 99 })).latency).toBeNull();
  });
});

describe('measureLiveEdge (native: only the seekable range)', () => {
  test('without a sync position, the seekable end minus 3 target durations is the reference', () => {
    // Unknown target duration: Apple's 6 s. Sync point = 200 − 18 = 182; behind below 182 − 18 = 164.
    const base = { seekableEnd: 200, targetDuration: null };
    expect(measureLiveEdge(sample({ ...base, currentTime: 182 }))).toEqual({ latency: 18, behindLive: false });
    expect(measureLiveEdge(sample({ ...base, currentTime: 164.5 })).behindLive).toBe(false);
    expect(measureLiveEdge(sample({ ...base, currentTime: 163 })).behindLive).toBe(true);
    expect(FALLBACK_TARGET_DURATION).toBe(6);
  });

  test('nothing known: not behind, no latency', () => {
    expect(measureLiveEdge(sample({ currentTime: 5 }))).toEqual({ latency: null, behindLive: false });
    expect(measureLiveEdge(sample({ currentTime: Number.NaN, syncPosition: 10 }))).toEqual({ latency: null, behindLive: false });
  });

  test('property: playing at or ahead of the sync point is never behind live', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.boolean(),
        (sync, ahead, td, wasBehind) => {
          expect(measureLiveEdge(sample({ syncPosition: sync, currentTime: sync + ahead, targetDuration: td, wasBehind })).behindLive).toBe(
            false,
          );
        },
      ),
    );
  });
});

describe('liveSeekTarget', () => {
  test('prefers hls.js sync position, else seekable end − 3 target durations, never negative', () => {
    expect(liveSeekTarget(42, 60, 2)).toBe(42);
    expect(liveSeekTarget(null, 60, 2)).toBe(54);
    expect(liveSeekTarget(null, 60, null)).toBe(42);
    expect(liveSeekTarget(null, 4, 2)).toBe(0);
    expect(liveSeekTarget(null, null, 2)).toBeNull();
  });
});

describe('seekableEnd', () => {
  test('is the end of the last range, or null without one', () => {
    const ranges = (ends: number[]) => ({ length: ends.length, end: (i: number) => ends[i]! });
    expect(seekableEnd(ranges([]))).toBeNull();
    expect(seekableEnd(ranges([4, 12.5]))).toBe(12.5);
  });
});
