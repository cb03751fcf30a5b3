import { describe, expect, it, vi } from 'vitest';
import type {
  FragmentLoaderContext,
  HlsConfig,
  LoaderCallbacks,
  LoaderConfiguration,
  PlaylistLoaderContext,
} from '../../../src/player/hls-loader.ts';
import { PlaylistPrefetch, PREFETCH_MAX_AGE_MS, type Fetched } from '../../../src/player/playlist-prefetch.ts';
import { prefetchingFragmentLoader, prefetchingLoader } from '../../../src/player/prefetch-loader.ts';

const URL_A = 'https://cdn.example/live/a.m3u8';
const PLAYLIST = '#EXTM3U\n#EXT-X-TARGETDURATION:2\n';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  return { promise: new Promise<T>((r) => (resolve = r)), resolve };
}

/** hls.js's own loader, as the fake the delegating path must reach. */
function innerLoader() {
  const loads: PlaylistLoaderContext[] = [];
  const statsSeen: object[] = [];
  let aborted = 0;
  class Inner {
    context = null;
    stats = {
      aborted: false,
      loaded: 0,
      retry: 0,
      total: 0,
      chunkCount: 0,
      bwEstimate: 0,
      loading: { start: 0, first: 0, end: 0 },
      parsing: { start: 0, end: 0 },
      buffering: { start: 0, first: 0, end: 0 },
    };
    load(context: PlaylistLoaderContext) {
      // As hls.js's own loaders: stats that already have a start are refused.
      if (this.stats.loading.start) throw new Error('Loader can only be used once.');
      this.stats.loading.start = 1;
      loads.push(context);
      statsSeen.push(this.stats);
    }
    abort() {
      aborted++;
    }
    destroy() {}
  }
  return { config: { loader: Inner } as unknown as HlsConfig, loads, statsSeen, aborts: () => aborted };
}

const ctx = (url: string) => ({ url, type: 'manifest', level: null, id: null, responseType: 'text' }) as unknown as PlaylistLoaderContext;
const callbacks = () =>
  ({ onSuccess: vi.fn(), onError: vi.fn(), onTimeout: vi.fn() }) as unknown as LoaderCallbacks<PlaylistLoaderContext> & {
    onSuccess: ReturnType<typeof vi.fn>;
  };
const loadConfig = {} as LoaderConfiguration;

describe('PlaylistPrefetch', () => {
  it('fetches once per URL and hands the copy out once', async () => {
    const fetchText = vi.fn(async (url: string): Promise<Fetched> => ({ url, text: PLAYLIST, code: 200 }));
    const p = new PlaylistPrefetch(fetchText, () => 0);
    p.prefetch(URL_A);
    p.prefetch(URL_A);
    expect(fetchText).toHaveBeenCalledTimes(1);
    expect(p.take('https://cdn.example/other.m3u8')).toBeUndefined();
    await expect(p.take(URL_A)).resolves.toEqual({ url: URL_A, text: PLAYLIST, code: 200 });
    expect(p.take(URL_A)).toBeUndefined();
  });

  it('a failed prefetch or a copy older than the limit answers null (fetch it yourself)', async () => {
    let now = 0;
    const failed = new PlaylistPrefetch(
      async () => null,
      () => now,
    );
    failed.prefetch(URL_A);
    await expect(failed.take(URL_A)).resolves.toBeNull();
    const stale = new PlaylistPrefetch(
      async (url) => ({ url, text: PLAYLIST, code: 200 }),
      () => now,
    );
    stale.prefetch(URL_A);
    await Promise.resolve();
    now = PREFETCH_MAX_AGE_MS + 1;
    await expect(stale.take(URL_A)).resolves.toBeNull();
  });
});

