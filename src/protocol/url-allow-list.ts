/**
 * Host-given URL allow-lists (`stream-hosts`, `avatar-hosts`): a space- or comma-separated list
 * whose entries are an origin (`https://cdn.example.com`), an origin with a path prefix
 * (`https://cdn.example.com/avatars/`) or a root-relative prefix on the page's origin
 * (`/avatars/`). Pure: parsing never throws, an entry that is not one of these is ignored.
 */

interface Entry {
  readonly origin: string;
  readonly prefix: string;
}

function parseEntry(raw: string, pageOrigin: string | undefined): Entry | undefined {
  try {
    if (raw.startsWith('/') && !raw.startsWith('//')) return pageOrigin ? { origin: pageOrigin, prefix: raw } : undefined;
    const u = new URL(raw);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    if (u.username || u.password || u.search || u.hash) return undefined;
    return { origin: u.origin, prefix: u.pathname };
  } catch {
    return undefined;
  }
}

/** Splits a list attribute into its entries (white space or commas). */
export function listOf(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const items = typeof value === 'string' ? value.split(/[\s,]+/) : value;
  return items
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 64);
}

/**
 * A predicate for absolute URLs: true when the URL's origin matches an entry and its path starts
 * with the entry's prefix (on a segment boundary: `/avatars` does not allow `/avatars-evil`).
 * Answers undefined for an empty list, so callers can tell "no list" from "nothing allowed".
 */
export function urlAllowList(value: string | readonly string[] | undefined, pageOrigin?: string): ((url: string) => boolean) | undefined {
  const entries = listOf(value)
    .map((raw) => parseEntry(raw, pageOrigin))
    .filter((e): e is Entry => e !== undefined);
  if (entries.length === 0) return undefined;
  return (url: string) => {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      return false;
    }
    return entries.some((e) => {
      if (u.origin !== e.origin) return false;
      if (e.prefix === '/' || u.pathname === e.prefix) return true;
      const dir = e.prefix.endsWith('/') ? e.prefix : `${e.prefix}/`;
      return u.pathname.startsWith(dir);
    });
  };
}
