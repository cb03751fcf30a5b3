/**
 * The URL of hls.js's transmux worker, served next to our chunks (vite emits the file; this
 * module is that URL string and no hls.js code). Imported only by the player's lazy chunk.
 *
 * With it hls.js demuxes and remuxes segments in a worker, off the page's main thread where the
 * barrage, the chat and the viewer's taps are. On the page's origin it is started as it is (so
 * `worker-src 'self'` allows it); from another origin through a `blob:` bootstrap
 * (platform/workers.ts). A page that refuses both gets hls.js's own fallback: transmuxing on the
 * main thread.
 */
import url from 'hls.js/dist/hls.worker.js?url';

export const HLS_WORKER_URL: string = url;

let asked = false;

export interface WorkerPrefetchOptions {
  readonly get?: (url: string, crossOrigin: boolean) => Promise<Response>;
  /** The page's URL (default: `location.href`). */
  readonly page?: string;
  /** The worker file's URL (default: ours). */
  readonly file?: string;
}

/**
 * Fetches the worker file once, ahead, so the HTTP cache holds it when hls.js starts its worker:
 * that happens only once the first segment is in, and the worker's own fetch is then on the way
 * to the first frame. From another origin (a CDN) too: the worker's blob: bootstrap
 * (platform/workers.ts) loads the same URL with `importScripts`, which the cached copy answers
 * (bench X7/G11.ttff measured the start 1.14× slower from a CDN without it). That fetch is a CORS
 * request without cookies, as a CDN serves every module; a CDN without CORS makes it fail quietly.
 * A host that serves the file uncacheable (`no-store`) pays the download twice.
 */
export function prefetchHlsWorker({
  get = (u, crossOrigin) => fetch(u, crossOrigin ? { mode: 'cors', credentials: 'omit' } : { credentials: 'same-origin' }),
  page = location.href,
  file = HLS_WORKER_URL,
}: WorkerPrefetchOptions = {}): boolean {
  if (asked) return false;
  let target: URL;
  let crossOrigin: boolean;
  try {
    target = new URL(file, page);
    crossOrigin = target.origin !== new URL(page).origin;
  } catch {
    return false;
  }
  asked = true;
  get(target.href, crossOrigin)
    .then((r) => r.arrayBuffer()) // read to the end, so the whole file is cached
    .catch(() => undefined);
  return true;
}
