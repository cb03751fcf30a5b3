import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  chooseEngine,
  DEFAULT_RETRY_SCHEDULE,
  hlsConfig,
  LIVE_MAX_LATENCY_SEGMENTS,
  LIVE_SYNC_SEGMENTS,
  retryDelayMs,
} from '../../../src/player/stream-config.ts';

describe('hlsConfig', () => {
  test('live: sync and max latency in target durations, no LL-HLS, bounded buffers, worker on', () => {
    const c = hlsConfig({ live: true, workerPath: '/w.js' });
    expect(c).toMatchObject({
      liveSyncDurationCount: LIVE_SYNC_SEGMENTS,
      liveMaxLatencyDurationCount: LIVE_MAX_LATENCY_SEGMENTS,
      lowLatencyMode: false,
      enableWorker: true,
      workerPath: '/w.js',
      backBufferLength: 30,
      maxBufferLength: 12,
    });
    expect(c.liveMaxLatencyDurationCount!).toBeGreaterThan(c.liveSyncDurationCount!);
    // hls.js refuses configs that mix count- and duration-based live settings.
    expect(c.liveSyncDuration).toBeUndefined();
    expect(c.liveMaxLatencyDuration).toBeUndefined();
    // Not-started streams are retried by our schedule, not by hls.js.
    expect(c.manifestLoadPolicy?.default.errorRetry?.maxNumRetry).toBe(0);
  });

  test('replay: no live settings, keeps a larger back buffer for seeking, default manifest policy', () => {
    const c = hlsConfig({ live: false });
    expect(c.liveSyncDurationCount).toBeUndefined();
    expect(c.manifestLoadPolicy).toBeUndefined();
    expect(c).toMatchObject({ lowLatencyMode: false, enableWorker: true, workerPath: null, backBufferLength: 90, maxBufferLength: 30 });
  });
});

describe('retryDelayMs', () => {
  const noJitter = { ...DEFAULT_RETRY_SCHEDULE, jitter: 0 };

  test.each([
    [0, 5_000],
    [1, 10_000],
    [2, 20_000],
    [3, 40_000],
    [4, 60_000],
    [10, 60_000],
    [1000, 60_000],
  ])('attempt %i waits %i ms without jitter', (attempt, expected) => {
    expect(retryDelayMs(attempt, 0.5, noJitter)).toBe(expected);
  });

  test('jitter only shortens, by at most the jitter fraction', () => {
    expect(retryDelayMs(0, 0)).toBe(5_000);
    expect(retryDelayMs(0, 0.999_999)).toBe(4_500);
    expect(retryDelayMs(9, 0.5)).toBe(57_000);
  });

  test('garbage inputs stay within bounds', () => {
    expect(retryDelayMs(-3, 0)).toBe(5_000);
    expect(retryDelayMs(Number.NaN, Number.NaN)).toBe(5_000);
    expect(retryDelayMs(Infinity, 2)).toBe(5_000 * 0.9);
  });

  test('property: never above the ceiling, never below (1 - jitter) × the un-jittered delay, monotone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), (n, r) => {
        const d = retryDelayMs(n, r);
        const base = Math.min(60_000, 5_000 * 2 ** n);
        expect(d).toBeLessThanOrEqual(60_000);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(retryDelayMs(n + 1, 0)).toBeGreaterThanOrEqual(retryDelayMs(n, 0));
      }),
    );
  });

  test('a custom short schedule (as tests use)', () => {
    const s = { initialMs: 100, factor: 3, maxMs: 500, jitter: 0 };
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n, 0, s))).toEqual([100, 300, 500, 500]);
  });
});

describe('chooseEngine', () => {
  test.each([
    // hls.js first: Chromium says 'maybe' to native HLS, but hls.js wins when supported.
    [{ hlsSupported: true, nativeHls: 'maybe' }, 'auto', 'hls.js'],
    [{ hlsSupported: true, nativeHls: '' }, 'auto', 'hls.js'],
    [{ hlsSupported: false, nativeHls: 'maybe' }, 'auto', 'native'],
    [{ hlsSupported: false, nativeHls: 'probably' }, 'auto', 'native'],
    [{ hlsSupported: false, nativeHls: '' }, 'auto', null],
    [{ hlsSupported: true, nativeHls: 'maybe' }, 'native', 'native'],
    [{ hlsSupported: true, nativeHls: '' }, 'native', null],
    [{ hlsSupported: false, nativeHls: 'maybe' }, 'hls.js', null],
  ] as const)('%o with %s → %s', (support, pref, expected) => {
    expect(chooseEngine(support, pref)).toBe(expected);
  });
});
