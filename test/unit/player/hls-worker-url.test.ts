import { beforeEach, describe, expect, test, vi } from 'vitest';

/** A fresh copy of the module per test: the prefetch is once per page. */
async function fresh(): Promise<typeof import('../../../src/player/hls-worker-url.ts')> {
  vi.resetModules();
  return import('../../../src/player/hls-worker-url.ts');
}

const page = 'https://shop.example/live/';

describe('prefetchHlsWorker', () => {
  let asked: string[];
  const get = (url: string): Promise<Response> => (asked.push(url), Promise.resolve(new Response('worker code')));
  beforeEach(() => (asked = []));

  test('fetches the same-origin worker file once per page', async () => {
    const { prefetchHlsWorker, HLS_WORKER_URL } = await fresh();
    expect(prefetchHlsWorker({ get, page })).toBe(true);
    expect(prefetchHlsWorker({ get, page })).toBe(false);
    expect(asked).toEqual([new URL(HLS_WORKER_URL, page).href]);
  });

  test('a worker file on another origin (a CDN) is fetched too, as a CORS request', async () => {
    const { prefetchHlsWorker } = await fresh();
    const modes: boolean[] = [];
    const getting = (url: string, crossOrigin: boolean): Promise<Response> => (modes.push(crossOrigin), get(url));
    expect(prefetchHlsWorker({ get: getting, page: 'not a url', file: 'hls.worker.js' })).toBe(false);
    expect(prefetchHlsWorker({ get: getting, page, file: 'https://cdn.example/lcr/assets/hls.worker-1.js' })).toBe(true);
    expect(prefetchHlsWorker({ get: getting, page, file: 'https://shop.example/assets/hls.worker-1.js' })).toBe(false); // once per page
    expect(asked).toEqual(['https://cdn.example/lcr/assets/hls.worker-1.js']);
    expect(modes).toEqual([true]);
  });

  test('a failed fetch is swallowed (hls.js fetches the file itself and sees the error)', async () => {
    const { prefetchHlsWorker } = await fresh();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      expect(prefetchHlsWorker({ get: () => Promise.reject(new TypeError('offline')), page })).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
