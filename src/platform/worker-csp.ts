/**
 * The page's CSP refusals of workers, as the browser reports them (`securitypolicyviolation`), with
 * the source expression that would allow each. Apart from workers.ts so the element's first chunk
 * (which watches from connect) does not carry the worker bootstrap code of the lazy chunks.
 */

/** What a CSP refused when a worker was to start, and what would allow it. */
export interface BlockedWorker {
  /** The blocked script (`blob` for a bootstrap, else its URL). */
  readonly blocked: string;
  /** The directive that refused it (`worker-src`, or `script-src` / `default-src` it fell back to). */
  readonly directive: string;
  /** The source expression to add to that directive. */
  readonly fix: string;
}

/**
 * Calls `report` for each worker the page's CSP refuses from now on (until the returned stop).
 * Only worker refusals: the event's effective directive is `worker-src`.
 */
export function watchBlockedWorkers(report: (blocked: BlockedWorker) => void): () => void {
  if (typeof document === 'undefined') return () => undefined;
  const onViolation = (e: SecurityPolicyViolationEvent): void => {
    if (e.effectiveDirective !== 'worker-src') return;
    const blocked = e.blockedURI || 'unknown';
    const directive = e.violatedDirective || 'worker-src';
    const fix = blocked === 'blob' || blocked.startsWith('blob:') ? 'blob:' : sourceFor(blocked);
    report({ blocked, directive, fix });
  };
  document.addEventListener('securitypolicyviolation', onViolation);
  return () => document.removeEventListener('securitypolicyviolation', onViolation);
}

/** The source expression that allows `url`: `'self'` on the page's origin, else the URL's origin. */
function sourceFor(url: string): string {
  try {
    const origin = new URL(url).origin;
    return origin === location.origin ? "'self'" : origin;
  } catch {
    return url;
  }
}
