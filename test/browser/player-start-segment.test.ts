/**
 * The start-segment prefetch on real hls.js: the segment `liveStartSegment` predicts is the one
 * hls.js requests first (for every playlist it answers for), and a player started with a playlist
 * prefetch fetches that segment once, by the prefetch, and plays it.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { hlsConfig, LIVE_SYNC_SEGMENTS } from '../../src/player/stream-config.ts';
import { loadHls } from '../../src/player/hls-loader.ts';
import { Player } from '../../src/player/player.ts';
import { playerResources } from '../../src/player/player-resources.ts';
import { PlaylistPrefetch } from '../../src/player/playlist-prefetch.ts';
import { liveStartSegment } from '../../src/player/segment-pick.ts';
import { addVideo, MediaDir, removeVideos } from './player-media.ts';

let media: MediaDir | undefined;

afterEach(async () => {
  removeVideos();
  await media?.cleanup();
  expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
});

const playlistText = (durations: number[], sequence = 100): string =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-TARGETDURATION:2',
    `#EXT-X-MEDIA-SEQUENCE:${sequence}`,
    ...durations.flatMap((d, i) => [`#EXTINF:${d.toFixed(3)},`, `seg-${String(i).padStart(3, '0')}.m2ts`]),
  ].join('\n') + '\n';

/** The URL of the first fragment real hls.js (our live config) asks for. */
async function firstFragmentUrl(url: string): Promise<string> {
  const Hls = await loadHls();
  const hls = new Hls({ ...hlsConfig({ live: true, workerPath: null }), autoStartLoad: true });
  try {
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no fragment request within 10 s')), 10_000);
      hls.on(Hls.Events.FRAG_LOADING, (_e, data) => {
        clearTimeout(timer);
        resolve(new URL(data.frag.url, location.href).href);
      });
      hls.loadSource(url);
      hls.attachMedia(addVideo());
    });
  } finally {
    hls.destroy();
  }
}

describe('the predicted start segment is the one hls.js loads first', () => {
  test('regular, irregular and short windows', async () => {
    media = new MediaDir('start-pick');
    const windows = [
      [2, 2, 2, 2, 2, 2],
      [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2],
      [2, 2],
      [2.002, 2.002, 2.002, 2.002, 2.002, 2.002],
      [1.96, 2.04, 1.9, 2.1, 1.7, 2.3, 1.95, 2.05],
      [2.6, 1.2, 2.2, 1.4, 2.5, 1.0, 2.2, 2.2],
      [2, 2, 2.4, 1.8, 2, 2], // ambiguous: no prediction
    ];
    let predicted = 0;
    for (const [i, durations] of windows.entries()) {
      const text = playlistText(durations);
      const url = new URL(await media.writePlaylist(`w${i}.m3u8`, text), location.href).href;
      const ours = liveStartSegment(text, url, LIVE_SYNC_SEGMENTS);
      const theirs = await firstFragmentUrl(url);
      if (ours === null) continue;
      predicted++;
      expect(ours, `window ${i}: ${durations.join(' ')}`).toBe(theirs);
    }
    expect(predicted).toBe(windows.length - 1);
  });
});

describe('a player started with a playlist prefetch', () => {
  test('fetches the start segment once, by the prefetch, and plays', async () => {
    media = new MediaDir('start-fetch');
    const url = new URL(await media.writeLive('live.m3u8', 0, 8), location.href).href;
    const playlists = new PlaylistPrefetch();
    const at = performance.now();
    playlists.prefetch(url);
    const video = addVideo();
    const player = new Player(video, { playlists });
    try {
      player.load(url, { live: true });
      await expect.poll(() => player.state.status, { timeout: 15_000 }).toBe('playing');
      const start = new URL(media.url('seg-005.m2ts'), location.href).href; // 8 × 2 s: 6 s behind the 16 s edge
      const fetches = performance
        .getEntriesByType('resource')
        .filter((e) => e.name === start && e.startTime >= at) as PerformanceResourceTiming[];
      expect(fetches.map((e) => e.initiatorType)).toEqual(['fetch']);
      expect(video.buffered.length).toBeGreaterThan(0);
      expect(video.buffered.start(0)).toBeLessThanOrEqual(10.2); // the prefetched segment [10, 12) is what plays
    } finally {
      player.destroy();
    }
  });
});
