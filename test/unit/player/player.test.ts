import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Player, type PlayerOptions } from '../../../src/player/player.ts';
import { playerResources } from '../../../src/player/player-resources.ts';
import type { PlayerState } from '../../../src/player/player-state.ts';
import { FakeHls, fakeHlsClass, FakeVideo, HLS_EVENTS, settle } from './fakes.ts';

const LIVE = 'https://cdn.example/live/room.m3u8';
const VOD = 'https://cdn.example/replay/room.m3u8';

let video: FakeVideo;
let states: PlayerState[];
let player: Player;

function make(options: Partial<PlayerOptions> = {}): Player {
  player = new Player(video as unknown as HTMLVideoElement, {
    onState: (s) => states.push(s),
    loadHls: async () => fakeHlsClass,
    random: () => 0,
    retrySchedule: { initialMs: 1000, factor: 2, maxMs: 4000, jitter: 0.1 },
    ...options,
  });
  return player;
}
const last = () => states[states.length - 1]!;
const hls = () => FakeHls.instances[FakeHls.instances.length - 1]!;

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('MediaSource', class {});
  FakeHls.instances = [];
  FakeHls.supported = true;
  video = new FakeVideo();
  states = [];
});

afterEach(() => {
  player?.destroy();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
});

describe('starting playback', () => {
  test('hls.js path: muted autoplay, light config for live, play on manifest, playing on media event', async () => {
    make().load(LIVE, { live: true });
    expect(last()).toMatchObject({ status: 'loading', src: LIVE, live: true, muted: true });
    await settle();
    expect(FakeHls.instances).toHaveLength(1);
    expect(hls().calls).toEqual(['attachMedia', `loadSource ${LIVE}`]);
    expect(hls().config).toMatchObject({ liveSyncDurationCount: 3, lowLatencyMode: false, enableWorker: true });
    expect(video).toMatchObject({ muted: true, autoplay: true });
    expect(video.attributes.has('playsinline')).toBe(true);
    expect(last().engine).toBe('hls.js');

    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    expect(video.playCalls).toBe(1);
    video.fire('playing');
    expect(last()).toMatchObject({ status: 'playing', muted: true });
    expect(playerResources()).toMatchObject({ hlsInstances: 1, timers: 1 }); // the live-edge sampler
  });

  test('hls.js first even though native HLS answers "maybe" (Chromium)', async () => {
    video.nativeHls = 'maybe';
    make().load(VOD, { live: false });
    await settle();
    expect(last().engine).toBe('hls.js');
    expect(video.src).toBe('');
    expect(playerResources().timers).toBe(0); // no live-edge sampling for a replay
  });

  test('native path when hls.js is unsupported, without waiting for the stream', async () => {
    FakeHls.supported = false;
    video.nativeHls = 'maybe';
    make().load(VOD, { live: false });
    await settle();
    expect(last().engine).toBe('native');
    expect(video.src).toBe(VOD);
    expect(FakeHls.instances).toHaveLength(0);
    video.fire('loadedmetadata');
    expect(video.playCalls).toBe(1);
  });

  test('no Media Source at all: hls.js is never even loaded', async () => {
    vi.unstubAllGlobals();
    video.nativeHls = 'probably';
    const loadHls = vi.fn(async () => fakeHlsClass);
    make({ loadHls }).load(LIVE, { live: true });
    await settle();
    expect(loadHls).not.toHaveBeenCalled();
    expect(last().engine).toBe('native');
  });

  test('no HLS at all → error unsupported', async () => {
    FakeHls.supported = false;
    make().load(LIVE, { live: true });
    await settle();
    expect(last()).toMatchObject({ status: 'error', error: { reason: 'unsupported' } });
  });

  test('hls.js chunk fails to load → load-failed error (or native when it exists)', async () => {
    make({ loadHls: () => Promise.reject(new Error('chunk 404')) }).load(LIVE, { live: true });
    await settle();
    expect(last()).toMatchObject({ status: 'error', error: { reason: 'load-failed', message: 'chunk 404' } });

    video.nativeHls = 'maybe';
    player.retry();
    await settle();
    expect(last()).toMatchObject({ status: 'loading', engine: 'native' });
  });
});

