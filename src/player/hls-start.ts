/**
 * The hls.js configuration of one player start: the stream settings (stream-config.ts), our worker
 * file, and loaders that answer from what was fetched ahead — the playlist (playlist-prefetch.ts,
 * fetched by the page when the room knew its stream) and, for a live stream, the segment hls.js
 * will load first (segment-prefetch.ts, fetched from here as soon as that playlist is in, while
 * hls.js itself is still loading).
 *
 * It also opens the video's Media Source (early-media-source.ts), so the browser opens it while
 * hls.js loads, and hands it to hls.js's `attachMedia`.
 *
 * Owns: the start's segment prefetch and early Media Source, dropped by `cancel()` (the start is torn
 * down, or it plays without hls.js).
 */
import { openMediaSourceEarly, type EarlyMediaSource, type MediaAttachment } from './early-media-source.ts';
import { HLS_WORKER_URL } from './hls-worker-url.ts';
import { workerScriptUrl } from '../platform/workers.ts';
import type { HlsConfig } from './hls-loader.ts';
import type { PlaylistPrefetch } from './playlist-prefetch.ts';
import { prefetchingFragmentLoader, prefetchingLoader } from './prefetch-loader.ts';
import { SegmentPrefetch } from './segment-prefetch.ts';
import { hlsConfig, LIVE_SYNC_SEGMENTS } from './stream-config.ts';

export interface HlsStartInput {
  readonly src: string;
  readonly live: boolean;
  /** URL of a served `hls.worker.js`; undefined = ours, null = transmux on the main thread. */
  readonly workerPath?: string | null | undefined;
  readonly playlists?: Pick<PlaylistPrefetch, 'take' | 'peek'> | undefined;
  /** The video hls.js will play into: its Media Source is opened now (early-media-source.ts)… */
  readonly video?: HTMLVideoElement;
  /** …unless one was opened on it before (by the page, while the player's chunks loaded). */
  readonly early?: EarlyMediaSource | null;
}

export interface HlsStart {
  readonly config: Partial<HlsConfig>;
  /** What hls.js's `attachMedia` takes: the video with its early Media Source, or just the video. */
  attachment(video: HTMLVideoElement): HTMLVideoElement | MediaAttachment;
  /** The start ends without handing its work to hls.js: drops the prefetch and the early source. */
  cancel(): void;
}

export function prepareHlsStart({ src, live, workerPath, playlists, video, early: opened }: HlsStartInput): HlsStart {
  // Ours from any origin: hls.js starts a classic worker from this URL (a blob: bootstrap when
  // our files are on another origin than the page, platform/workers.ts).
  const path = workerPath === undefined ? workerScriptUrl(HLS_WORKER_URL, 'classic') : workerPath;
  let config: Partial<HlsConfig> = hlsConfig({ live, workerPath: path });
  let segments: SegmentPrefetch | null = null;
  if (playlists) {
    config = { ...config, pLoader: prefetchingLoader(playlists) };
    if (live) {
      segments = new SegmentPrefetch();
      segments.fromPlaylist(playlists.peek(src), LIVE_SYNC_SEGMENTS);
      config = { ...config, fLoader: prefetchingFragmentLoader(segments) };
    }
  }
  const early = video ? (opened ?? openMediaSourceEarly(video)) : null;
  return {
    config,
    attachment: (target) => (early && target === video ? early.handOver() : target),
    cancel() {
      segments?.cancel();
      early?.release();
    },
  };
}
