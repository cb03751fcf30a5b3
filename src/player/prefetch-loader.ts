/**
 * hls.js loaders that answer from a prefetch: the playlist loader (`pLoader`, playlist-prefetch.ts)
 * and the fragment loader (`fLoader`, segment-prefetch.ts). A request the prefetch holds an answer
 * for is answered from it, with the timing of the fetch behind it; any other (and a failed
 * prefetch) goes to hls.js's own loader, exactly as without it.
 *
 * The hls.js interop file: hls.js types its loader classes loosely, so the two casts to its loader
 * constructor types live here and nowhere else in src/.
 */
import type {
  FragmentLoaderConstructor,
  FragmentLoaderContext,
  HlsConfig,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  LoaderStats,
  PlaylistLoaderConstructor,
} from './hls-loader.ts';
import type { PlaylistPrefetch } from './playlist-prefetch.ts';
import type { Prefetched, SegmentPrefetch } from './segment-prefetch.ts';

/** An answer; without `timing` it counts as having arrived when it is handed to hls.js. */
type Answer<D> = Omit<Prefetched<D>, 'timing'> & Partial<Pick<Prefetched<D>, 'timing'>>;
type Take<D> = (url: string) => Promise<Answer<D> | null> | undefined;

export function prefetchingLoader(prefetch: Pick<PlaylistPrefetch, 'take'>): PlaylistLoaderConstructor {
  return answeringLoader<LoaderContext, string>((url) =>
    prefetch.take(url)?.then((r) => (r ? { url: r.url, data: r.text, code: r.code } : null)),
  ) as unknown as PlaylistLoaderConstructor;
}

export function prefetchingFragmentLoader(prefetch: Pick<SegmentPrefetch, 'take'>): FragmentLoaderConstructor {
  return answeringLoader<FragmentLoaderContext, ArrayBuffer>((url) => prefetch.take(url));
}

function answeringLoader<C extends LoaderContext, D extends string | ArrayBuffer>(take: Take<D>): new (config: HlsConfig) => Loader<C> {
  return class AnsweringLoader implements Loader<C> {
    context: C | null = null;
    /** hls.js keeps a reference to these stats before `load()`, so whoever answers fills this object. */
    readonly stats: LoaderStats = freshStats();
    private inner: Loader<C> | null = null;
    private done = false;

    constructor(private readonly config: HlsConfig) {}

    load(context: C, config: LoaderConfiguration, callbacks: LoaderCallbacks<C>): void {
      this.context = context;
      // Byte ranges are never prefetched: those go to hls.js's loader.
      const pending = context.rangeStart || context.rangeEnd ? undefined : take(context.url);
      if (!pending) return this.delegate(context, config, callbacks);
      const stats = this.stats;
      stats.loading.start = performance.now();
      void pending.then((r) => {
        if (this.done) return; // aborted or destroyed meanwhile
        if (!r) return this.delegate(context, config, callbacks);
        // The fetch behind the answer, so bandwidth samples stay true; a playlist counts from now.
        const now = performance.now();
        stats.loading.start = r.timing?.start ?? stats.loading.start;
        stats.loading.first = r.timing?.first ?? now;
        stats.loading.end = r.timing?.end ?? now;
        stats.loaded = stats.total = typeof r.data === 'string' ? r.data.length : r.data.byteLength;
        this.done = true;
        callbacks.onSuccess({ url: r.url, data: r.data, code: r.code }, stats, context, null);
      });
    }

    private delegate(context: C, config: LoaderConfiguration, callbacks: LoaderCallbacks<C>): void {
      const Default = this.config.loader as unknown as new (config: HlsConfig) => Loader<C>;
      const inner = (this.inner = new Default(this.config));
      // hls.js's loaders fill `this.stats`: hand them ours, which hls.js already holds. They refuse
      // stats that already have a start, which a wait for a failed prefetch set.
      this.stats.loading.start = 0;
      inner.stats = this.stats;
      inner.load(context, config, callbacks);
    }

    abort(): void {
      this.done = true;
      this.stats.aborted = true;
      this.inner?.abort();
    }

    destroy(): void {
      this.done = true;
      this.inner?.destroy();
      this.inner = null;
    }

    getCacheAge(): number | null {
      return this.inner?.getCacheAge?.() ?? null;
    }

    getResponseHeader(name: string): string | null {
      return this.inner?.getResponseHeader?.(name) ?? null;
    }
  };
}

function freshStats(): LoaderStats {
  return {
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
}
