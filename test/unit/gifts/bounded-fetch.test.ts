/**
 * `fetchBounded` and `loadCatalog` with injected fetches (node): the byte cap stops reading an
 * endless body after a bounded number of chunks and cancels it, a declared Content-Length over the
 * cap is refused unread, a stalled server times out, HTTP errors and redirects off the allow-list
 * are reasons (never rejections), and every fetch and timer is released (`giftResources()`).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchBounded, type FetchLike } from '../../../src/gifts/bounded-fetch.ts';
import { giftResources } from '../../../src/gifts/gift-resources.ts';
import { loadCatalog } from '../../../src/gifts/load-catalog.ts';

const CHUNK = 64 * 1024;

/** A body that never ends: counts the chunks pulled and whether it was cancelled. */
function endless(): { response: Response; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body, { status: 200 }), pulled: () => pulled, cancelled: () => cancelled };
}

const ok =
  (text: string, init: ResponseInit = {}): FetchLike =>
  async () =>
    new Response(text, { status: 200, ...init });

afterEach(() => {
  expect(giftResources()).toMatchObject({ fetches: 0, timers: 0 });
});

describe('fetchBounded', () => {
  it('reads a small body', async () => {
    const seen: RequestInit[] = [];
    const r = await fetchBounded('https://cdn.example/a.json', {
      fetch: async (_u, init) => {
        seen.push(init ?? {});
        return new Response('{"a":"é"}');
      },
    });
    expect(r).toEqual({ ok: true, text: '{"a":"é"}', bytes: 10 });
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('stops reading an endless body just past the cap and cancels it', async () => {
    const e = endless();
    const r = await fetchBounded('https://cdn.example/big.json', { fetch: async () => e.response, maxBytes: 512 * 1024 });
    expect(r).toEqual({ ok: false, reason: 'too-large' });
    // 512 KB / 64 KB = 8 chunks fit; the 9th passes the cap (the stream may have pulled one ahead).
    expect(e.pulled()).toBeGreaterThanOrEqual(9);
    expect(e.pulled()).toBeLessThanOrEqual(11);
    await Promise.resolve();
    expect(e.cancelled()).toBe(true);
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    const e = endless();
    const headers = new Headers({ 'content-length': String(10 * 1024 * 1024) });
    const res = new Response(e.response.body, { status: 200, headers });
    const r = await fetchBounded('https://cdn.example/big.json', { fetch: async () => res, maxBytes: 1024 });
    expect(r).toEqual({ ok: false, reason: 'too-large' });
    expect(e.pulled()).toBeLessThanOrEqual(1); // the stream's own first pull, nothing read by us
  });

  it('answers http with the status for a 404', async () => {
    expect(await fetchBounded('https://cdn.example/x', { fetch: ok('nope', { status: 404 }) })).toEqual({
      ok: false,
      reason: 'http',
      status: 404,
    });
  });

  it('times out a server that never answers, even when the fetch ignores the abort signal', async () => {
    const r = await fetchBounded('https://cdn.example/slow', { fetch: () => new Promise<Response>(() => {}), timeoutMs: 20 });
    expect(r).toEqual({ ok: false, reason: 'timeout' });
  });

  it('times out a body that stalls half way', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array(10));
      },
      pull: () => new Promise<void>(() => {}),
    });
    const r = await fetchBounded('https://cdn.example/stall', { fetch: async () => new Response(body), timeoutMs: 20 });
    expect(r).toEqual({ ok: false, reason: 'timeout' });
  });

  it('answers network for a rejected fetch and aborted when the caller aborts', async () => {
    expect(await fetchBounded('https://cdn.example/x', { fetch: () => Promise.reject(new TypeError('offline')) })).toEqual({
      ok: false,
      reason: 'network',
    });
    const ac = new AbortController();
    const p = fetchBounded('https://cdn.example/x', { fetch: () => new Promise<Response>(() => {}), signal: ac.signal });
    ac.abort();
    expect(await p).toEqual({ ok: false, reason: 'aborted' });
    expect(await fetchBounded('https://cdn.example/x', { fetch: ok('{}'), signal: ac.signal })).toEqual({ ok: false, reason: 'aborted' });
  });

  it('refuses a redirect that ended off the allow-list', async () => {
    const redirected = (): Promise<Response> => {
      const res = new Response('{}');
      Object.defineProperty(res, 'redirected', { value: true });
      Object.defineProperty(res, 'url', { value: 'https://evil.example/x.json' });
      return Promise.resolve(res);
    };
    const r = await fetchBounded('https://cdn.example/x.json', {
      fetch: redirected,
      allowFinalUrl: (u) => u.startsWith('https://cdn.example/'),
    });
    expect(r).toEqual({ ok: false, reason: 'not-allowed' });
  });
});

describe('loadCatalog', () => {
  const demo = readFileSync(new URL('../../../demo/public/gifts/catalog.json', import.meta.url), 'utf8');

  it('loads and parses, resolving relative asset URLs against the catalog URL', async () => {
    const r = await loadCatalog('https://cdn.example/shop/catalog.json', {
      fetch: ok(JSON.stringify([{ id: 'a', name: 'A', image: 'a.svg', price: 3, type: 2 }, { id: 'bad' }])),
    });
    expect(r.ok).toBe(true);
    expect(r.catalog.gifts).toEqual([{ id: 'a', name: 'A', image: 'https://cdn.example/shop/a.svg', price: 3, type: 2 }]);
    expect(r.catalog.dropped).toBe(1);
  });

  it('loads the demo catalog from the page origin', async () => {
    const urls: string[] = [];
    const r = await loadCatalog('/gifts/catalog.json', {
      origin: 'http://127.0.0.1:8080',
      fetch: async (u) => {
        urls.push(u);
        return new Response(demo);
      },
    });
    expect(urls).toEqual(['http://127.0.0.1:8080/gifts/catalog.json']);
    expect(r.catalog.gifts).toHaveLength(8);
    expect(r.catalog.allowUrl('http://127.0.0.1:8080/gifts/castle.json')).toBe(true);
  });

  it.each([
    ['a foreign http URL', 'http://evil.example/c.json', ok('[]'), 'not-allowed'],
    ['a javascript: URL', 'javascript:alert(1)', ok('[]'), 'not-allowed'],
    ['a 500', 'https://cdn.example/c.json', ok('', { status: 500 }), 'http'],
    ['broken JSON', 'https://cdn.example/c.json', ok('[{'), 'bad-json'],
    ['an object', 'https://cdn.example/c.json', ok('{"gifts":[]}'), 'not-array'],
    ['too large', 'https://cdn.example/c.json', ok(`[${'0,'.repeat(200_000)}0]`), 'too-large'],
  ])('answers the empty catalog and a reason for %s', async (_, url, fetchFn, reason) => {
    let called = 0;
    const r = await loadCatalog(url, { fetch: (u, i) => (called++, fetchFn(u, i)) });
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.catalog.gifts).toEqual([]);
    if (reason === 'not-allowed') expect(called).toBe(0);
  });
});