describe('autoplay and mute', () => {
  test('unmuted play refused → falls back to muted autoplay and says so', async () => {
    make();
    player.unmute();
    player.load(VOD, { live: false });
    await settle();
    expect(video.muted).toBe(false);
    video.playOutcomes = ['NotAllowedError'];
    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    await settle();
    expect(video.playCalls).toBe(2);
    expect(video.muted).toBe(true);
    expect(last().muted).toBe(true);
    expect(last().autoplayBlocked).toBe(false);
  });

  test('even muted play refused → paused with autoplayBlocked; play() from a gesture starts it', async () => {
    make().load(VOD, { live: false });
    await settle();
    video.playOutcomes = ['NotAllowedError'];
    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    await settle();
    expect(last()).toMatchObject({ status: 'paused', autoplayBlocked: true });
    player.play();
    video.fire('playing');
    expect(last()).toMatchObject({ status: 'playing', autoplayBlocked: false });
  });

  test('an AbortError from a superseded play() is not a refusal', async () => {
    make().load(VOD, { live: false });
    await settle();
    video.playOutcomes = ['AbortError'];
    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    await settle();
    expect(last().autoplayBlocked).toBe(false);
  });

  test('unmute() unmutes (restoring a zero volume) and the choice survives a reload', async () => {
    make().load(VOD, { live: false });
    await settle();
    video.volume = 0;
    player.unmute();
    expect(video).toMatchObject({ muted: false, volume: 1 });
    expect(last().muted).toBe(false);
    player.load(LIVE, { live: true });
    await settle();
    expect(video.muted).toBe(false);
    video.setMuted(true); // the viewer mutes with the native controls
    expect(last().muted).toBe(true);
  });
});

describe('a live stream that has not started', () => {
  test('is retried on the schedule, quietly, then plays', async () => {
    make().load(LIVE, { live: true });
    await settle();
    const first = hls();
    first.error('networkError', 'manifestLoadError');
    expect(last()).toMatchObject({ status: 'waiting-for-stream', retry: { attempt: 1, delayMs: 1000 }, error: null });
    await settle();
    expect(first.destroyed).toBe(true);
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 1, mediaListeners: 0 });

    await vi.advanceTimersByTimeAsync(999);
    expect(FakeHls.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeHls.instances).toHaveLength(2);
    expect(last()).toMatchObject({ status: 'loading', engine: 'hls.js' });

    hls().error('networkError', 'manifestLoadError');
    expect(last().retry).toEqual({ attempt: 2, delayMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    hls().error('networkError', 'manifestLoadTimeOut');
    expect(last().retry).toEqual({ attempt: 3, delayMs: 4000 });
    await vi.advanceTimersByTimeAsync(4000);
    hls().error('networkError', 'manifestLoadError');
    expect(last().retry).toEqual({ attempt: 4, delayMs: 4000 }); // capped
    await vi.advanceTimersByTimeAsync(4000);

    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    hls().levelLoaded();
    video.fire('playing');
    expect(last()).toMatchObject({ status: 'playing', retry: null });
    expect(states.some((s) => s.status === 'error')).toBe(false);
    expect(FakeHls.instances.filter((h) => !h.destroyed)).toHaveLength(1);
  });

  test('jitter comes from the injected random source', async () => {
    make({ random: () => 0.5 }).load(LIVE, { live: true });
    await settle();
    hls().error('networkError', 'manifestLoadError');
    expect(last().retry).toEqual({ attempt: 1, delayMs: 950 });
  });

  test('retry() skips the wait; a new load() resets the schedule', async () => {
    make().load(LIVE, { live: true });
    await settle();
    hls().error('networkError', 'manifestLoadError');
    player.retry();
    await settle();
    expect(FakeHls.instances).toHaveLength(2);
    hls().error('networkError', 'manifestLoadError');
    expect(last().retry).toEqual({ attempt: 1, delayMs: 1000 });
    expect(playerResources().timers).toBe(1);
  });

  test('after the stream started, the same error is recovered, not waited for', async () => {
    make().load(LIVE, { live: true });
    await settle();
    hls().levelLoaded();
    hls().error('networkError', 'levelLoadError');
    expect(hls().calls).toContain('startLoad');
    expect(last().status).toBe('loading');
    expect(last().recovering).toBe('network');
  });
});

