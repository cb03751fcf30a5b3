/**
 * The player on real hls.js (light build) in Chromium, over the committed fixture segments: playback,
 * muted autoplay, recovery from a media error, replay end, single-instance re-init, teardown counts
 * and stale callbacks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { HLS_ERROR_DETAILS, HLS_ERROR_TYPE } from '../../src/player/error-policy.ts';
import { loadHls, type HlsConstructor } from '../../src/player/hls-loader.ts';
import { Player, type PlayerOptions } from '../../src/player/player.ts';
import { playerResources } from '../../src/player/player-resources.ts';
import type { PlayerState } from '../../src/player/player-state.ts';
import { MediaDir } from './player-media.ts';

const media = new MediaDir('vod');
let src: string;
let Hls: HlsConstructor;
let video: HTMLVideoElement;
let player: Player | undefined;
let states: PlayerState[];

beforeAll(async () => {
  src = await media.writeVod('vod.m3u8');
  Hls = await loadHls();
}, 30_000);

afterAll(() => media.cleanup());

function mount(options: Partial<PlayerOptions> = {}): Player {
  video = document.createElement('video');
  video.style.cssText = 'width: 400px; height: 225px; background: #000; display: block';
  document.body.append(video);
  states = [];
  player = new Player(video, { onState: (s) => states.push(s), ...options });
  return player;
}

afterEach(() => {
  player?.destroy();
  player = undefined;
  video?.remove();
  expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
});

async function playedAtLeast(seconds: number, timeout = 15_000): Promise<void> {
  const from = video.currentTime;
  await expect.poll(() => video.currentTime - from, { timeout, interval: 100 }).toBeGreaterThanOrEqual(seconds);
}

describe('hls.js light on real media', () => {
  test('the literals of the error policy match the real hls.js enums', () => {
    for (const [key, value] of Object.entries(HLS_ERROR_TYPE)) expect(Object.values(Hls.ErrorTypes), key).toContain(value);
    for (const [key, value] of Object.entries(HLS_ERROR_DETAILS)) expect(Object.values(Hls.ErrorDetails), key).toContain(value);
    expect(Hls.isSupported()).toBe(true);
  });

  test('plays a real HLS stream with muted autoplay (currentTime advances ≥ 2 s)', async () => {
    const p = mount();
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    expect(p.state).toMatchObject({ engine: 'hls.js', muted: true, live: false, error: null });
    expect(video.muted).toBe(true);
    expect(video.hasAttribute('playsinline')).toBe(true);
    expect(p.hls).not.toBeNull();
    await playedAtLeast(2);
    expect(video.videoWidth).toBe(640);
    expect(states.map((s) => s.status)).toEqual(expect.arrayContaining(['loading', 'playing']));
    expect(states.some((s) => s.status === 'error')).toBe(false);
    await page.screenshot({ path: '__screenshots__/player-vod-playing.png', element: video });
  });

  test('transmuxes in a Web Worker when given the worker file', async () => {
    const workerPath = '/node_modules/hls.js/dist/hls.worker.js';
    // Count what the worker sends back: proof that it runs, not just that it was fetched (hls.js
    // silently falls back to main-thread transmuxing when its worker fails).
    const seen = { created: 0, messages: 0, errors: 0 };
    const RealWorker = globalThis.Worker;
    class CountingWorker extends RealWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        seen.created += 1;
        this.addEventListener('message', () => (seen.messages += 1));
        this.addEventListener('error', () => (seen.errors += 1));
      }
    }
    vi.stubGlobal('Worker', CountingWorker);
    try {
      const p = mount({ workerPath });
      p.load(src, { live: false });
      await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
      await playedAtLeast(1);
      expect(p.hls?.config.workerPath).toBe(workerPath);
      expect(seen.created).toBe(1);
      expect(seen.errors).toBe(0);
      expect(seen.messages).toBeGreaterThan(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  test('a worker file that is not there (404) still plays: transmuxing falls back to the main thread', async () => {
    const p = mount({ workerPath: '/no-such-dir/hls.worker.js' });
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    await playedAtLeast(1);
    expect(p.hls?.config.enableWorker, 'hls.js gave up on the worker').toBe(false);
  });

  test('a fatal media error is recovered with recoverMediaError and playback goes on', async () => {
    const p = mount();
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    await playedAtLeast(0.5);
    const hls = p.hls!;
    const recover = vi.spyOn(hls, 'recoverMediaError');
    hls.trigger(Hls.Events.ERROR, {
      type: Hls.ErrorTypes.MEDIA_ERROR,
      details: Hls.ErrorDetails.BUFFER_APPEND_ERROR,
      fatal: true,
      error: new Error('simulated decode failure'),
    });
    expect(recover).toHaveBeenCalledTimes(1);
    expect(states.some((s) => s.recovering === 'media')).toBe(true);
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    await playedAtLeast(1);
    expect(p.state).toMatchObject({ recovering: null, error: null });
    expect(p.hls).toBe(hls); // recovered in place, not re-created
  });

  test('a replay reaches ended', async () => {
    const p = mount();
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    video.currentTime = 22.5;
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('ended');
  });
});

describe('lifetimes', () => {
  test('load() twice leaves one hls.js instance, the first detached and destroyed', async () => {
    const p = mount();
    p.load(src, { live: false });
    await expect.poll(() => p.hls, { timeout: 10_000 }).not.toBeNull();
    const first = p.hls!;
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    expect(playerResources().hlsInstances).toBe(1);
    expect(p.hls).not.toBe(first);
    expect(first.media).toBeNull();
  });

  test('destroy() leaves zero instances, timers and listeners, and stale callbacks change nothing', async () => {
    const p = mount();
    p.load(src, { live: true }); // live: the edge sampler timer exists too
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
    expect(playerResources()).toMatchObject({ hlsInstances: 1, timers: 1 });
    const hls = p.hls!;
    // Our own listeners are the last ones registered on the instance.
    const onError = hls.listeners(Hls.Events.ERROR).at(-1)!;
    const onParsed = hls.listeners(Hls.Events.MANIFEST_PARSED).at(-1)!;

    p.destroy();
    p.destroy();
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
    expect(p.state.status).toBe('idle');
    expect(video.getAttribute('src') ?? '').toBe('');

    const count = states.length;
    onError(Hls.Events.ERROR, {
      type: Hls.ErrorTypes.NETWORK_ERROR,
      details: Hls.ErrorDetails.MANIFEST_LOAD_ERROR,
      fatal: true,
      error: new Error('late'),
    });
    onParsed(Hls.Events.MANIFEST_PARSED, {} as never);
    video.dispatchEvent(new Event('playing'));
    video.dispatchEvent(new Event('ended'));
    expect(states).toHaveLength(count);
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });

    // …and the controller can start again.
    p.load(src, { live: false });
    await expect.poll(() => p.state.status, { timeout: 15_000 }).toBe('playing');
  });
});
