/**
 * The hls.js configuration of one player start: the stream settings (stream-config.ts), our worker
 * file, and loaders that answer from what was fetched ahead — the playlist (playlist-prefetch.ts,
 * fetched by the page when the room knew its stream) and, for a live stream, the segment hls.js
 * will load first (segment-prefetch.ts, fetched from here as soon as that playlist is in, while
 * hls.js itself is still loading).
 *
 * Owns: the start's segment prefetch, dropped by `cancel()` (the start is torn down, or it plays
 * without hls.js).
 */
import { HLS_WORKER_URL } from './hls-worker-url.ts';
import type { HlsConfig } from './hls-loader.ts';
import type { PlaylistPrefetch } from './playlist-prefetch.ts';
import { prefetchingFragmentLoader, prefetchingLoader } from './prefetch-loader.ts';
import { SegmentPrefetch } from './segment-prefetch.ts';
import { hlsConfig, LIVE_SYNC_SEGMENTS } from './stream-config.ts';

export interface HlsStartInput {
  readonly src: string;
  readonly live: boolean;
  /** URL of a served `hls.worker.js`; undefined = ours, null = transmux on the main thread. */
  readonly workerPath?: string | null;
  readonly playlists?: Pick<PlaylistPrefetch, 'take' | 'peek'>;
}

export interface HlsStart {
  readonly config: Partial<HlsConfig>;
  cancel(): void;
}

export function prepareHlsStart({ src, live, workerPath, playlists }: HlsStartInput): HlsStart {
  const config = hlsConfig({ live, workerPath: workerPath === undefined ? HLS_WORKER_URL : workerPath });
  if (!playlists) return { config, cancel: () => undefined };
  const pLoader = prefetchingLoader(playlists);
  if (!live) return { config: { ...config, pLoader }, cancel: () => undefined };
  const segments = new SegmentPrefetch();
  segments.fromPlaylist(playlists.peek(src), LIVE_SYNC_SEGMENTS);
  return { config: { ...config, pLoader, fLoader: prefetchingFragmentLoader(segments) }, cancel: () => segments.cancel() };
}
