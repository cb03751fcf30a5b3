import { describe, expect, it } from 'vitest';
import { EVENT } from '../../../src/transport/tencent/sdk-types.ts';
import { FakeChat, sdkError } from './fake-chat.ts';
import { OTHER_ROOM, ROOM, textMessage } from './fixtures.ts';
import { decodeAll, flush, harness } from './harness.ts';

const user = (userId: string) => ({ kind: 'user' as const, userId, userSig: `sig-${userId}` });

describe('TencentTransport: one shared instance per SDKAppID', () => {
  it('two transports share one instance and one login; the instance dies with the last one', async () => {
    const h = harness();
    const a = h.make();
    const b = h.make();
    await Promise.all([a.transport.connect(user('viewer_me')), b.transport.connect(user('viewer_me'))]);
    await a.transport.join(ROOM);
    await b.transport.join(ROOM);
    expect(h.create).toHaveBeenCalledTimes(1);
    expect(h.chat.count('login')).toBe(1);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('to both')]);
    await flush();
    expect(a.frames).toHaveLength(2); // like-total from join + the message
    expect(b.frames).toHaveLength(2);

    const listenersBefore = h.chat.listenerCount(EVENT.MESSAGE_RECEIVED);
    a.transport.destroy();
    await flush();
    expect(h.chat.listenerCount(EVENT.MESSAGE_RECEIVED)).toBe(listenersBefore - 1); // only a's own
    expect(h.chat.destroyed).toBe(0);
    expect(h.chat.count('quitGroup')).toBe(0); // b is still in the room
    expect(h.chat.count('logout')).toBe(0);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('only b')]);
    await flush();
    expect(b.frames).toHaveLength(3);
    await expect(
      b.transport.send({ type: 'TIMTextElem', text: 'still here', priority: 'normal', cloudCustomData: '' }),
    ).resolves.toMatchObject({ ok: true });

    b.transport.destroy();
    await flush();
    expect(h.chat.argsOf('quitGroup')).toEqual([[ROOM]]);
    expect(h.chat.destroyed).toBe(1);
    expect(h.chat.listenerCount()).toBe(0);
  });

  it('refuses a second user on the same SDKAppID while the first is held', async () => {
    const h = harness();
    const a = h.make();
    const b = h.make();
    await a.transport.connect(user('alice'));
    const err = await b.transport.connect(user('bob')).catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'rejected' });
    expect(String((err as Error).message)).toMatch(/already logged in as "alice"/);
    expect(h.chat.count('login')).toBe(1);
    expect(a.states.at(-1)).toBe('connected');
    // Once alice's element is gone, bob may log in (after a logout).
    a.transport.destroy();
    await flush();
    await b.transport.connect(user('bob'));
    expect(h.chat.argsOf('login').map((x) => (x[0] as { userID: string }).userID)).toEqual(['alice', 'bob']);
    expect(h.chat.count('logout')).toBe(1);
    b.transport.destroy();
  });

  it('two elements switching the instance to a new user together share one logout and one login', async () => {
    const h = harness();
    const keeper = h.make(); // a guest element keeps the instance alive throughout
    await keeper.transport.connect({ kind: 'guest' });
    const a = h.make();
    await a.transport.connect(user('alice'));
    a.transport.destroy();
    await flush();
    const b = h.make();
    const c = h.make();
    await Promise.all([b.transport.connect(user('bob')), c.transport.connect(user('bob'))]);
    expect(h.chat.argsOf('login').map((x) => (x[0] as { userID: string }).userID)).toEqual(['alice', 'bob']);
    expect(h.chat.count('logout')).toBe(1);
    expect([b.states.at(-1), c.states.at(-1)]).toEqual(['connected', 'connected']);
    expect(h.create).toHaveBeenCalledTimes(1);
    h.destroyAll();
  });

  it('joining room B from another element evicts room A, reported on errors$', async () => {
    const h = harness();
    const a = h.make();
    const b = h.make();
    await a.transport.connect({ kind: 'guest' });
    await b.transport.connect({ kind: 'guest' });
    await a.transport.join(ROOM);
    await b.transport.join(OTHER_ROOM);
    expect(a.notices).toEqual([{ code: 'room-evicted', roomId: ROOM, message: expect.stringContaining(`joined "${OTHER_ROOM}"`) }]);
    expect(b.notices).toEqual([]);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [
      textMessage('in A'),
      textMessage('in B', { to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}` }),
    ]);
    await flush();
    expect(a.frames).toEqual([]);
    expect(decodeAll(b.frames).map((e) => (e.kind === 'text' ? e.text : e.kind))).toEqual(['in B']);
    await expect(a.transport.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).resolves.toMatchObject({
      reason: 'room-gone',
    });
    h.destroyAll();
  });

  it('one element switching rooms evicts nobody else and reports nothing', async () => {
    const h = harness();
    const a = h.make();
    await a.transport.connect({ kind: 'guest' });
    await a.transport.join(ROOM);
    await a.transport.join(OTHER_ROOM);
    expect(a.notices).toEqual([]);
    expect(h.chat.argsOf('joinGroup').map((x) => (x[0] as { groupID: string }).groupID)).toEqual([ROOM, OTHER_ROOM]);
    h.destroyAll();
  });

  it('guest → user upgrade: logs in later, re-joins, then reads the room data a guest could not', async () => {
    const h = harness();
    const { transport, frames, states } = h.make();
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM);
    expect(h.chat.count('getGroupProfile')).toBe(0);
    await transport.connect(user('viewer_me'));
    await flush();
    expect(h.chat.count('login')).toBe(1);
    expect(h.chat.count('joinGroup')).toBe(2);
    expect(h.chat.count('getGroupProfile')).toBe(1);
    expect(frames.map((f) => f.kind)).toEqual(['profile', 'attributes']);
    expect(states).toEqual(['idle', 'connecting', 'connected']); // no flapping during the upgrade
    await expect(
      transport.send({ type: 'TIMTextElem', text: 'now I can talk', priority: 'normal', cloudCustomData: '' }),
    ).resolves.toMatchObject({ ok: true });
    transport.destroy();
  });

  it('re-joins the room after the SDK reconnects, and refreshes profile and attributes', async () => {
    const h = harness();
    const { transport, frames } = h.make();
    await transport.connect(user('viewer_me'));
    await transport.join(ROOM);
    frames.length = 0;
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' }); // first connect: no rejoin
    expect(h.chat.count('joinGroup')).toBe(1);
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'disconnected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connecting' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    await flush();
    expect(h.chat.count('joinGroup')).toBe(2);
    expect(frames.map((f) => f.kind)).toEqual(['profile', 'attributes']);
    transport.destroy();
  });

  it('a room that vanished while offline ends the room (kick: roomDismissed)', async () => {
    const h = harness();
    const { transport, frames, notices } = h.make();
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM);
    frames.length = 0;
    h.chat.joinImpl = async () => Promise.reject(sdkError(10015, 'group dismissed'));
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connecting' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    await flush();
    expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason: 'roomDismissed' }]);
    expect(notices.map((n) => n.code)).toEqual(['room-lost']);
    transport.destroy();
  });

  it('a transient re-join failure is a warning on errors$', async () => {
    const h = harness();
    const { transport, notices, frames } = h.make();
    await transport.connect({ kind: 'guest' });
    await transport.join(ROOM);
    h.chat.joinImpl = async () => Promise.reject(sdkError(2801, 'timeout'));
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'disconnected' });
    h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
    await flush();
    expect(notices.map((n) => n.code)).toEqual(['rejoin-failed']);
    h.chat.emit(EVENT.MESSAGE_RECEIVED, [textMessage('still routed')]);
    await flush();
    expect(frames).toHaveLength(1);
    transport.destroy();
  });
});

describe('TencentTransport: host-provided instance ("log in outside")', () => {
  function hostChat(userId = 'viewer_me') {
    const chat = new FakeChat();
    chat.loginUser = userId;
    chat.ready = true;
    return chat;
  }

  it('uses the host login: no load, no create, no login, no logout, no destroy', async () => {
    const h = harness();
    const chat = hostChat();
    const { transport } = h.make({ chat });
    await transport.connect(user('viewer_me'));
    await transport.join(ROOM);
    await expect(transport.send({ type: 'TIMTextElem', text: 'hi', priority: 'normal', cloudCustomData: '' })).resolves.toMatchObject({
      ok: true,
    });
    transport.destroy();
    await flush();
    expect(h.loadSdk).not.toHaveBeenCalled();
    expect(chat.count('login') + chat.count('logout') + chat.count('destroy') + chat.count('setLogLevel')).toBe(0);
    expect(chat.listenerCount()).toBe(0);
  });

  it('needs no UserSig, refuses a different user, and waits a while for a host still logging in', async () => {
    const h = harness();
    const other = h.make({ chat: hostChat('somebody_else') });
    await expect(other.transport.connect({ kind: 'user', userId: 'viewer_me' })).rejects.toMatchObject({ reason: 'rejected' });

    const late = new FakeChat();
    const { transport } = h.make({ chat: late, session: { readyTimeoutMs: 10_000 } });
    const connecting = transport.connect({ kind: 'user', userId: 'viewer_me' });
    await flush();
    late.loginUser = 'viewer_me';
    late.becomeReady();
    await expect(connecting).resolves.toBeUndefined();
    h.destroyAll();
  });

  it('a host instance that never logs in is reported as not logged in', async () => {
    const h = harness();
    const { transport } = h.make({ chat: new FakeChat(), session: { readyTimeoutMs: 5 } });
    await expect(transport.connect({ kind: 'user', userId: 'viewer_me' })).rejects.toMatchObject({ reason: 'not-logged-in', code: 2024 });
    // As a guest it can still watch.
    await transport.connect({ kind: 'guest' });
    await expect(transport.join(ROOM)).resolves.toMatchObject({ roomId: ROOM });
    transport.destroy();
  });

  it('an expired UserSig on a host instance stops (the host renews it), no relogin here', async () => {
    const h = harness();
    const chat = hostChat();
    const { transport, frames, states } = h.make({ chat });
    await transport.connect(user('viewer_me'));
    chat.emit(EVENT.KICKED_OUT, { type: 'userSigExpired' });
    await flush();
    expect(chat.count('login')).toBe(0);
    expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason: 'userSigExpired' }]);
    expect(states.at(-1)).toBe('offline');
    transport.destroy();
  });
});
