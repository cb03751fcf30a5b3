import { afterEach, describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../../src/transport/chat-transport.ts';
import { EVENT } from '../../../src/transport/tencent/sdk-types.ts';
import { createTencentTransport } from '../../../src/transport/tencent/index.ts';
import { sdkError } from './fake-chat.ts';
import { ROOM } from './fixtures.ts';
import { decodeAll, flush, harness } from './harness.ts';

afterEach(() => vi.useRealTimers());

describe('TencentTransport: loading and connecting', () => {
  it('loads and creates nothing until connect()', async () => {
    const h = harness();
    const { transport, states } = h.make();
    expect(transport.kind).toBe('tencent');
    await flush();
    expect(h.loadSdk).not.toHaveBeenCalled();
    expect(h.create).not.toHaveBeenCalled();
    expect(states).toEqual(['idle']);
    await transport.connect({ kind: 'guest' });
    expect(h.loadSdk).toHaveBeenCalledTimes(1);
    expect(h.create).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['idle', 'connecting', 'connected']);
    transport.destroy();
  });

  it('the factory builds a transport without touching the SDK', () => {
    const loadSdk = vi.fn();
    const t = createTencentTransport({ sdkAppId: 1400000001, loadSdk });
    expect(t.kind).toBe('tencent');
    expect(loadSdk).not.toHaveBeenCalled();
    t.destroy();
  });

  it('a guest joins receive-only without login, and reads only the online count', async () => {
    const h = harness();
    const { transport } = h.make();
    await transport.connect({ kind: 'guest' });
    const snapshot = await transport.join(ROOM);
    const chat = h.chat;
    expect(chat.count('login')).toBe(0);
    expect(chat.argsOf('joinGroup')).toEqual([[{ groupID: ROOM, type: 'AVChatRoom' }]]);
    expect(chat.count('getGroupProfile')).toBe(0);
    expect(chat.count('getGroupAttributes')).toBe(0);
    expect(snapshot).toEqual({ roomId: ROOM, profile: { memberNum: 1234 } });
    transport.destroy();
  });

  it('a user logs in with the ready UserSig, with every listener registered before login', async () => {
    let listenersAtLogin: Record<string, number> = {};
    const h = harness((chat) => {
      const original = chat.loginImpl;
      chat.loginImpl = (o) => {
        listenersAtLogin = Object.fromEntries(Object.values(EVENT).map((e) => [e, chat.listenerCount(e)]));
        return original(o);
      };
    });
    const { transport } = h.make();
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 'sig-1' });
    expect(h.chat.argsOf('login')).toEqual([[{ userID: 'viewer_me', userSig: 'sig-1' }]]);
    for (const e of Object.values(EVENT)) expect(listenersAtLogin[e], e).toBeGreaterThan(0);
    transport.destroy();
  });

  it('a user with a UserSig URL fetches it, then logs in and waits for SDK_READY', async () => {
    const h = harness((chat) => (chat.autoReady = false));
    const fetch = vi.fn(async () => new Response(JSON.stringify({ userID: 'viewer_me', userSig: 'from-url' })));
    const { transport, states } = h.make({ fetch });
    let done = false;
    const connecting = transport.connect({ kind: 'user', userId: 'viewer_me', userSigUrl: '/api/usersig' }).then(() => (done = true));
    await flush();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(h.chat.argsOf('login')).toEqual([[{ userID: 'viewer_me', userSig: 'from-url' }]]);
    expect(done).toBe(false);
    h.chat.becomeReady();
    await connecting;
    expect(states.at(-1)).toBe('connected');
    transport.destroy();
  });

  it('a logged-in join returns profile, attributes, own mute seconds, and emits the like total', async () => {
    const h = harness((chat) => {
      chat.memberProfileImpl = async (o) => ({ data: { memberList: [{ userID: o.userIDList[0], muteUntil: chat.serverTime + 90 }] } });
    });
    const { transport, frames } = h.make();
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 's' });
    const snapshot = await transport.join(ROOM);
    expect(snapshot).toEqual({
      roomId: ROOM,
      profile: { notification: 'Welcome!', introduction: 'Spring sale', muteAllMembers: false, memberNum: 1234 },
      attributes: { state: 'live', streamUrl: 'https://live.example.com/a.m3u8' },
      selfMuteSeconds: 90,
    });
    expect(h.chat.argsOf('getGroupAttributes')).toEqual([[{ groupID: ROOM, keyList: [] }]]);
    expect(h.chat.argsOf('getGroupCounters')).toEqual([[{ groupID: ROOM, keyList: ['likes'] }]]);
    expect(decodeAll(frames)).toMatchObject([{ kind: 'like-total', total: 4321 }]);
    // The snapshot's parts decode too (the element feeds them through the same decoder).
    const kinds = decodeAll([
      { kind: 'profile', profile: snapshot.profile },
      { kind: 'attributes', attributes: snapshot.attributes },
    ]).map((e) => e.kind);
    expect(kinds).toEqual(['mute', 'announcement', 'introduction', 'audience', 'room-state']);
    transport.destroy();
  });

  it('optional room reads may fail without failing the join', async () => {
    const h = harness((chat) => {
      chat.groupProfileImpl = async () => Promise.reject(sdkError(10007));
      chat.attributesImpl = async () => Promise.reject(sdkError(2642));
      chat.countersImpl = async () => Promise.reject(sdkError(2996));
      chat.memberProfileImpl = async () => Promise.reject(sdkError(10004));
      chat.onlineCountImpl = async () => Promise.reject(sdkError(2801));
    });
    const { transport, frames } = h.make();
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 's' });
    await expect(transport.join(ROOM)).resolves.toEqual({ roomId: ROOM });
    expect(frames).toEqual([]);
    transport.destroy();
  });

  it('join errors map through failureFromCode; join before connect is refused', async () => {
    const h = harness((chat) => (chat.joinImpl = async () => Promise.reject(sdkError(10015, 'group dismissed'))));
    const { transport } = h.make();
    await expect(transport.join(ROOM)).rejects.toMatchObject({ reason: 'not-logged-in' });
    await transport.connect({ kind: 'guest' });
    const err = await transport.join(ROOM).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransportError);
    expect(err).toMatchObject({ code: 10015, reason: 'room-gone' });
    await expect(transport.getAudienceCount()).rejects.toMatchObject({ reason: 'room-gone' });
    transport.destroy();
  });

  it('a failed login rejects with a mapped TransportError and the state goes offline', async () => {
    const h = harness((chat) => (chat.loginImpl = async () => Promise.reject(sdkError(70001, 'userSig expired'))));
    const { transport, states } = h.make();
    const err = await transport.connect({ kind: 'user', userId: 'viewer_me', userSig: 'old' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 70001, reason: 'sig-expired' });
    expect(states).toEqual(['idle', 'connecting', 'offline']);
    transport.destroy();
  });

  it('maps NET_STATE_CHANGE to state$: reconnecting after the first connect, offline when disconnected', async () => {
    const h = harness();
    const { transport, states } = h.make();
    await transport.connect({ kind: 'guest' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connecting' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'disconnected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connecting' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    expect(states).toEqual(['idle', 'connecting', 'connected', 'reconnecting', 'connected', 'offline', 'reconnecting', 'connected']);
    transport.destroy();
    expect(states.at(-1)).toBe('offline');
  });

  it('polls the online count no faster than the minimum interval (callers get the cached value)', async () => {
    let now = 1_000_000;
    const h = harness();
    const { transport } = h.make({ now: () => now });
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM); // reads once
    h.chat.onlineCountImpl = async () => ({ data: { memberCount: 2000 } });
    await expect(transport.getAudienceCount()).resolves.toBe(1234);
    now += 9_999;
    await expect(transport.getAudienceCount()).resolves.toBe(1234);
    expect(h.chat.count('getGroupOnlineMemberCount')).toBe(1);
    now += 1;
    await expect(transport.getAudienceCount()).resolves.toBe(2000);
    expect(h.chat.count('getGroupOnlineMemberCount')).toBe(2);
    // A failure keeps the last value and also waits a full interval.
    h.chat.onlineCountImpl = async () => Promise.reject(sdkError(2801));
    now += 10_000;
    await expect(transport.getAudienceCount()).resolves.toBe(2000);
    await expect(transport.getAudienceCount()).resolves.toBe(2000);
    expect(h.chat.count('getGroupOnlineMemberCount')).toBe(3);
    transport.destroy();
  });

  it('concurrent callers share one in-flight count request', async () => {
    const h = harness();
    const { transport } = h.make();
    await transport.connect({ kind: 'guest' });
    h.chat.onlineCountImpl = async () => Promise.reject(sdkError(2801)); // join's read fails: no cache
    await transport.join(ROOM);
    const before = h.chat.count('getGroupOnlineMemberCount');
    await expect(transport.getAudienceCount()).rejects.toMatchObject({ reason: 'too-fast' });
    expect(h.chat.count('getGroupOnlineMemberCount')).toBe(before);
    transport.destroy();
  });

  it('destroy is idempotent, quits the room, and releases the instance', async () => {
    const h = harness();
    const { transport } = h.make();
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM);
    transport.destroy();
    transport.destroy();
    await flush();
    expect(h.chat.argsOf('quitGroup')).toEqual([[ROOM]]);
    expect(h.chat.destroyed).toBe(1);
    expect(h.chat.listenerCount()).toBe(0);
    await expect(transport.connect({ kind: 'guest' })).rejects.toMatchObject({ reason: 'cancelled' });
    await expect(transport.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).resolves.toMatchObject({
      ok: false,
      reason: 'cancelled',
    });
  });

  it('destroy during connect releases the instance once it arrives', async () => {
    const h = harness();
    const { transport } = h.make();
    const connecting = transport.connect({ kind: 'guest' }).catch((e: unknown) => e);
    transport.destroy();
    expect(await connecting).toMatchObject({ reason: 'cancelled' });
    await flush();
    expect(h.chat.destroyed).toBe(1);
    expect(h.pool.size).toBe(0);
  });
});
