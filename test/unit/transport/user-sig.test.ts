import { describe, expect, it, vi } from 'vitest';
import { TransportError } from '../../../src/transport/chat-transport.ts';
import { fetchUserSig, userCredentials } from '../../../src/transport/user-sig.ts';

const URL_ = 'https://shop.example.com/api/usersig';

function answering(status: number, body: string) {
  return vi.fn(
    async (_url: RequestInfo | URL, _init?: RequestInit) => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  );
}

async function failure(p: Promise<unknown>): Promise<TransportError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TransportError);
    return err as TransportError;
  }
  throw new Error('expected a rejection');
}

describe('fetchUserSig', () => {
  it('POSTs {"userID"} as JSON and returns the userSig of the matching answer', async () => {
    const fetch = answering(200, JSON.stringify({ userID: 'alice', userSig: 'eJyrVkrOz0WS-sig' }));
    await expect(fetchUserSig(URL_, 'alice', { fetch })).resolves.toBe('eJyrVkrOz0WS-sig');
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe(URL_);
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ userID: 'alice' });
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
    expect(init?.credentials).toBe('same-origin');
  });

  it.each([
    [403, 'rejected'],
    [401, 'rejected'],
    [500, 'network'],
    [503, 'network'],
  ])('HTTP %i fails with reason %s and the status as code', async (status, reason) => {
    const err = await failure(fetchUserSig(URL_, 'alice', { fetch: answering(status, '{}') }));
    expect(err.reason).toBe(reason);
    expect(err.code).toBe(status);
    expect(err.message).toContain(String(status));
  });

  it('refuses bad JSON, a missing userSig and an answer for another user', async () => {
    expect((await failure(fetchUserSig(URL_, 'alice', { fetch: answering(200, '<html>') }))).message).toMatch(/not JSON/);
    expect((await failure(fetchUserSig(URL_, 'alice', { fetch: answering(200, '"sig"') }))).message).toMatch(/not a JSON object/);
    expect((await failure(fetchUserSig(URL_, 'alice', { fetch: answering(200, '{"userID":"alice"}') }))).message).toMatch(/no "userSig"/);
    const other = await failure(fetchUserSig(URL_, 'alice', { fetch: answering(200, '{"userID":"mallory","userSig":"s"}') }));
    expect(other.reason).toBe('rejected');
    expect(other.message).toMatch(/mallory/);
  });

  it('refuses an oversized answer', async () => {
    const huge = JSON.stringify({ userID: 'alice', userSig: 'x'.repeat(70_000) });
    expect((await failure(fetchUserSig(URL_, 'alice', { fetch: answering(200, huge) }))).message).toMatch(/too large/);
  });

  it('a network error is a network failure', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const err = await failure(fetchUserSig(URL_, 'alice', { fetch }));
    expect(err.reason).toBe('network');
    expect(err.message).toMatch(/Failed to fetch/);
  });

  it('times out a hanging service (and aborts the request)', async () => {
    vi.useFakeTimers();
    try {
      let signal: AbortSignal | undefined;
      const fetch = vi.fn(
        (_url: RequestInfo | URL, init?: RequestInit) =>
          new Promise<Response>((_, reject) => {
            signal = init?.signal ?? undefined;
            signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      );
      const pending = failure(fetchUserSig(URL_, 'alice', { fetch, timeoutMs: 5000 }));
      await vi.advanceTimersByTimeAsync(5000);
      const err = await pending;
      expect(err.message).toMatch(/timed out/);
      expect(err.reason).toBe('network');
      expect(signal?.aborted).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('userCredentials', () => {
  it('uses a ready UserSig first and the UserSig service for every renewal', async () => {
    const fetch = answering(200, JSON.stringify({ userID: 'alice', userSig: 'fresh' }));
    const creds = userCredentials({ kind: 'user', userId: 'alice', userSig: 'ready', userSigUrl: URL_ }, false, { fetch });
    expect(creds.refreshable).toBe(true);
    await expect(creds.getUserSig()).resolves.toBe('ready');
    await expect(creds.getUserSig()).resolves.toBe('fresh');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('with only a ready UserSig it cannot renew', async () => {
    const creds = userCredentials({ kind: 'user', userId: 'alice', userSig: 'ready' }, false);
    expect(creds.refreshable).toBe(false);
    await expect(creds.getUserSig()).resolves.toBe('ready');
    await expect(creds.getUserSig()).resolves.toBe('ready');
  });

  it('a user without any way to get a UserSig is refused, except on a host-provided instance', () => {
    expect(() => userCredentials({ kind: 'user', userId: 'alice' }, false)).toThrow(/userSig or a user-sig-url/);
    expect(userCredentials({ kind: 'user', userId: 'alice' }, true).userId).toBe('alice');
    expect(() => userCredentials({ kind: 'user', userId: '' }, true)).toThrow(/user id/);
  });
});
