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
  readonly get?: (url: string) => Promise<Response>;
  /** The page's URL (default: `location.href`). */
  readonly page?: string;
  /** The worker file's URL (default: ours). */
  readonly file?: string;
}

/**
 * Fetches the worker file once, ahead, so the HTTP cache holds it when hls.js starts its worker:
 * that happens only once the first segment is in, and the worker's own fetch is then on the way
 * to the first frame. Only a same-origin file is worth it (any other cannot be a worker, see
 * above). A host that serves it uncacheable (`no-store`) pays the download twice.
 */
export function prefetchHlsWorker({
  get = (u) => fetch(u, { credentials: 'same-origin' }),
  page = location.href,
  file = HLS_WORKER_URL,
}: WorkerPrefetchOptions = {}): boolean {
  if (asked) return false;
  let target: URL;
  try {
    target = new URL(file, page);
    if (target.origin !== new URL(page).origin) return false;
  } catch {
    return false;
  }
  asked = true;
  get(target.href)
    .then((r) => r.arrayBuffer()) // read to the end, so the whole file is cached
    .catch(() => undefined);
  return true;
}
