/**
 * The URL of hls.js's transmux worker, served next to our chunks (vite emits the file; this
 * module is that URL string and no hls.js code). Imported only by the player's lazy chunk.
 *
 * With it hls.js demuxes and remuxes segments in a worker, off the page's main thread where the
 * barrage, the chat and the viewer's taps are. It is a real file, so `worker-src 'self'` CSPs
 * allow it. A page that cannot start it (the element's files on another origin than the page, a
 * CSP without it) gets hls.js's own fallback: transmuxing on the main thread.
 */
import url from 'hls.js/dist/hls.worker.js?url';

export const HLS_WORKER_URL: string = url;
