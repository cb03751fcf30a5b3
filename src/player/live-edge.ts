/**
 * Pure live-edge arithmetic: how far behind live the viewer is, and whether the UI should offer
 * "back to live".
 *
 * Must not: read media or hls.js objects — the controller samples numbers and passes them in.
 */
import { LIVE_SYNC_SEGMENTS } from './stream-config.ts';

/** Native HLS exposes no target duration; Apple's recommended segment length is 6 s. */
export const FALLBACK_TARGET_DURATION = 6;
/** Behind live when this many target durations behind the sync point… */
export const BEHIND_AFTER_SEGMENTS = 3;
/** …and live again only within this many (hysteresis, so the badge does not flicker). */
export const LIVE_AGAIN_WITHIN_SEGMENTS = 1;

export interface LiveEdgeSample {
  readonly currentTime: number;
  /** hls.js `liveSyncPosition` (edge minus the sync delay), or null (native, or not known yet). */
  readonly syncPosition: number | null;
  /** End of the last seekable range (the live edge as the media element sees it), or null. */
  readonly seekableEnd: number | null;
  /** Playlist target duration in seconds, or null when unknown. */
  readonly targetDuration: number | null;
  /**
   * hls.js' estimate of the live edge now: the playlist's edge plus the time since it was loaded
   * (`latestLevelDetails.edge + age`). Unlike hls.js' `latency`, which is refreshed only on
   * `timeupdate`, it keeps moving while the video is paused. Null when unknown (native).
   */
  readonly liveEdge: number | null;
  /** The previous verdict, for hysteresis. */
  readonly wasBehind: boolean;
}

export interface LiveEdgeVerdict {
  readonly latency: number | null;
  readonly behindLive: boolean;
}

export function measureLiveEdge(s: LiveEdgeSample): LiveEdgeVerdict {
  const td = positive(s.targetDuration) ?? FALLBACK_TARGET_DURATION;
  const syncPoint = finite(s.syncPosition) ?? (finite(s.seekableEnd) !== null ? (s.seekableEnd as number) - LIVE_SYNC_SEGMENTS * td : null);
  const edge = finite(s.liveEdge) ?? finite(s.seekableEnd);
  const latency = edge !== null ? Math.max(0, edge - s.currentTime) : null;
  if (syncPoint === null || !Number.isFinite(s.currentTime)) {
    return { latency: round(latency), behindLive: false };
  }
  const lag = syncPoint - s.currentTime;
  const threshold = (s.wasBehind ? LIVE_AGAIN_WITHIN_SEGMENTS : BEHIND_AFTER_SEGMENTS) * td;
  return { latency: round(latency), behindLive: lag > threshold };
}

/** Where "back to live" seeks: hls.js' sync position, else the seekable end minus the sync delay. */
export function liveSeekTarget(syncPosition: number | null, seekableEnd: number | null, targetDuration: number | null): number | null {
  const sync = finite(syncPosition);
  if (sync !== null) return sync;
  const end = finite(seekableEnd);
  if (end === null) return null;
  const td = positive(targetDuration) ?? FALLBACK_TARGET_DURATION;
  return Math.max(0, end - LIVE_SYNC_SEGMENTS * td);
}

function finite(n: number | null): number | null {
  return n !== null && Number.isFinite(n) ? n : null;
}

function positive(n: number | null): number | null {
  return n !== null && Number.isFinite(n) && n > 0 ? n : null;
}

/** Tenths of a second: finer changes are noise and would only wake the UI. */
function round(n: number | null): number | null {
  return n === null ? null : Math.round(n * 10) / 10;
}

/** The end of the last seekable range (the live window's edge as the media element sees it), or null. */
export function seekableEnd(ranges: { readonly length: number; end(index: number): number }): number | null {
  return ranges.length > 0 ? ranges.end(ranges.length - 1) : null;
}
