import { describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../../src/transport/chat-transport.ts';
import { EmulatorLogin } from '../../../src/transport/emulator/emulator-login.ts';

const BASE = 'http://127.0.0.1:8080/room';

/** A UserSig service answering `sig-1`, `sig-2`… for whoever asks (or for `answerFor`). */
function service(answerFor?: string) {
  let n = 0;
  return vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const { userID } = JSON.parse(String(init?.body)) as { userID: string };
    return new Response(JSON.stringify({ userID: answerFor ?? userID, userSig: `sig-${++n}` }), { status: 200 });
  });
}

/** The socket's `login` request: records the UserSigs it is given; refuses those in `expired` with 70001. */
function socket(expired: string[] = []) {
  const sent: string[] = [];
  const request = vi.fn(async (t: string, fields: Record<string, unknown>) => {
    expect(t).toBe('login');
    sent.push(String(fields.userSig));
    if (expired.includes(String(fields.userSig))) throw new TransportError('UserSig expired', 70001, 'sig-expired');
    return {};
  });
  return { sent, request };
}

describe('EmulatorLogin', () => {
  it('a guest sends no login', async () => {
    const login = new EmulatorLogin(BASE);
    login.reset({ kind: 'guest' });
    const s = socket();
    await login.login(s.request);
    expect(s.request).not.toHaveBeenCalled();
    expect(login.renewable).toBe(false);
  });

  it('fetches from a relative userSigUrl resolved against the base, and keeps the UserSig across reconnects', async () => {
    const fetch = service();
    const login = new EmulatorLogin(BASE, { fetch });
    login.reset({ kind: 'user', userId: 'alice', userSigUrl: '/api/usersig', nick: 'Alice', level: 4 });
    const s = socket();
    await login.login(s.request);
    await login.login(s.request);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]![0])).toBe('http://127.0.0.1:8080/api/usersig');
    expect(s.sent).toEqual(['sig-1', 'sig-1']);
    expect(s.request.mock.calls[0]![1]).toMatchObject({ userId: 'alice', nick: 'Alice', level: 4 });
    login.expire();
    await login.login(s.request);
    expect(s.sent).toEqual(['sig-1', 'sig-1', 'sig-2']);
  });

  it('a ready UserSig serves the first login; refused as expired, a new one is fetched once', async () => {
    const fetch = service();
    const login = new EmulatorLogin(BASE, { fetch });
    login.reset({ kind: 'user', userId: 'bob', userSig: 'ready', userSigUrl: '/api/usersig' });
    const s = socket(['ready']);
    await login.login(s.request);
    expect(s.sent).toEqual(['ready', 'sig-1']);
    expect(login.renewable).toBe(true);
  });

  it('without a userSigUrl an expired UserSig is not renewable and the error reaches the caller', async () => {
    const login = new EmulatorLogin(BASE);
    login.reset({ kind: 'user', userId: 'carol', userSig: 'old' });
    const s = socket(['old']);
    await expect(login.login(s.request)).rejects.toMatchObject({ code: 70001 });
    expect(s.sent).toEqual(['old']);
    expect(login.renewable).toBe(false);
  });

  it('refuses an answer for another user, and a user with neither a UserSig nor a userSigUrl', async () => {
    const login = new EmulatorLogin(BASE, { fetch: service('mallory') });
    login.reset({ kind: 'user', userId: 'dan', userSigUrl: '/api/usersig' });
    const s = socket();
    await expect(login.login(s.request)).rejects.toMatchObject({ reason: 'rejected' });
    expect(s.request).not.toHaveBeenCalled();
    expect(() => login.reset({ kind: 'user', userId: 'erin' })).toThrow(TransportError);
  });

  it('a UserSig service that is down fails as a network error (the transport retries those)', async () => {
    const fetch = vi.fn(async () => new Response('busy', { status: 503 }));
    const login = new EmulatorLogin(BASE, { fetch });
    login.reset({ kind: 'user', userId: 'fay', userSigUrl: '/api/usersig' });
    await expect(login.login(socket().request)).rejects.toMatchObject({ reason: 'network', code: 503 });
  });
});
