/**
 * Fetches a UserSig from the host's UserSig service (docs/tencent-sdk.md#usersig-service): `POST <url>` with JSON
 * `{"userID": "…"}` answering `{"userID": "…", "userSig": "…"}`. Owns only the request: a timeout,
 * a size cap on the answer, and clear `TransportError`s for every way it can fail. The secret key
 * never comes near the browser; the service must authenticate its caller (usually by cookie).
 * Transport-neutral: the Tencent and emulator transports log in through it alike.
 */
import { TransportError, type Identity } from './chat-transport.ts';

/** How a user logs in: used by both transports (the Tencent SDK's and the room emulator's). */
export interface UserCredentials {
  readonly userId: string;
  /** Produces a UserSig; called again for every renewal. */
  readonly getUserSig: () => Promise<string>;
  /** False when only a fixed UserSig is known: an expired one cannot be replaced. */
  readonly refreshable: boolean;
}

export interface UserSigRequestOptions {
  /** Default 8 s. */
  readonly timeoutMs?: number | undefined;
  /** Injected for tests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch | undefined;
}

/** A UserSig is a few hundred bytes; anything far larger is not a UserSig answer. */
const MAX_ANSWER_CHARS = 64 * 1024;

export async function fetchUserSig(url: string, userId: string, options: UserSigRequestOptions = {}): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 8000;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let text: string;
  try {
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ userID: userId }),
        signal: abort.signal,
        // Same-origin cookies identify the viewer to the host's service; nothing cross-site.
        credentials: 'same-origin',
      });
    } catch (err) {
      if (abort.signal.aborted) {
        throw new TransportError(`UserSig request timed out after ${timeoutMs} ms`, undefined, 'network');
      }
      throw new TransportError(`UserSig request failed: ${(err as Error)?.message ?? 'network error'}`, undefined, 'network');
    }
    if (!response.ok) {
      // 4xx: the service refused this viewer (not a transient failure); 5xx: try again later.
      const reason = response.status >= 400 && response.status < 500 ? 'rejected' : 'network';
      throw new TransportError(`UserSig service answered HTTP ${response.status}`, response.status, reason);
    }
    try {
      text = await response.text();
    } catch (err) {
      if (abort.signal.aborted) {
        throw new TransportError(`UserSig request timed out after ${timeoutMs} ms`, undefined, 'network');
      }
      throw new TransportError('UserSig answer could not be read', undefined, 'network');
    }
  } finally {
    clearTimeout(timer);
  }
  return parseAnswer(text, userId);
}

function parseAnswer(text: string, userId: string): string {
  if (text.length > MAX_ANSWER_CHARS) throw new TransportError('UserSig answer is too large', undefined, 'unknown');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new TransportError('UserSig answer is not JSON', undefined, 'unknown');
  }
  if (typeof body !== 'object' || body === null) throw new TransportError('UserSig answer is not a JSON object', undefined, 'unknown');
  const { userID, userSig } = body as { userID?: unknown; userSig?: unknown };
  if (typeof userSig !== 'string' || userSig.length === 0) {
    throw new TransportError('UserSig answer has no "userSig" string', undefined, 'unknown');
  }
  // A signature for someone else would log this page in as that user: refuse it outright.
  if (userID !== userId) {
    throw new TransportError(`UserSig answer is for "${String(userID)}", not "${userId}"`, undefined, 'rejected');
  }
  return userSig;
}

/**
 * How a user identity logs in and renews: a ready UserSig serves the first login only; every
 * renewal asks the UserSig service (without one, an expired UserSig ends the session). A
 * host-provided instance is already logged in, so it needs neither.
 */
export function userCredentials(
  identity: Extract<Identity, { kind: 'user' }>,
  external: boolean,
  request: UserSigRequestOptions = {},
): UserCredentials {
  const { userId, userSig, userSigUrl } = identity;
  if (!userId) throw new TransportError('A user needs a user id', undefined, 'not-logged-in');
  if (!external && !userSig && !userSigUrl) {
    throw new TransportError('A user needs a userSig or a user-sig-url', undefined, 'not-logged-in');
  }
  let unused = userSig;
  return {
    userId,
    refreshable: !!userSigUrl,
    getUserSig: () => {
      if (unused) {
        const sig = unused;
        unused = undefined;
        return Promise.resolve(sig);
      }
      if (userSigUrl) return fetchUserSig(userSigUrl, userId, request);
      if (userSig) return Promise.resolve(userSig);
      return Promise.reject(new TransportError('No UserSig available', undefined, 'not-logged-in'));
    },
  };
}
