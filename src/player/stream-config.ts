/**
 * Pure stream settings: the hls.js configuration for live and replay playback, and the retry schedule
 * for a live stream that has not started yet.
 *
 * Must not: touch the DOM, timers or hls.js at runtime (types only) — everything here is unit-tested
 * in node.
 */
import type { HlsConfig } from './hls-loader.ts';

export interface StreamConfigInput {
  /** Live (sliding window) or replay (VOD). */
  readonly live: boolean;
  /**
   * URL of a served `hls.worker.js`. The ESM builds of hls.js carry no inline worker: without a path
   * they transmux on the main thread, which is correct but costs main-thread time next to the barrage.
   */
  readonly workerPath?: string | null;
}

/** The latency targets, in target durations; shared with the live-edge logic. */
export const LIVE_SYNC_SEGMENTS = 3;
/** hls.js jumps forward by itself past this many target durations behind the edge. */
export const LIVE_MAX_LATENCY_SEGMENTS = 10;

export function hlsConfig(input: StreamConfigInput): Partial<HlsConfig> {
  const common: Partial<HlsConfig> = {
    enableWorker: true,
    workerPath: input.workerPath ?? null,
    // Plain HLS from a CDN: no LL-HLS parts or blocking reloads to ask for.
    lowLatencyMode: false,
    // A chat-room page lives for hours: never let the played-back buffer grow without bound.
    backBufferLength: input.live ? 30 : 90,
    capLevelToPlayerSize: true,
    // Fetch the first segment as soon as the playlist is parsed, not after the MediaSource has
    // opened and the next 100 ms loop tick came round: the first frame arrives up to a tick sooner.
    startFragPrefetch: true,
  };
  if (!input.live) {
    return { ...common, maxBufferLength: 30, maxMaxBufferLength: 60 };
  }
  return {
    ...common,
    liveSyncDurationCount: LIVE_SYNC_SEGMENTS,
    liveMaxLatencyDurationCount: LIVE_MAX_LATENCY_SEGMENTS,
    // Nothing lies beyond the live edge; a short forward buffer keeps memory low and start fast.
    maxBufferLength: 12,
    maxMaxBufferLength: 30,
    // The manifest is fetched only at start. A failure there usually means "not live yet", which our
    // own schedule retries quietly; hls.js retrying too would only delay that verdict.
    manifestLoadPolicy: {
      default: {
        maxTimeToFirstByteMs: 10_000,
        maxLoadTimeMs: 15_000,
        timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
        errorRetry: { maxNumRetry: 0, retryDelayMs: 0, maxRetryDelayMs: 0 },
      },
    },
  };
}

/** How long to wait before asking again for a stream that has not started. */
export interface RetrySchedule {
  /** Delay before the first retry (ms). */
  readonly initialMs: number;
  /** Growth per attempt. */
  readonly factor: number;
  /** Ceiling (ms). */
  readonly maxMs: number;
  /** Fraction (0–1) the delay may be shortened by, so a crowd waiting for one stream spreads out. */
  readonly jitter: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { initialMs: 5_000, factor: 2, maxMs: 60_000, jitter: 0.1 };

/**
 * Delay before retry number `attempt` (0 = first): `initial × factor^attempt`, capped at `maxMs`, then
 * shortened by up to `jitter` × itself according to `random` ∈ [0, 1). Jitter only ever shortens, so
 * the ceiling holds.
 */
export function retryDelayMs(attempt: number, random: number, schedule: RetrySchedule = DEFAULT_RETRY_SCHEDULE): number {
  const n = Number.isFinite(attempt) ? Math.max(0, Math.floor(attempt)) : 0;
  const r = Number.isFinite(random) ? Math.min(Math.max(random, 0), 1) : 0;
  const jitter = Math.min(Math.max(schedule.jitter, 0), 1);
  const base = Math.min(schedule.maxMs, schedule.initialMs * schedule.factor ** n);
  return Math.max(0, Math.round(base * (1 - jitter * r)));
}

export type EnginePreference = 'auto' | 'hls.js' | 'native';

export interface EngineSupport {
  /** `Hls.isSupported()`, or false when there is no Media Source at all (hls.js then never loads). */
  readonly hlsSupported: boolean;
  /** `video.canPlayType('application/vnd.apple.mpegurl')`: '', 'maybe' or 'probably'. */
  readonly nativeHls: string;
}

/**
 * hls.js first, native second: recent Chromium answers 'maybe' for native HLS, yet hls.js is the
 * tested, controllable path there; Safari/iOS without Media Source fall back to native.
 */
export function chooseEngine(support: EngineSupport, preference: EnginePreference = 'auto'): 'hls.js' | 'native' | null {
  const native = support.nativeHls === 'maybe' || support.nativeHls === 'probably';
  if (preference === 'native') return native ? 'native' : null;
  if (support.hlsSupported) return 'hls.js';
  return preference === 'auto' && native ? 'native' : null;
}
