/**
 * `loadCatalog`: fetches a gift catalog JSON (host-configured URL) with a deadline and a byte cap,
 * then parses it with `parseCatalog`, resolving relative asset URLs against the catalog's own URL.
 *
 * Must not: reject or throw (a failure is a reason plus the empty catalog), or fetch a URL that is
 * neither `https:` nor same-origin.
 */
import { safeUrl } from '../protocol/index.ts';
import { fetchBounded, type FetchFailure, type FetchLike } from './bounded-fetch.ts';
import { EMPTY_CATALOG, parseCatalog, type CatalogOptions, type GiftCatalog } from './gift-catalog.ts';

export interface LoadCatalogOptions extends Omit<CatalogOptions, 'baseUrl'> {
  readonly fetch?: FetchLike;
  /** Default 5000 ms. */
  readonly timeoutMs?: number;
  /** Default 256 KB. */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
}

export type CatalogLoadResult =
  | { readonly ok: true; readonly catalog: GiftCatalog }
  | {
      readonly ok: false;
      readonly catalog: GiftCatalog;
      readonly reason: FetchFailure | 'bad-json' | 'not-array';
      readonly status?: number;
    };

export const DEFAULT_CATALOG_MAX_BYTES = 256 * 1024;

export async function loadCatalog(url: string, options: LoadCatalogOptions = {}): Promise<CatalogLoadResult> {
  const origin = options.origin;
  const checked = safeUrl(url, origin ? { origin } : {});
  let href: string | undefined;
  try {
    href = checked === undefined ? undefined : new URL(checked, origin).href;
  } catch {
    href = undefined;
  }
  if (!href) return { ok: false, catalog: EMPTY_CATALOG, reason: 'not-allowed' };
  const res = await fetchBounded(href, {
    timeoutMs: options.timeoutMs ?? 5000,
    maxBytes: options.maxBytes ?? DEFAULT_CATALOG_MAX_BYTES,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!res.ok) return { ok: false, catalog: EMPTY_CATALOG, reason: res.reason, ...(res.status ? { status: res.status } : {}) };
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    return { ok: false, catalog: EMPTY_CATALOG, reason: 'bad-json' };
  }
  if (!Array.isArray(json)) return { ok: false, catalog: EMPTY_CATALOG, reason: 'not-array' };
  return { ok: true, catalog: parseCatalog(json, { ...options, baseUrl: href }) };
}
