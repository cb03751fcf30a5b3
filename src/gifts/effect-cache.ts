/**
 * A small LRU of checked Lottie animation data by URL, bounded by entries and by bytes (of the JSON
 * text), so a replayed effect is neither fetched nor parsed again. The player clones an entry for
 * every play (lottie mutates the data it is given), so cached data is never handed out.
 *
 * Must not: grow past either bound, or hold anything but plain data (no instances, no DOM).
 */

export interface EffectCacheEntry {
  readonly data: Record<string, unknown>;
  readonly bytes: number;
  readonly durationMs: number;
}

export interface EffectCacheOptions {
  /** Default 8. */
  readonly maxEntries?: number;
  /** Default 2 MB. */
  readonly maxBytes?: number;
}

export interface EffectCache {
  get(url: string): EffectCacheEntry | undefined;
  set(url: string, entry: EffectCacheEntry): void;
  clear(): void;
  stats(): { readonly entries: number; readonly bytes: number };
}

export function createEffectCache(options: EffectCacheOptions = {}): EffectCache {
  const maxEntries = Math.max(0, options.maxEntries ?? 8);
  const maxBytes = Math.max(0, options.maxBytes ?? 2 * 1024 * 1024);
  const map = new Map<string, EffectCacheEntry>();
  let bytes = 0;
  const drop = (url: string): void => {
    const e = map.get(url);
    if (!e) return;
    map.delete(url);
    bytes -= e.bytes;
  };
  return {
    get(url) {
      const e = map.get(url);
      if (e) {
        map.delete(url); // most recently used goes last
        map.set(url, e);
      }
      return e;
    },
    set(url, entry) {
      drop(url);
      if (entry.bytes > maxBytes || maxEntries === 0) return;
      map.set(url, entry);
      bytes += entry.bytes;
      for (const oldest of map.keys()) {
        if (map.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    clear() {
      map.clear();
      bytes = 0;
    },
    stats: () => ({ entries: map.size, bytes }),
  };
}

let shared: EffectCache | undefined;

/** The page-wide cache the players share unless given their own. */
export function sharedEffectCache(): EffectCache {
  shared ??= createEffectCache();
  return shared;
}
