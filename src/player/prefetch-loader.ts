/**
 * The hls.js playlist loader (`pLoader`) that answers from a playlist prefetch: a request the
 * prefetch holds a fresh copy of is answered from it; any other (and a failed prefetch) goes to
 * hls.js's own loader, exactly as without it.
 */
import type { HlsConfig, Loader, LoaderCallbacks, LoaderConfiguration, LoaderStats, PlaylistLoaderConstructor, PlaylistLoaderContext } from './hls-loader.ts';
import type { PlaylistPrefetch } from './playlist-prefetch.ts';

export function prefetchingLoader(prefetch: Pick<PlaylistPrefetch, 'take'>): PlaylistLoaderConstructor {
  return class PrefetchingLoader implements Loader<PlaylistLoaderContext> {
    context: PlaylistLoaderContext | null = null;
    private readonly own: LoaderStats = freshStats();
    private inner: Loader<PlaylistLoaderContext> | null = null;
    private done = false;

    constructor(private readonly config: HlsConfig) {}

    get stats(): LoaderStats {
      return this.inner?.stats ?? this.own;
    }

    load(context: PlaylistLoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<PlaylistLoaderContext>): void {
      this.context = context;
      const pending = prefetch.take(context.url);
      if (!pending) return this.delegate(context, config, callbacks);
      const stats = this.own;
      stats.loading.start = performance.now();
      void pending.then((r) => {
        if (this.done) return; // aborted or destroyed meanwhile
        if (!r) return this.delegate(context, config, callbacks);
        stats.loading.first = stats.loading.end = performance.now();
        stats.loaded = stats.total = r.text.length;
        this.done = true;
        callbacks.onSuccess({ url: r.url, data: r.text, code: r.code }, stats, context, null);
      });
    }

    private delegate(context: PlaylistLoaderContext, config: LoaderConfiguration, callbacks: LoaderCallbacks<PlaylistLoaderContext>): void {
      const Default = this.config.loader as unknown as PlaylistLoaderConstructor;
      this.inner = new Default(this.config);
      this.inner.load(context, config, callbacks);
    }

    abort(): void {
      this.done = true;
      this.own.aborted = true;
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
