import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EVENT } from '../../../src/transport/tencent/sdk-types.ts';
import { sdkError } from './fake-chat.ts';
import { ROOM } from './fixtures.ts';
import { decodeAll, harness } from './harness.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const SIG_URL = '/api/usersig';

/** A user connected through a UserSig URL that hands out sig-1, sig-2, … */
async function loggedIn(options: { url?: boolean } = {}) {
  const h = harness();
  let issued = 0;
  const fetch = vi.fn(async () => new Response(JSON.stringify({ userID: 'viewer_me', userSig: `sig-${++issued}` })));
  const w = h.make({ fetch });
  const identity =
    options.url === false
      ? { kind: 'user' as const, userId: 'viewer_me', userSig: 'static-sig' }
      : { kind: 'user' as const, userId: 'viewer_me', userSigUrl: SIG_URL };
  await w.transport.connect(identity);
  await w.transport.join(ROOM);
  w.frames.length = 0;
  w.states.length = 0;
  const sigs = () => h.chat.argsOf('login').map((a) => (a[0] as { userSig: string }).userSig);
  const expire = () => {
    h.chat.ready = false;
    h.chat.emit(EVENT.KICKED_OUT, { type: 'userSigExpired' });
    h.chat.emit(EVENT.SDK_NOT_READY);
  };
  return { h, fetch, sigs, expire, ...w };
}

describe('TencentTransport: keeping the login alive', () => {
  it('on userSigExpired fetches a new UserSig, logs in again, re-joins, and reports reconnecting → connected', async () => {
    const { h, sigs, expire, states, frames, transport } = await loggedIn();
    h.chat.autoReady = false;
    expire();
    await vi.advanceTimersByTimeAsync(0);
    // Until the new login is ready, sends fail in a retryable way without reaching the SDK.
    await expect(transport.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).resolves.toEqual({
      ok: false,
      reason: 'network',
      message: 'reconnecting',
    });
    expect(h.chat.count('sendMessage')).toBe(0);
    h.chat.becomeReady();
    await vi.advanceTimersByTimeAsync(0);
    expect(sigs()).toEqual(['sig-1', 'sig-2']);
    expect(h.chat.count('joinGroup')).toBe(2);
    expect(states).toEqual(['reconnecting', 'connected']);
    expect(frames.some((f) => f.kind === 'kicked')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000); // the late SDK_NOT_READY grace must not fire a second relogin
    expect(sigs()).toHaveLength(2);
    transport.destroy();
  });

  it('retries with exponential backoff and gives up after a bounded number of attempts', async () => {
    const { h, sigs, expire, states, frames, transport } = await loggedIn();
    h.chat.loginImpl = async () => Promise.reject(sdkError(2801, 'network timeout'));
    expire();
    await vi.advanceTimersByTimeAsync(0);
    expect(sigs()).toHaveLength(2); // first renewal attempt at once
    await vi.advanceTimersByTimeAsync(999);
    expect(sigs()).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1); // +1 s
    expect(sigs()).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(2000); // +2 s
    expect(sigs()).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(4000); // +4 s
    expect(sigs()).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(8000); // +8 s: fifth and last attempt
    expect(sigs()).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sigs()).toHaveLength(6);
    expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason: 'userSigExpired', own: true }]);
    expect(states).toEqual(['reconnecting', 'offline']);
    await expect(transport.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).resolves.toMatchObject({
      ok: false,
      reason: 'kicked',
    });
    expect(vi.getTimerCount()).toBe(0);
    transport.destroy();
  });

  it('stops at once when the UserSig service refuses the viewer', async () => {
    const { fetch, sigs, expire, frames, transport } = await loggedIn();
    fetch.mockImplementation(async () => new Response('{}', { status: 403 }));
    expire();
    await vi.advanceTimersByTimeAsync(0);
    expect(sigs()).toEqual(['sig-1']);
    expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason: 'userSigExpired' }]);
    expect(vi.getTimerCount()).toBe(0);
    transport.destroy();
  });

  it('with only a fixed UserSig an expiry ends the session without a useless relogin', async () => {
    const { sigs, expire, frames, notices, transport } = await loggedIn({ url: false });
    expire();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sigs()).toEqual(['static-sig']);
    expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason: 'userSigExpired' }]);
    expect(notices).toMatchObject([{ code: 'session-stopped', message: expect.stringMatching(/no user-sig-url/) }]);
    transport.destroy();
  });

  it('error 70001 from the SDK ERROR event renews the UserSig', async () => {
    const { h, sigs, transport } = await loggedIn();
    h.chat.emit(EVENT.ERROR, { code: 70001, message: 'UserSig expired' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sigs()).toEqual(['sig-1', 'sig-2']);
    h.chat.emit(EVENT.ERROR, { code: 2801, message: 'other' });
    await vi.advanceTimersByTimeAsync(0);
    expect(sigs()).toHaveLength(2);
    transport.destroy();
  });

  it('an unexplained SDK_NOT_READY after ready logs in again after a short grace', async () => {
    const { h, sigs, states, transport } = await loggedIn();
    h.chat.ready = false;
    h.chat.emit(EVENT.SDK_NOT_READY);
    await vi.advanceTimersByTimeAsync(1499);
    expect(sigs()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sigs()).toEqual(['sig-1', 'sig-2']);
    expect(states).toEqual(['reconnecting', 'connected']);
    transport.destroy();
  });

  it.each(['multipleAccount', 'multipleDevice', 'REST_API_Kick'] as const)(
    '%s stops without relogin, even after the SDK_NOT_READY that precedes it',
    async (reason) => {
      const { h, sigs, states, frames, transport } = await loggedIn();
      h.chat.ready = false;
      h.chat.emit(EVENT.SDK_NOT_READY); // the SDK logs out first…
      await vi.advanceTimersByTimeAsync(200);
      h.chat.emit(EVENT.KICKED_OUT, { type: reason }); // …then says why
      await vi.advanceTimersByTimeAsync(120_000);
      expect(sigs()).toEqual(['sig-1']);
      expect(decodeAll(frames)).toMatchObject([{ kind: 'kick', reason, own: true, userId: 'viewer_me' }]);
      expect(states).toEqual(['offline']);
      // The SDK's own reconnect attempts do not revive a stopped transport…
      h.chat.emit(EVENT.NET_STATE_CHANGE, { state: 'connected' });
      expect(states).toEqual(['offline']);
      // …but an explicit connect (the viewer clicks "continue here") does.
      await transport.connect({ kind: 'user', userId: 'viewer_me', userSigUrl: SIG_URL });
      expect(sigs()).toEqual(['sig-1', 'sig-2']);
      expect(states.at(-1)).toBe('connected');
      transport.destroy();
    },
  );

  it('every transport of the instance hears about the stop; destroying mid-backoff clears the timers', async () => {
    const { h, expire, transport } = await loggedIn();
    const guest = h.make();
    await guest.transport.connect({ kind: 'guest' });
    h.chat.emit(EVENT.KICKED_OUT, { type: 'multipleDevice' });
    await vi.advanceTimersByTimeAsync(0);
    expect(decodeAll(guest.frames, { selfId: undefined })).toMatchObject([{ kind: 'kick', reason: 'multipleDevice' }]);
    await transport.connect({ kind: 'user', userId: 'viewer_me', userSigUrl: SIG_URL });
    h.chat.loginImpl = async () => Promise.reject(sdkError(2801));
    expire();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    transport.destroy();
    guest.transport.destroy();
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(h.chat.destroyed).toBe(1);
  });
});
