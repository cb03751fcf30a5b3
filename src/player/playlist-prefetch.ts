/**
 * Playlist prefetch: the stream's playlist is fetched as soon as the room knows what it will play,
 * while the player's and hls.js's chunks are still on their way, and hls.js's first request for
 * that URL is answered from it. One round trip leaves the path to the first frame.
 *
 * Owns: one prefetched playlist per player host, taken at most once. A failed, refused or stale
 * prefetch answers nothing: hls.js's own loader then fetches as it always does, so its errors
 * (a playlist that is not there yet, CORS) reach the player's error policy unchanged. The loader
 * that answers from it is in `prefetch-loader.ts` (the player's chunk); this part is in the page's.
 */
export interface Fetched {
  readonly url: string;
  readonly text: string;
  readonly code: number;
}

/** A live playlist changes every target duration: an older copy is not worth serving. */
export const PREFETCH_MAX_AGE_MS = 2000;

export class PlaylistPrefetch {
  private entry: { readonly url: string; readonly response: Promise<(Fetched & { readonly at: number }) | null> } | undefined;

  constructor(
    private readonly fetchText: (url: string) => Promise<Fetched | null> = fetchPlaylist,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts fetching `url` (relative URLs resolve against the page), unless it already is. */
  prefetch(url: string): void {
    const absolute = resolve(url);
    if (!absolute || this.entry?.url === absolute) return;
    this.entry = { url: absolute, response: this.fetchText(absolute).then((r) => (r ? { ...r, at: this.now() } : null)) };
  }

  /** The prefetch for `url` (null: it failed) without taking it: the start segment is read from it. */
  peek(url: string): Promise<Fetched | null> | undefined {
    const entry = this.entry;
    return entry && entry.url === resolve(url) ? entry.response : undefined;
  }

  /**
   * The prefetched playlist for `url`, at most once. It resolves to null (fetch it yourself) when
   * the prefetch failed or its copy is older than `PREFETCH_MAX_AGE_MS`; undefined: none for `url`.
   */
  take(url: string): Promise<Fetched | null> | undefined {
    const entry = this.entry;
    if (!entry || entry.url !== resolve(url)) return undefined;
    this.entry = undefined;
    return entry.response.then((r) => (r && this.now() - r.at <= PREFETCH_MAX_AGE_MS ? { url: r.url, text: r.text, code: r.code } : null));
  }
}

function resolve(url: string): string | undefined {
  try {
    return new URL(url, typeof document === 'undefined' ? undefined : document.baseURI).href;
  } catch {
    return undefined;
  }
}

/** Same request hls.js's XHR would make (no credentials across origins); anything but a 2xx is "none". */
async function fetchPlaylist(url: string): Promise<Fetched | null> {
  try {
    const response = await fetch(url, { credentials: 'same-origin' });
    if (!response.ok) return null;
    return { url: response.url || url, text: await response.text(), code: response.status };
  } catch {
    return null;
  }
}
