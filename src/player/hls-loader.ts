/**
 * The one seam through which the project reaches hls.js.
 *
 * Owns: the lazy `import()` of the hls.js *light* ESM build (package export `hls.js/light`, i.e.
 * `dist/hls.light.mjs`: no subtitles, alternate audio, EME or CMCD — a live room needs none of them)
 * and the type names other player files use. No other file may import `hls.js` at runtime; they import
 * types from here, which the compiler erases.
 *
 * Must not: load hls.js at import time (the first load of a merchant page stays small), or hold any
 * per-player state.
 */
import type HlsClass from 'hls.js';

export type {
  ErrorData,
  FragmentLoaderConstructor,
  FragmentLoaderContext,
  HlsConfig,
  LevelLoadedData,
  Loader,
  LoaderCallbacks,
  LoaderConfiguration,
  LoaderContext,
  LoaderStats,
  PlaylistLoaderConstructor,
  PlaylistLoaderContext,
} from 'hls.js';
/** An hls.js player instance. */
export type Hls = HlsClass;
/** The hls.js class (constructor plus statics such as `isSupported`, `Events`). */
export type HlsConstructor = typeof HlsClass;

let pending: Promise<HlsConstructor> | null = null;

/**
 * Loads hls.js light once and shares the class. A failed load (offline, blocked chunk) is forgotten so
 * the next call tries again instead of replaying the failure forever.
 */
export function loadHls(): Promise<HlsConstructor> {
  pending ??= import('hls.js/light').then(
    (mod: { default: HlsConstructor }) => mod.default,
    (err: unknown) => {
      pending = null;
      throw err;
    },
  );
  return pending;
}

/**
 * Cheap pre-check, without downloading hls.js: is there any Media Source Extensions implementation?
 * Without one (iPhone before iOS 17.1) hls.js can never be supported, so we go native at once.
 */
export function hasMediaSource(scope: object = globalThis): boolean {
  return 'MediaSource' in scope || 'ManagedMediaSource' in scope || 'WebKitMediaSource' in scope;
}
