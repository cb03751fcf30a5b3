/**
 * Pure error decisions: what to do with an hls.js error or a native `<video>` error, given what has
 * happened so far.
 *
 * Owns: the "not started yet" verdict (quiet retry on a schedule instead of an error), the bounded
 * recovery budget (network: `startLoad`, media: `recoverMediaError`, then one `swapAudioCodec`) and
 * the final reason when we give up.
 *
 * Must not: call hls.js or touch media — the controller carries out the decision. hls.js enum values
 * are written as their string values (see `ErrorTypes`/`ErrorDetails` in hls.js' typings) so this file
 * stays free of runtime imports; a browser test checks them against the real enums.
 */
import type { PlayerError } from './player-state.ts';

/** The subset of hls.js' `ErrorData` the policy reads. */
export interface HlsErrorFacts {
  readonly type: string;
  readonly details: string;
  readonly fatal: boolean;
  /** `demuxerWorker`: hls.js's worker failed and it transmuxes on the main thread from now on. */
  readonly event?: string;
}

export interface StreamFacts {
  readonly live: boolean;
  /**
   * A media playlist with at least one segment (hls.js), or the media metadata (native), arrived for
   * the current attempt: the stream exists, so later failures are real errors.
   */
  readonly started: boolean;
}

export interface RecoveryLimits {
  /** `hls.startLoad()` attempts per incident. */
  readonly network: number;
  /** `hls.recoverMediaError()` attempts per incident, before the one codec swap. */
  readonly media: number;
  /** Media seconds that must play without a new fatal error before the budget refills. */
  readonly refillAfterSeconds: number;
}

export const DEFAULT_RECOVERY_LIMITS: RecoveryLimits = { network: 3, media: 2, refillAfterSeconds: 10 };

export interface RecoveryBudget {
  readonly network: number;
  readonly media: number;
  readonly swapped: boolean;
  /** Playhead position at the last recovery, to know when playback has really resumed. */
  readonly markTime: number | null;
}

export const FRESH_BUDGET: RecoveryBudget = { network: 0, media: 0, swapped: false, markTime: null };

export type ErrorDecision =
  | { readonly action: 'ignore' }
  | { readonly action: 'wait-for-stream' }
  | { readonly action: 'recover-network' }
  | { readonly action: 'recover-media' }
  | { readonly action: 'swap-codec-and-recover' }
  | { readonly action: 'give-up'; readonly error: PlayerError };

export const HLS_ERROR_TYPE = {
  network: 'networkError',
  media: 'mediaError',
  keySystem: 'keySystemError',
  mux: 'muxError',
  other: 'otherError',
} as const;

export const HLS_ERROR_DETAILS = {
  manifestLoadError: 'manifestLoadError',
  manifestLoadTimeOut: 'manifestLoadTimeOut',
  manifestParsingError: 'manifestParsingError',
  manifestIncompatibleCodecsError: 'manifestIncompatibleCodecsError',
  levelEmptyError: 'levelEmptyError',
  levelLoadError: 'levelLoadError',
  levelLoadTimeOut: 'levelLoadTimeOut',
} as const;

/** Failures that, before any segment was listed, mean "nothing is published at this URL yet". */
const NOT_STARTED_DETAILS: ReadonlySet<string> = new Set([
  HLS_ERROR_DETAILS.manifestLoadError,
  HLS_ERROR_DETAILS.manifestLoadTimeOut,
  // An origin that answers 200 with an empty or placeholder playlist before the stream starts.
  HLS_ERROR_DETAILS.manifestParsingError,
  HLS_ERROR_DETAILS.levelEmptyError,
  // A multivariant playlist whose media playlists are not published yet.
  HLS_ERROR_DETAILS.levelLoadError,
  HLS_ERROR_DETAILS.levelLoadTimeOut,
]);

export function decideHlsError(
  error: HlsErrorFacts,
  stream: StreamFacts,
  used: RecoveryBudget,
  limits: RecoveryLimits = DEFAULT_RECOVERY_LIMITS,
): ErrorDecision {
  // Non-fatal errors are retried inside hls.js; reacting to them would fight its own logic.
  if (!error.fatal) return { action: 'ignore' };

  if (!stream.started && NOT_STARTED_DETAILS.has(error.details)) {
    return stream.live ? { action: 'wait-for-stream' } : giveUp('stream-unavailable', `replay playlist unavailable (${error.details})`);
  }
  if (error.details === HLS_ERROR_DETAILS.manifestIncompatibleCodecsError) {
    return giveUp('unsupported', 'the stream uses codecs this browser cannot play');
  }
  switch (error.type) {
    case HLS_ERROR_TYPE.network:
      return used.network < limits.network ? { action: 'recover-network' } : giveUp('network', `network error persists (${error.details})`);
    case HLS_ERROR_TYPE.media:
      if (used.media < limits.media) return { action: 'recover-media' };
      if (!used.swapped) return { action: 'swap-codec-and-recover' };
      return giveUp('media', `media error persists (${error.details})`);
    default:
      return giveUp('other', `${error.type}: ${error.details}`);
  }
}

/** `MediaError.code` values (HTML standard). */
export const MEDIA_ERR = { aborted: 1, network: 2, decode: 3, srcNotSupported: 4 } as const;

/**
 * Native HLS (Safari) reports only a `MediaError` code. Before metadata arrived, any failure of a live
 * source is treated as "not started" (Safari reports a 404 playlist as SRC_NOT_SUPPORTED). Recovery
 * for native playback means reloading the source at the same position.
 */
export function decideNativeError(
  code: number,
  stream: StreamFacts,
  used: RecoveryBudget,
  limits: RecoveryLimits = DEFAULT_RECOVERY_LIMITS,
): ErrorDecision {
  if (code === MEDIA_ERR.aborted) return { action: 'ignore' };
  if (!stream.started) {
    if (stream.live) return { action: 'wait-for-stream' };
    return code === MEDIA_ERR.srcNotSupported || code === MEDIA_ERR.network
      ? giveUp('stream-unavailable', `replay cannot be loaded (MediaError ${code})`)
      : giveUp('media', `replay cannot be decoded (MediaError ${code})`);
  }
  if (code === MEDIA_ERR.network) {
    return used.network < limits.network ? { action: 'recover-network' } : giveUp('network', 'network error persists');
  }
  if (code === MEDIA_ERR.decode) {
    return used.media < limits.media ? { action: 'recover-media' } : giveUp('media', 'decode error persists');
  }
  return giveUp('unsupported', `MediaError ${code}`);
}

/** Records one recovery attempt of `action` made at playhead `time`. */
export function spendBudget(used: RecoveryBudget, action: ErrorDecision['action'], time: number): RecoveryBudget {
  switch (action) {
    case 'recover-network':
      return { ...used, network: used.network + 1, markTime: time };
    case 'recover-media':
      return { ...used, media: used.media + 1, markTime: time };
    case 'swap-codec-and-recover':
      return { ...used, swapped: true, markTime: time };
    default:
      return used;
  }
}

/**
 * A budget refills only after playback has really moved on since the last recovery; refilling on a
 * mere `playing` event would let an error that recurs right after each recovery loop forever.
 */
export function refillBudget(used: RecoveryBudget, currentTime: number, limits: RecoveryLimits = DEFAULT_RECOVERY_LIMITS): RecoveryBudget {
  if (used.markTime === null) return used;
  return currentTime - used.markTime >= limits.refillAfterSeconds ? FRESH_BUDGET : used;
}

function giveUp(reason: PlayerError['reason'], message: string): ErrorDecision {
  return { action: 'give-up', error: { reason, message } };
}