describe('error recovery', () => {
  async function playingLive(options: Partial<PlayerOptions> = {}) {
    make(options).load(LIVE, { live: true });
    await settle();
    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    hls().levelLoaded();
    video.fire('playing');
  }

  test('media errors: recoverMediaError ×2, then swapAudioCodec + recover, then a clear error', async () => {
    await playingLive();
    const h = hls();
    h.error('mediaError', 'bufferAppendError');
    expect(last()).toMatchObject({ status: 'stalled', recovering: 'media' });
    video.fire('playing');
    h.error('mediaError', 'bufferAppendError');
    h.error('mediaError', 'bufferAppendError');
    expect(h.calls.filter((c) => c !== 'attachMedia' && !c.startsWith('loadSource'))).toEqual([
      'recoverMediaError',
      'recoverMediaError',
      'swapAudioCodec',
      'recoverMediaError',
    ]);
    h.error('mediaError', 'bufferAppendError');
    expect(last()).toMatchObject({ status: 'error', error: { reason: 'media' } });
    await settle();
    expect(h.destroyed).toBe(true);
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });

    player.retry();
    await settle();
    expect(last()).toMatchObject({ status: 'loading', error: null });
    hls().error('mediaError', 'bufferAppendError');
    expect(hls().calls).toContain('recoverMediaError'); // fresh budget after retry()
  });

  test('network errors: startLoad up to the limit, then error network', async () => {
    await playingLive({ recoveryLimits: { network: 2 } });
    const h = hls();
    h.error('networkError', 'fragLoadError');
    h.error('networkError', 'fragLoadError');
    expect(h.calls.filter((c) => c === 'startLoad')).toHaveLength(2);
    h.error('networkError', 'fragLoadError');
    expect(last()).toMatchObject({ status: 'error', error: { reason: 'network' } });
  });

  test('the budget refills only after real progress', async () => {
    await playingLive({ recoveryLimits: { media: 1, refillAfterSeconds: 10 } });
    const h = hls();
    video.currentTime = 5;
    h.error('mediaError', 'x'); // recover #1 at t=5
    video.currentTime = 14;
    video.fire('timeupdate');
    h.error('mediaError', 'x'); // not refilled yet → swap
    expect(h.calls.at(-2)).toBe('swapAudioCodec');
    video.currentTime = 30;
    video.fire('timeupdate');
    h.error('mediaError', 'x'); // refilled → plain recover again
    expect(h.calls.at(-1)).toBe('recoverMediaError');
    expect(h.calls.at(-2)).not.toBe('swapAudioCodec');
    expect(last().status).not.toBe('error');
  });

  test('non-fatal errors change nothing', async () => {
    await playingLive();
    const before = last();
    hls().error('networkError', 'fragLoadError', false);
    expect(last()).toBe(before);
    expect(hls().calls).not.toContain('startLoad');
  });
});

