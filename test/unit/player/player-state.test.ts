import { describe, expect, test } from 'vitest';
import { initialPlayerState, reducePlayerState, type PlayerEvent, type PlayerState } from '../../../src/player/player-state.ts';

const run = (events: PlayerEvent[], from: PlayerState = initialPlayerState()) => events.reduce(reducePlayerState, from);
const loadLive: PlayerEvent = { type: 'load', src: 'https://cdn.example/live.m3u8', live: true };
const loadVod: PlayerEvent = { type: 'load', src: 'https://cdn.example/vod.m3u8', live: false };

describe('reducePlayerState', () => {
  test('starts idle and muted', () => {
    expect(initialPlayerState()).toMatchObject({ status: 'idle', muted: true, src: null, error: null });
  });

  test('idle → loading → playing → stalled → playing → paused → ended', () => {
    const statuses: string[] = [];
    let s = initialPlayerState();
    for (const e of [
      loadVod,
      { type: 'engine', engine: 'hls.js' },
      { type: 'playing' },
      { type: 'waiting' },
      { type: 'playing' },
      { type: 'paused' },
      { type: 'ended' },
    ] as PlayerEvent[]) {
      s = reducePlayerState(s, e);
      statuses.push(s.status);
    }
    expect(statuses).toEqual(['loading', 'loading', 'playing', 'stalled', 'playing', 'paused', 'ended']);
    expect(s.engine).toBe('hls.js');
  });

  test('not started: loading → waiting-for-stream (with retry info) → loading → playing', () => {
    const waiting = run([loadLive, { type: 'engine', engine: 'hls.js' }, { type: 'stream-missing', attempt: 1, delayMs: 5000 }]);
    expect(waiting).toMatchObject({ status: 'waiting-for-stream', retry: { attempt: 1, delayMs: 5000 }, engine: null, error: null });
    const again = run([{ type: 'retrying' }], waiting);
    expect(again).toMatchObject({ status: 'loading', retry: null });
    expect(run([{ type: 'engine', engine: 'hls.js' }, { type: 'playing' }], again).status).toBe('playing');
  });

  test('media events are ignored while waiting for the stream, in error and when idle', () => {
    const waiting = run([loadLive, { type: 'stream-missing', attempt: 2, delayMs: 10 }]);
    for (const e of [{ type: 'playing' }, { type: 'paused' }, { type: 'ended' }, { type: 'engine', engine: 'native' }] as PlayerEvent[]) {
      expect(reducePlayerState(waiting, e)).toBe(waiting);
    }
    const failed = run([loadLive, { type: 'failed', error: { reason: 'network', message: 'x' } }]);
    expect(failed).toMatchObject({ status: 'error', error: { reason: 'network' } });
    for (const e of [
      { type: 'playing' },
      { type: 'retrying' },
      { type: 'stream-missing', attempt: 1, delayMs: 1 },
      { type: 'live-edge', latency: 3, behindLive: true },
    ] as PlayerEvent[]) {
      expect(reducePlayerState(failed, e)).toBe(failed);
    }
    const idle = initialPlayerState();
    expect(reducePlayerState(idle, { type: 'playing' })).toBe(idle);
    expect(reducePlayerState(idle, { type: 'failed', error: { reason: 'other', message: '' } })).toBe(idle);
  });

  test('a new load clears error, retry and live-edge flags but keeps the mute choice', () => {
    const s = run([
      loadLive,
      { type: 'muted', muted: false },
      { type: 'playing' },
      { type: 'live-edge', latency: 12, behindLive: true },
      { type: 'failed', error: { reason: 'media', message: 'x' } },
      loadVod,
    ]);
    expect(s).toMatchObject({ status: 'loading', live: false, muted: false, error: null, behindLive: false, latency: null, retry: null });
  });

  test('recovery marks the state and a later playing clears it', () => {
    const s = run([loadLive, { type: 'playing' }, { type: 'recovering', kind: 'media' }]);
    expect(s).toMatchObject({ status: 'stalled', recovering: 'media' });
    expect(run([{ type: 'playing' }], s)).toMatchObject({ status: 'playing', recovering: null });
  });

  test('autoplay refused → paused with a flag, cleared on playing', () => {
    const s = run([loadVod, { type: 'autoplay-blocked' }]);
    expect(s).toMatchObject({ status: 'paused', autoplayBlocked: true });
    expect(run([{ type: 'playing' }], s).autoplayBlocked).toBe(false);
  });

  test('a pause during loading is not a user pause', () => {
    const s = run([loadVod]);
    expect(reducePlayerState(s, { type: 'paused' })).toBe(s);
  });

  test('live-edge updates only live streams, and unchanged values keep identity', () => {
    const live = run([loadLive, { type: 'playing' }, { type: 'live-edge', latency: 7.5, behindLive: false }]);
    expect(live).toMatchObject({ latency: 7.5, behindLive: false });
    expect(reducePlayerState(live, { type: 'live-edge', latency: 7.5, behindLive: false })).toBe(live);
    const vod = run([loadVod, { type: 'playing' }]);
    expect(reducePlayerState(vod, { type: 'live-edge', latency: 1, behindLive: true })).toBe(vod);
  });

  test('ended leaves the behind-live flag off, and replaying an ended replay works', () => {
    const s = run([loadVod, { type: 'playing' }, { type: 'ended' }]);
    expect(s.status).toBe('ended');
    expect(reducePlayerState(s, { type: 'waiting' })).toBe(s);
    expect(reducePlayerState(s, { type: 'playing' }).status).toBe('playing');
  });

  test('reset returns to idle from anywhere, keeping mute', () => {
    const s = run([loadLive, { type: 'muted', muted: false }, { type: 'playing' }, { type: 'reset' }]);
    expect(s).toEqual({ ...initialPlayerState(false) });
    expect(reducePlayerState(s, { type: 'reset' })).toBe(s);
  });

  test('mute flag follows in any status', () => {
    const idle = initialPlayerState();
    expect(reducePlayerState(idle, { type: 'muted', muted: false }).muted).toBe(false);
    expect(reducePlayerState(idle, { type: 'muted', muted: true })).toBe(idle);
  });
});
