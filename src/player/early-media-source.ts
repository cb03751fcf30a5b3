/**
 * The start's Media Source, opened on the `<video>` while hls.js is still loading. Opening one is
 * the browser's work (the media element's resource selection, then `sourceopen`): 80–90 ms on the
 * bench machine between `attachMedia` and hls.js's MEDIA_ATTACHED, on the path to the first frame.
 * Begun here, it overlaps the download and parse of hls.js instead of following them; hls.js takes
 * the open source over through its documented `attachMedia({ media, mediaSource })` (hls.js ≥ 1.6)
 * and from then on owns it like one it made itself.
 *
 * Owns: one MediaSource and its object URL until it is handed over or released. Only a plain
 * `MediaSource`, and only where no `ManagedMediaSource` exists: there (Safari) hls.js attaches its
 * managed source with a `<source>` child, which is left to hls.js.
 */

/** What hls.js's `attachMedia` takes to adopt a Media Source already on the element. */
export interface MediaAttachment {
  readonly media: HTMLVideoElement;
  readonly mediaSource: MediaSource;
}

export interface EarlyMediaSource {
  /** The video with this source, for hls.js's `attachMedia`; from then on hls.js owns both. Once only. */
  handOver(): MediaAttachment;
  /** Not handed over (the start ended, or plays without hls.js): detaches it and frees its URL. Idempotent. */
  release(): void;
}

interface MediaSourceScope {
  readonly MediaSource?: typeof MediaSource;
  readonly ManagedMediaSource?: unknown;
}

/** Opens a MediaSource on `video` now; null where hls.js would not attach a plain one (or it cannot be made). */
export function openMediaSourceEarly(video: HTMLVideoElement, scope: MediaSourceScope = globalThis): EarlyMediaSource | null {
  const Source = scope.MediaSource;
  if (typeof Source !== 'function' || 'ManagedMediaSource' in scope) return null;
  let source: MediaSource;
  let url: string;
  try {
    source = new Source();
    url = URL.createObjectURL(source);
  } catch {
    return null;
  }
  video.src = url;
  let state: 'attached' | 'handed-over' | 'released' = 'attached';
  return {
    handOver() {
      if (state !== 'attached') throw new Error(`the early Media Source was already ${state}`);
      state = 'handed-over';
      return { media: video, mediaSource: source };
    },
    release() {
      if (state !== 'attached') return;
      state = 'released';
      if (video.src === url) {
        video.removeAttribute('src');
        video.load(); // the element lets go of the source (it closes)
      }
      URL.revokeObjectURL(url);
    },
  };
}
