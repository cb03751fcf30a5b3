import { describe, expect, it } from 'vitest';
import { INITIAL_ROOM_VIEW, reduceRoomState, roomReducer, type ControlInput } from '../../../src/pipeline/index.ts';
import { SYSTEM_SENDER } from '../../../src/protocol/index.ts';
import { scheduler } from './fixtures.ts';

const base = { id: 'x', time: 0, priority: 'high' as const, sender: SYSTEM_SENDER, own: false };

describe('reduceRoomState', () => {
  it('folds control events into the room view and emits only on change', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const v: Record<string, ControlInput> = {
        c: { kind: 'connection', state: 'connected' },
        s: { ...base, kind: 'room-state', state: 'live', streamUrl: '/hls/a/live.m3u8' },
        a: { ...base, kind: 'audience', count: 1200 },
        A: { ...base, kind: 'audience', count: 1200 },
        m: { ...base, kind: 'mute', scope: 'member', userId: 'me', seconds: 60, muted: true, own: true },
        o: { ...base, kind: 'mute', scope: 'member', userId: 'bob', seconds: 60, muted: true, own: false },
      };
      const src = cold('csaAo 5ms m|', v);
      const c = { ...INITIAL_ROOM_VIEW, connection: 'connected' as const };
      const s = { ...c, state: 'live' as const, streamUrl: '/hls/a/live.m3u8', startTime: undefined, replayUrl: undefined };
      const a = { ...s, audience: 1200 };
      expectObservable(src.pipe(reduceRoomState(ts))).toBe('csa-- 5ms m|', {
        c,
        s,
        a,
        m: { ...a, selfMutedUntil: 10 + 60_000 },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 10ms !');
    });
  });

  it('mute-all, unmute, kick, ban and announcement', () => {
    let v = INITIAL_ROOM_VIEW;
    v = roomReducer(v, { ...base, kind: 'mute', scope: 'all', seconds: 1, muted: true }, 0);
    expect(v.muteAll).toBe(true);
    v = roomReducer(v, { ...base, kind: 'mute', scope: 'member', userId: 'me', seconds: 30, muted: true, own: true }, 1000);
    expect(v.selfMutedUntil).toBe(31_000);
    v = roomReducer(v, { ...base, kind: 'mute', scope: 'member', userId: 'me', seconds: 0, muted: false, own: true }, 2000);
    expect(v.selfMutedUntil).toBe(0);
    v = roomReducer(v, { ...base, kind: 'announcement', text: 'Sale at 8pm' }, 0);
    expect(v.announcement).toBe('Sale at 8pm');
    expect(roomReducer(v, { ...base, kind: 'kick', reason: 'REST_API_Kick', userId: 'bob' }, 0)).toBe(v);
    const kicked = roomReducer(v, { ...base, kind: 'kick', reason: 'multipleAccount', own: true }, 0);
    expect(kicked.kicked).toBe('multipleAccount');
    const banned = roomReducer(v, { ...base, kind: 'ban', userId: 'me', seconds: 600, own: true }, 5000);
    expect(banned).toMatchObject({ selfBannedUntil: 605_000, kicked: 'banned' });
  });

  it('like totals only grow (late, smaller counter values are ignored)', () => {
    let v = roomReducer(INITIAL_ROOM_VIEW, { ...base, kind: 'like-total', total: 50 }, 0);
    v = roomReducer(v, { ...base, kind: 'like-total', total: 40 }, 0);
    expect(v.likeTotal).toBe(50);
  });
});
