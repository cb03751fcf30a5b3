/**
 * The options of a `Player` (player-controller.ts) and of its `load()`.
 */
import type { HlsConstructor } from './hls-loader.ts';
import type { RecoveryLimits } from './error-policy.ts';
import type { PlayerState } from './player-state.ts';
import type { EarlyMediaSource } from './early-media-source.ts';
import type { PlaylistPrefetch } from './playlist-prefetch.ts';
import type { EnginePreference, RetrySchedule } from './stream-config.ts';

export interface PlayerOptions {
  /** Called on every state change (never for a change that did not happen). */
  readonly onState?: (state: PlayerState) => void;
  /** Schedule for a live stream that has not started (default 5 s ×2 up to 60 s, −10 % jitter). */
  readonly retrySchedule?: Partial<RetrySchedule>;
  readonly recoveryLimits?: Partial<RecoveryLimits>;
  /** Source of jitter in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  /** URL of a served `hls.worker.js`; default ours (hls-worker-url.ts), `null` = transmux on the main thread. */
  readonly workerPath?: string | null;
  /** Called when hls.js's worker failed to start or died (it transmuxes on the main thread from then). */
  readonly onWorkerFallback?: (reason: string) => void;
  /** Force an engine (tests, or a host that knows better); default 'auto'. */
  readonly engine?: EnginePreference;
  /** How often the live edge is sampled (ms); default 1000. */
  readonly liveEdgeIntervalMs?: number;
  /** The hls.js seam; replaceable so a test can simulate a failed chunk load. */
  readonly loadHls?: () => Promise<HlsConstructor>;
  /** A playlist fetched ahead (playlist-prefetch.ts): hls.js's first requests for it and its first segment are answered from it. */
  readonly playlists?: Pick<PlaylistPrefetch, 'take' | 'peek'>;
  /** A Media Source already opened on the video (early-media-source.ts), for the next start to hand to hls.js. */
  readonly takeMediaSource?: () => EarlyMediaSource | null;
}

export interface LoadOptions {
  /** Live sliding-window stream (true) or replay/VOD (false). */
  readonly live: boolean;
}