describe('prefetchingLoader', () => {
  it('answers the prefetched URL from the prefetch, without hls.js’s own loader', async () => {
    const inner = innerLoader();
    const p = new PlaylistPrefetch(
      async (url) => ({ url, text: PLAYLIST, code: 200 }),
      () => 0,
    );
    p.prefetch(URL_A);
    const Loader = prefetchingLoader(p);
    const loader = new Loader(inner.config);
    const cb = callbacks();
    loader.load(ctx(URL_A), loadConfig, cb);
    await vi.waitFor(() => expect(cb.onSuccess).toHaveBeenCalledTimes(1));
    const [response, stats, context] = cb.onSuccess.mock.calls[0]!;
    expect(response).toEqual({ url: URL_A, data: PLAYLIST, code: 200 });
    expect(stats.loaded).toBe(PLAYLIST.length);
    expect(stats.loading.end).toBeGreaterThanOrEqual(stats.loading.start);
    expect(context.url).toBe(URL_A);
    expect(inner.loads).toHaveLength(0);
  });

  it('delegates other URLs at once, and the prefetched URL when the prefetch failed', async () => {
    const inner = innerLoader();
    const p = new PlaylistPrefetch(
      async () => null,
      () => 0,
    );
    p.prefetch(URL_A);
    const Loader = prefetchingLoader(p);
    new Loader(inner.config).load(ctx('https://cdn.example/level-1.m3u8'), loadConfig, callbacks());
    expect(inner.loads.map((c) => c.url)).toEqual(['https://cdn.example/level-1.m3u8']);
    const cb = callbacks();
    new Loader(inner.config).load(ctx(URL_A), loadConfig, cb);
    await vi.waitFor(() => expect(inner.loads).toHaveLength(2));
    expect(inner.loads[1]!.url).toBe(URL_A);
    expect(cb.onSuccess).not.toHaveBeenCalled();
  });

  it('hls.js’s loader fills the stats object hls.js took before load(), also after waiting for a failed prefetch', async () => {
    const inner = innerLoader();
    const p = new PlaylistPrefetch(
      async () => null,
      () => 0,
    );
    p.prefetch(URL_A);
    const Loader = prefetchingLoader(p);
    const direct = new Loader(inner.config);
    const heldDirect = direct.stats; // what hls.js's fragment loader keeps as `frag.stats`
    direct.load(ctx('https://cdn.example/level-1.m3u8'), loadConfig, callbacks());
    const waited = new Loader(inner.config);
    const heldWaited = waited.stats;
    waited.load(ctx(URL_A), loadConfig, callbacks());
    await vi.waitFor(() => expect(inner.loads).toHaveLength(2));
    expect(inner.statsSeen[0]).toBe(heldDirect);
    expect(inner.statsSeen[1]).toBe(heldWaited);
  });

  it('an abort before the prefetch arrives answers nothing and loads nothing', async () => {
    const inner = innerLoader();
    const arrival = deferred<Fetched | null>();
    const p = new PlaylistPrefetch(
      () => arrival.promise,
      () => 0,
    );
    p.prefetch(URL_A);
    const loader = new (prefetchingLoader(p))(inner.config);
    const cb = callbacks();
    loader.load(ctx(URL_A), loadConfig, cb);
    loader.abort();
    expect(loader.stats.aborted).toBe(true);
    arrival.resolve({ url: URL_A, text: PLAYLIST, code: 200 });
    await new Promise((r) => setTimeout(r, 0));
    expect(cb.onSuccess).not.toHaveBeenCalled();
    expect(inner.loads).toHaveLength(0);
  });
});

describe('prefetchingFragmentLoader', () => {
  const SEG = 'https://cdn.example/live/seg-7.ts';
  const fragCtx = (url: string, range?: [number, number]) =>
    ({
      url,
      responseType: 'arraybuffer',
      rangeStart: range?.[0],
      rangeEnd: range?.[1],
      frag: {},
      part: null,
    }) as unknown as FragmentLoaderContext;
  const fragCallbacks = () =>
    ({ onSuccess: vi.fn(), onError: vi.fn(), onTimeout: vi.fn() }) as unknown as LoaderCallbacks<FragmentLoaderContext> & {
      onSuccess: ReturnType<typeof vi.fn>;
    };
  const bytes = new Uint8Array([0x47, 1, 2, 3]).buffer;

  it('answers the prefetched segment with its bytes and the real timing of its fetch', async () => {
    const inner = innerLoader();
    const take = vi.fn((url: string) =>
      url === SEG ? Promise.resolve({ url, data: bytes, code: 200, timing: { start: 10, first: 20, end: 30 } }) : undefined,
    );
    const loader = new (prefetchingFragmentLoader({ take }))(inner.config);
    const held = loader.stats;
    const cb = fragCallbacks();
    loader.load(fragCtx(SEG), loadConfig, cb);
    await vi.waitFor(() => expect(cb.onSuccess).toHaveBeenCalledTimes(1));
    const [response, stats] = cb.onSuccess.mock.calls[0]!;
    expect(response).toEqual({ url: SEG, data: bytes, code: 200 });
    expect(stats).toBe(held);
    expect(stats.loading).toEqual({ start: 10, first: 20, end: 30 });
    expect(stats.loaded).toBe(4);
    expect(stats.total).toBe(4);
    expect(inner.loads).toHaveLength(0);
  });

  it('byte ranges and segments it does not hold go to hls.js’s loader at once', () => {
    const inner = innerLoader();
    const take = vi.fn(() => undefined);
    const Loader = prefetchingFragmentLoader({ take });
    new Loader(inner.config).load(fragCtx(SEG, [0, 188]), loadConfig, fragCallbacks());
    new Loader(inner.config).load(fragCtx('https://cdn.example/live/seg-8.ts'), loadConfig, fragCallbacks());
    expect(take).toHaveBeenCalledTimes(1); // the ranged request never asked the prefetch
    expect(inner.loads.map((c) => c.url)).toEqual([SEG, 'https://cdn.example/live/seg-8.ts']);
  });

  it('a prefetch that answers null sends the request to hls.js’s loader', async () => {
    const inner = innerLoader();
    const loader = new (prefetchingFragmentLoader({ take: () => Promise.resolve(null) }))(inner.config);
    const cb = fragCallbacks();
    loader.load(fragCtx(SEG), loadConfig, cb);
    await vi.waitFor(() => expect(inner.loads).toHaveLength(1));
    expect(cb.onSuccess).not.toHaveBeenCalled();
  });
});
