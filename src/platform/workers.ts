/**
 * Workers from any origin. A page may start a Worker only from a script on its own origin, so when
 * the element's files come from a CDN or a Shopify asset host, the worker file itself cannot be
 * the Worker's URL. What is started then is a `blob:` script of one line (a blob has the page's
 * origin) that loads the real file: `import` for a module worker (the file needs CORS, as every
 * module from a CDN does), `importScripts` for a classic one. On the page's origin the file is
 * started as it is, so `worker-src 'self'` keeps working.
 *
 * A page whose CSP has no `blob:` in `worker-src` refuses the bootstrap: `watchBlockedWorkers`
 * (worker-csp.ts) reports it, naming the directive that would allow it; the callers then run on
 * the main thread. Imported only by the lazy barrage and player chunks.
 */

export type WorkerKind = 'module' | 'classic';

const bootstraps = new Map<string, string>();

const pageUrl = (): string | undefined => (typeof location === 'undefined' ? undefined : location.href);

/** Whether `file` is on the page's origin (then it can be a Worker's URL as it is). */
export function sameOriginScript(file: string, page: string | undefined = pageUrl()): boolean {
  if (page === undefined) return true;
  try {
    return new URL(file, page).origin === new URL(page).origin;
  } catch {
    return false;
  }
}

/**
 * The URL to start a worker for `file` from: the file's own absolute URL on the page's origin,
 * otherwise a `blob:` bootstrap that loads it (made once per file and kept for the page's life:
 * hls.js keys its worker cache by this URL).
 */
export function workerScriptUrl(file: string, kind: WorkerKind, page: string | undefined = pageUrl()): string {
  if (page === undefined) return file; // no page (a worker, Node): nothing to be cross-origin to
  const absolute = new URL(file, page).href;
  if (sameOriginScript(absolute, page)) return absolute;
  const key = `${kind} ${absolute}`;
  let url = bootstraps.get(key);
  if (!url) {
    const source = kind === 'module' ? `import ${JSON.stringify(absolute)};\n` : `importScripts(${JSON.stringify(absolute)});\n`;
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    bootstraps.set(key, url);
  }
  return url;
}

/** Starts a worker for `file` from any origin (throws as `new Worker` does, e.g. under a CSP). */
export function startWorker(file: string, kind: WorkerKind, name: string): Worker {
  return new Worker(workerScriptUrl(file, kind), { type: kind, name });
}
