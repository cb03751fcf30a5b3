/**
 * `fetchBounded`: one GET of a gift asset (catalog, effect JSON) with a deadline and a byte cap.
 * The body is streamed and reading stops as soon as the cap is passed (a huge or endless body is
 * never buffered); a declared `Content-Length` over the cap is refused before reading. Each call
 * owns its AbortController, its deadline timer and its abort listener, and releases all of them
 * before it settles.
 *
 * Must not: throw or reject (every failure is a reason), check allow-lists of the URL it is given
 * (callers do; it only re-checks where a redirect ended), or keep anything after it settles.
 */
import { countGiftResource, GiftTimers } from './gift-resources.ts';

export type FetchFailure = 'http' | 'too-large' | 'timeout' | 'network' | 'aborted' | 'not-allowed';

export type BoundedFetchResult =
  | { readonly ok: true; readonly text: string; readonly bytes: number }
  | { readonly ok: false; readonly reason: FetchFailure; readonly status?: number };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface BoundedFetchOptions {
  /** Injected for tests and hosts; defaults to the global `fetch`. */
  readonly fetch?: FetchLike;
  /** Deadline for the whole request, body included (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Largest accepted body in bytes (default 512 KB). */
  readonly maxBytes?: number;
  /** Cancels the request from outside (reason `aborted`). */
  readonly signal?: AbortSignal;
  /** Where a redirect ended must pass this too (the allow-list of the caller). */
  readonly allowFinalUrl?: (url: string) => boolean;
}

export const DEFAULT_FETCH_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_BYTES = 512 * 1024;

/** Rejects as soon as `signal` aborts, even if `p` never settles (an injected fetch may ignore it). */
function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new DOMException('aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DOMException('aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function discard(res: Response): void {
  res.body?.cancel().catch(() => undefined);
}

export async function fetchBounded(url: string, options: BoundedFetchOptions = {}): Promise<BoundedFetchResult> {
  const fetchFn: FetchLike | undefined = options.fetch ?? (typeof fetch === 'function' ? (i, init) => fetch(i, init) : undefined);
  if (!fetchFn) return { ok: false, reason: 'network' };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const controller = new AbortController();
  const timers = new GiftTimers();
  let timedOut = false;
  const outer = options.signal;
  const onOuterAbort = (): void => controller.abort();
  if (outer?.aborted) return { ok: false, reason: 'aborted' };
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  timers.timeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS);
  countGiftResource('fetches', +1);
  const signal = controller.signal;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const res = await abortable(
      fetchFn(url, { signal, credentials: 'same-origin', referrerPolicy: 'no-referrer', cache: 'default' }),
      signal,
    );
    if (!res.ok) {
      discard(res);
      return { ok: false, reason: 'http', status: res.status };
    }
    if (res.redirected && res.url && options.allowFinalUrl && !options.allowFinalUrl(res.url)) {
      discard(res);
      return { ok: false, reason: 'not-allowed' };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      discard(res);
      return { ok: false, reason: 'too-large' };
    }
    if (!res.body) {
      const buf = await abortable(res.arrayBuffer(), signal);
      if (buf.byteLength > maxBytes) return { ok: false, reason: 'too-large' };
      return { ok: true, text: new TextDecoder().decode(buf), bytes: buf.byteLength };
    }
    reader = res.body.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let bytes = 0;
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) return { ok: false, reason: 'too-large' };
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
    reader = undefined;
    return { ok: true, text, bytes };
  } catch {
    return { ok: false, reason: timedOut ? 'timeout' : outer?.aborted ? 'aborted' : 'network' };
  } finally {
    // Stop reading (too large, timed out, aborted) and close the connection; harmless when done.
    reader?.cancel().catch(() => undefined);
    controller.abort();
    timers.clear();
    outer?.removeEventListener('abort', onOuterAbort);
    countGiftResource('fetches', -1);
  }
}
