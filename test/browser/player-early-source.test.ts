/**
 * The Media Source opened while hls.js loads (early-media-source.ts): it opens on the real
 * `<video>`, real hls.js adopts it through `attachMedia({ media, mediaSource })` and plays through
 * it, and a start that never reaches hls.js lets go of it. The element's own first start uses one
 * opened by the page's part of the player, before the player's chunk has run.
 */
import { afterEach, describe, expect, test } from 'vitest';
import '../../src/define.ts';
import { openMediaSourceEarly } from '../../src/player/early-media-source.ts';
import { Player } from '../../src/player/player.ts';
import { playerResources } from '../../src/player/player-resources.ts';
import { mount, until, VOD } from './element-helpers.ts';
import { addVideo, MediaDir, removeVideos } from './player-media.ts';

let media: MediaDir | undefined;
const originalCreate = URL.createObjectURL;

afterEach(async () => {
  URL.createObjectURL = originalCreate;
  removeVideos();
  document.querySelectorAll('live-chat-room').forEach((e) => e.remove());
  await media?.cleanup();
  media = undefined;
  expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
});

const opened = (source: MediaSource): Promise<void> =>
  source.readyState === 'open'
    ? Promise.resolve()
    : new Promise((resolve) => source.addEventListener('sourceopen', () => resolve(), { once: true }));

describe('openMediaSourceEarly', () => {
  test('opens a MediaSource on the video, handed over once', async () => {
    const video = addVideo();
    const early = openMediaSourceEarly(video)!;
    expect(video.src).toMatch(/^blob:/);
    const { media: m, mediaSource } = early.handOver();
    expect(m).toBe(video);
    await opened(mediaSource);
    expect(mediaSource.readyState).toBe('open');
    expect(() => early.handOver()).toThrow(/already handed-over/);
    early.release(); // after the hand-over it is hls.js's: nothing happens
    expect(video.src).toMatch(/^blob:/);
    expect(mediaSource.readyState).toBe('open');
  });

  test('release takes it off the video, closes it and frees its URL; idempotent', async () => {
    const video = addVideo();
    const created: string[] = [];
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const url = originalCreate.call(URL, o);
      created.push(url);
      return url;
    };
    // The source is only reachable through the hand-over, so watch the element instead.
    const started = new Promise<void>((resolve) => video.addEventListener('loadstart', () => resolve(), { once: true }));
    const early = openMediaSourceEarly(video)!;
    const closed = new Promise<void>((resolve) => {
      video.addEventListener('emptied', () => resolve(), { once: true });
    });
    await started; // the element has started to open it
    early.release();
    early.release();
    expect(video.hasAttribute('src')).toBe(false);
    await closed;
    expect(created).toHaveLength(1);
    await expect(fetch(created[0]!)).rejects.toThrow(); // revoked
    expect(() => early.handOver()).toThrow(/already released/);
  });

  test('none where hls.js would use a managed source, or there is no MediaSource', () => {
    const video = addVideo();
    expect(openMediaSourceEarly(video, { MediaSource, ManagedMediaSource: class {} })).toBeNull();
    expect(openMediaSourceEarly(video, {})).toBeNull();
    expect(video.hasAttribute('src')).toBe(false);
  });
});

describe('a player start with an early Media Source', () => {
  test('real hls.js plays through the source opened before it loaded', async () => {
    media = new MediaDir('early-source');
    const url = new URL(await media.writeLive('live.m3u8', 0, 6), location.href).href;
    const video = addVideo();
    const early = openMediaSourceEarly(video)!;
    const src = video.src;
    let taken = 0;
    const player = new Player(video, { takeMediaSource: () => (taken++, early) });
    try {
      player.load(url, { live: true });
      await expect.poll(() => player.state.status, { timeout: 15_000 }).toBe('playing');
      expect(taken).toBe(1);
      expect(video.src).toBe(src); // hls.js made no source of its own
      expect(video.buffered.length).toBeGreaterThan(0);
    } finally {
      player.destroy();
    }
    expect(video.hasAttribute('src')).toBe(false); // hls.js let go of it on destroy
  });

  test('a start torn down before hls.js arrives lets go of it', async () => {
    const video = addVideo();
    const early = openMediaSourceEarly(video)!;
    const player = new Player(video, { takeMediaSource: () => early, loadHls: () => new Promise(() => undefined) });
    player.load('/never.m3u8', { live: true });
    expect(video.src).toMatch(/^blob:/);
    player.destroy();
    expect(video.hasAttribute('src')).toBe(false);
  });

  test('a start without hls.js (native engine) lets go of it first', () => {
    const video = addVideo();
    const early = openMediaSourceEarly(video)!;
    const player = new Player(video, { engine: 'native', takeMediaSource: () => early });
    try {
      player.load(VOD, { live: false });
      expect(() => early.handOver()).toThrow(/already released/);
    } finally {
      player.destroy();
    }
  });

  test("the element's first start plays through one the page opened, not one hls.js made", async () => {
    const sources: { url: string; stack: string }[] = [];
    URL.createObjectURL = (o: Blob | MediaSource) => {
      const url = originalCreate.call(URL, o);
      if (o instanceof MediaSource) sources.push({ url, stack: new Error().stack ?? '' });
      return url;
    };
    const { el } = await mount({ props: { src: VOD } });
    const video = el.shadowRoot!.querySelector('video')!;
    await until(() => video.currentTime > 0.5, 15_000);
    expect(sources).toHaveLength(1);
    expect(sources[0]!.stack).toContain('early-media-source'); // the page's early source, not one hls.js made
    expect(video.src).toBe(sources[0]!.url);
  });
});
