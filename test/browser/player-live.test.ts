/**
 * The player on real hls.js against live playlists written while the test runs: a stream that is not
 * published yet (404 → quiet retries on a short schedule → plays once it appears), and a sliding
 * window that advances every target duration (latency figure, behind-live after a pause, goLive()),
 * and an origin that restarts its stream (media sequence from 0 again).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { Player, type PlayerOptions } from '../../src/player/player.ts';
import { playerResources } from '../../src/player/player-resources.ts';
import type { PlayerState } from '../../src/player/player-state.ts';
import { MediaDir } from './player-media.ts';

let media: MediaDir;
let video: HTMLVideoElement;
let player: Player | undefined;
let states: PlayerState[];
let ticker: ReturnType<typeof setInterval> | undefined;

function mount(options: Partial<PlayerOptions> = {}): Player {
  video = document.createElement('video');
  video.style.cssText = 'width: 400px; height: 225px; background: #000; display: block';
  document.body.append(video);
  states = [];
  player = new Player(video, { onState: (s) => states.push(s), ...options });
  return player;
}

afterEach(async () => {
  clearInterval(ticker);
  player?.destroy();
  player = undefined;
  video?.remove();
  await media?.cleanup();
  expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
});

describe('a live stream that has not started', () => {
  test('404 → waiting-for-stream with retries on the schedule, no error, then plays once published', async () => {
    media = new MediaDir('late');
    await media.stage();
    const url = media.url('live.m3u8'); // not written yet: the server answers 404
    const noise = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
    const p = mount({ retrySchedule: { initialMs: 300, factor: 2, maxMs: 1200, jitter: 0 } });
    p.load(url, { live: true });

    await expect.poll(() => p.state.status, { timeout: 10_000 }).toBe('waiting-for-stream');
    expect(p.state.retry).toEqual({ attempt: 1, delayMs: 300 });
    expect(p.state.error).toBeNull();
    await expect.poll(() => p.state.retry?.attempt ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
    const delays = states.filter((s) => s.status === 'waiting-for-stream').map((s) => s.retry!.delayMs);
    expect(delays.slice(0, 3)).toEqual([300, 600, 1200]);
    // Between attempts nothing is held: no hls.js instance, only the retry timer.
    if (p.state.status === 'waiting-for-stream') expect(playerResources()).toMatchObject({ hlsInstances: 0, timers: 1 });

    await media.writeLive('live.m3u8', 0, 6);
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    expect(states.some((s) => s.status === 'error')).toBe(false);
    expect(p.state).toMatchObject({ engine: 'hls.js', live: true, retry: null });
    // "Quietly": no console errors or warnings from the player or hls.js while waiting.
    for (const spy of noise) expect(spy).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  }, 40_000);
});

describe('a sliding live window', () => {
  test('reports latency, flags behind-live after a long pause, and goLive() returns to the edge', async () => {
    media = new MediaDir('live');
    let first = 0;
    const url = await media.writeLive('live.m3u8', first, 4);
    // The origin's clock: one new segment per target duration (2 s).
    ticker = setInterval(() => {
      if (first + 4 >= 12) return;
      first += 1;
      void media.writeLive('live.m3u8', first, 4);
    }, 2000);

    const p = mount({ liveEdgeIntervalMs: 250 });
    p.load(url, { live: true });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    await expect.poll(() => p.state.latency, { timeout: 5_000 }).not.toBeNull();
    // Sync point is 3 target durations (6 s) behind the edge; allow for playlist age and start-up.
    expect(p.state.latency!).toBeGreaterThan(2);
    expect(p.state.latency!).toBeLessThan(12);
    expect(p.state.behindLive).toBe(false);
    await page.screenshot({ path: '__screenshots__/player-live-playing.png', element: video });

    video.pause();
    await expect.poll(() => p.state.status).toBe('paused');
    // Paused while the window slides: once > 3 target durations behind the sync point → behind live.
    await expect.poll(() => p.state.behindLive, { timeout: 15_000, interval: 250 }).toBe(true);
    const behindBy = p.state.latency!;

    p.goLive();
    await expect.poll(() => p.state.status, { timeout: 10_000 }).toBe('playing');
    await expect.poll(() => p.state.behindLive, { timeout: 5_000 }).toBe(false);
    expect(p.state.latency!).toBeLessThan(behindBy);
    expect(p.hls!.liveSyncPosition! - video.currentTime).toBeLessThan(2);
    const resumedAt = video.currentTime;
    await expect.poll(() => video.currentTime - resumedAt, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  }, 45_000);
});

describe('an origin that restarts its stream', () => {
  test('a playlist that starts again from sequence 0 keeps the picture moving, without an error', async () => {
    media = new MediaDir('restart');
    // Live for a while: media sequence 300 onwards (the files are the fixture's, sliding from 4).
    let sequence = 300;
    let first = 4;
    const write = (): Promise<string> => media.writeLiveAt('live.m3u8', sequence, first, 4);
    const url = await write();
    const slide = (): void => {
      if (first + 4 >= 12) return;
      first += 1;
      sequence += 1;
      void write();
    };
    ticker = setInterval(slide, 2000);
    const p = mount({ liveEdgeIntervalMs: 250 });
    p.load(url, { live: true });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    const playedTo = video.currentTime;
    await expect.poll(() => video.currentTime - playedTo, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);

    // The origin restarts: its playlist begins again at sequence 0 and slides on from there.
    const bufferedBefore = video.buffered.length ? video.buffered.end(video.buffered.length - 1) : video.currentTime;
    clearInterval(ticker);
    sequence = 0;
    first = 0;
    await write();
    ticker = setInterval(slide, 2000);
    // Past what was buffered before the restart (the sync point is 3 segments, 6 s, behind the edge),
    // the picture moves on the new playlist: no freeze, no error card, nothing for the viewer to do.
    await expect.poll(() => video.currentTime, { timeout: 25_000, interval: 250 }).toBeGreaterThan(bufferedBefore + 1);
    const t = video.currentTime;
    await expect.poll(() => video.currentTime - t, { timeout: 5000, interval: 100 }).toBeGreaterThan(0.5); // and still moving
    expect(p.state.status).toBe('playing');
    expect(states.some((s) => s.status === 'error')).toBe(false);
    expect(p.state.error).toBeNull();
  }, 60_000);
});