describe('teardown and stale callbacks', () => {
  test('load() twice leaves one instance; the first one is destroyed', async () => {
    make().load(LIVE, { live: true });
    await settle();
    player.load(VOD, { live: false });
    await settle();
    expect(FakeHls.instances).toHaveLength(2);
    expect(FakeHls.instances[0]!.destroyed).toBe(true);
    expect(playerResources().hlsInstances).toBe(1);
  });

  test('load() twice before hls.js arrived creates only the second instance', async () => {
    make();
    player.load(LIVE, { live: true });
    player.load(VOD, { live: false });
    await settle();
    expect(FakeHls.instances).toHaveLength(1);
    expect(hls().url).toBe(VOD);
  });

  test('destroy() while hls.js is loading creates nothing', async () => {
    make().load(LIVE, { live: true });
    player.destroy();
    await settle();
    expect(FakeHls.instances).toHaveLength(0);
    expect(last().status).toBe('idle');
  });

  test('callbacks captured from a replaced instance change nothing', async () => {
    make().load(LIVE, { live: true });
    await settle();
    const old = hls();
    const oldError = old.listeners.get(HLS_EVENTS.ERROR)![0]!;
    const oldParsed = old.listeners.get(HLS_EVENTS.MANIFEST_PARSED)![0]!;
    player.load(VOD, { live: false });
    await settle();
    const before = last();
    oldError(HLS_EVENTS.ERROR, { type: 'mediaError', details: 'x', fatal: true });
    oldError(HLS_EVENTS.ERROR, { type: 'networkError', details: 'manifestLoadError', fatal: true });
    oldParsed(HLS_EVENTS.MANIFEST_PARSED, {});
    expect(last()).toBe(before);
    expect(video.playCalls).toBe(0);
    expect(hls().calls).not.toContain('recoverMediaError');
    expect(playerResources().timers).toBe(0);
  });

  test('destroy() releases everything, is idempotent, and load() works again', async () => {
    make().load(LIVE, { live: true });
    await settle();
    hls().trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    video.fire('playing');
    player.destroy();
    player.destroy();
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
    expect(last().status).toBe('idle');
    const count = states.length;
    video.fire('playing');
    video.fire('pause');
    expect(states).toHaveLength(count);

    player.load(LIVE, { live: true });
    await settle();
    expect(last()).toMatchObject({ status: 'loading', engine: 'hls.js' });
    expect(playerResources().hlsInstances).toBe(1);
  });

  test('a pending not-started retry dies with destroy()', async () => {
    make().load(LIVE, { live: true });
    await settle();
    hls().error('networkError', 'manifestLoadError');
    player.destroy();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(FakeHls.instances).toHaveLength(1);
    expect(last().status).toBe('idle');
  });

  test.each(['loading', 'waiting-for-stream', 'playing', 'error'])('destroy() from inside onState (%s) leaks nothing', async (at) => {
    let destroyed = false;
    make({
      onState: (s) => {
        states.push(s);
        // 'loading': once the engine is reported, i.e. after the engine and its timer exist.
        if (s.status === at && (at !== 'loading' || s.engine !== null) && !destroyed) {
          destroyed = true;
          player.destroy();
        }
      },
      recoveryLimits: { network: 0 },
    });
    player.load(LIVE, { live: true });
    await settle();
    if (at !== 'loading') {
      if (at === 'waiting-for-stream') hls().error('networkError', 'manifestLoadError');
      else {
        hls().levelLoaded();
        video.fire('playing');
        if (at === 'error') hls().error('networkError', 'fragLoadError');
      }
    }
    await vi.advanceTimersByTimeAsync(10_000);
    expect(destroyed).toBe(true);
    expect(last().status).toBe('idle');
    expect(FakeHls.instances.filter((h) => !h.destroyed)).toHaveLength(0);
    expect(playerResources()).toEqual({ hlsInstances: 0, timers: 0, mediaListeners: 0 });
  });

  test('load() from inside onState starts exactly one engine', async () => {
    let reloaded = false;
    make({
      onState: (s) => {
        states.push(s);
        if (s.status === 'loading' && s.src === LIVE && !reloaded) {
          reloaded = true;
          player.load(VOD, { live: false });
        }
      },
    });
    player.load(LIVE, { live: true });
    await settle();
    expect(FakeHls.instances).toHaveLength(1);
    expect(hls().url).toBe(VOD);
  });

  test('a throwing onState does not break the controller', async () => {
    const errors: unknown[] = [];
    make({
      onState: () => {
        throw new Error('ui bug');
      },
    });
    const original = globalThis.queueMicrotask;
    vi.stubGlobal('queueMicrotask', (fn: () => void) =>
      original(() => {
        try {
          fn();
        } catch (e) {
          errors.push(e);
        }
      }),
    );
    player.load(VOD, { live: false });
    await settle();
    expect(player.state).toMatchObject({ status: 'loading', engine: 'hls.js' });
    expect(errors.length).toBeGreaterThan(0);
  });
});

describe('live edge', () => {
  test('samples latency and behind-live, and goLive() seeks to the sync point', async () => {
    make({ liveEdgeIntervalMs: 500 }).load(LIVE, { live: true });
    await settle();
    const h = hls();
    h.trigger(HLS_EVENTS.MANIFEST_PARSED, {});
    h.levelLoaded(5, 2);
    video.fire('playing');
    h.liveSyncPosition = 100;
    h.latestLevelDetails = { live: true, edge: 104, age: 1.04 };
    video.currentTime = 99;
    await vi.advanceTimersByTimeAsync(500);
    expect(last()).toMatchObject({ latency: 6, behindLive: false });

    video.currentTime = 80; // e.g. after a long pause
    h.latestLevelDetails = { live: true, edge: 104, age: 1 };
    video.fire('pause');
    await vi.advanceTimersByTimeAsync(500);
    expect(last()).toMatchObject({ status: 'paused', behindLive: true, latency: 25 });

    player.goLive();
    expect(video.currentTime).toBe(100);
    expect(video.playCalls).toBeGreaterThanOrEqual(2);
    expect(last()).toMatchObject({ behindLive: false, latency: 5 });
  });

  test('goLive() does nothing for a replay', async () => {
    make().load(VOD, { live: false });
    await settle();
    video.currentTime = 3;
    player.goLive();
    expect(video.currentTime).toBe(3);
  });
});
