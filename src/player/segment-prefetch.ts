/**
 * Start-segment prefetch: once the prefetched live playlist is in, the segment hls.js will load
 * first (segment-pick.ts) is fetched while hls.js is still being downloaded and compiled, and
 * hls.js's first fragment request is answered from it. One more round trip, usually the largest
 * (a whole segment), leaves the path to the first frame.
 *
 * Owns: at most one fetched segment, handed out once. hls.js's first fragment request settles it:
 * the predicted URL gets the bytes; any other URL gets nothing (hls.js fetches as usual) and the
 * prefetch is aborted, so a wrong guess costs at most one segment. A failed fetch answers nothing,
 * so errors still reach hls.js's own loader and the player's error policy unchanged.
 *
 * Must not: decide which segment (segment-pick.ts), or hold more than the one segment.
 */
import type { Fetched } from './playlist-prefetch.ts';
import { liveStartSegment } from './segment-pick.ts';

/** A response as hls.js's loader callbacks take it, with the real timing of the fetch behind it. */
export interface Prefetched<D> {
  readonly url: string;
  readonly data: D;
  readonly code: number;
  /** performance.now() at the request, its first byte and its end. */
  readonly timing: { readonly start: number; readonly first: number; readonly end: number };
}

type FetchBytes = (url: string, signal: AbortSignal) => Promise<Prefetched<ArrayBuffer> | null>;

export class SegmentPrefetch {
  private entry: Promise<{ readonly url: string; readonly response: Promise<Prefetched<ArrayBuffer> | null> } | null> | undefined;
  private readonly abort = new AbortController();
  private settled = false;

  constructor(private readonly fetchBytes: FetchBytes = fetchSegment) {}

  /** Fetches the start segment of `playlist` (the prefetched copy) when it can be told for sure. */
  fromPlaylist(playlist: Promise<Fetched | null> | undefined, syncSegments: number): void {
    if (!playlist || this.entry || this.settled) return;
    this.entry = playlist.then((p) => {
      const url = p && !this.abort.signal.aborted ? liveStartSegment(p.text, p.url, syncSegments) : null;
      return url ? { url, response: this.fetchBytes(url, this.abort.signal) } : null;
    });
  }

  /**
   * hls.js's fragment request for `url`: the first one resolves to the prefetched bytes when it is
   * the predicted segment and the fetch succeeded, else to null (fetch it yourself); later ones,
   * and any when nothing was prefetched, get undefined at once.
   */
  take(url: string): Promise<Prefetched<ArrayBuffer> | null> | undefined {
    const entry = this.entry;
    if (!entry || this.settled) return undefined;
    this.settled = true;
    this.entry = undefined;
    return entry.then((e) => {
      if (e && e.url === url) return e.response;
      this.abort.abort();
      return null;
    });
  }

  /** Drops the prefetch (the player is torn down before hls.js asked). */
  cancel(): void {
    this.settled = true;
    this.entry = undefined;
    this.abort.abort();
  }
}

/** Same request hls.js's XHR makes (no credentials across origins); anything but a 2xx is "none". */
async function fetchSegment(url: string, signal: AbortSignal): Promise<Prefetched<ArrayBuffer> | null> {
  try {
    const start = performance.now();
    const response = await fetch(url, { credentials: 'same-origin', signal });
    const first = performance.now();
    if (!response.ok) return null;
    const data = await response.arrayBuffer();
    return { url: response.url || url, data, code: response.status, timing: { start, first, end: performance.now() } };
  } catch {
    return null;
  }
}
