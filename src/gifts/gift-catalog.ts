/**
 * The gift catalog: parses and validates a catalog JSON (an array of `{id, name, image, price,
 * type: 1|2|3, effect?}`), looks gifts up (by id, else by name, else by asset URL), values them
 * (price × count) and answers which asset URLs from messages may be loaded (`allowUrl`: the catalog's
 * own asset URLs plus configured asset origins), and `createAssetGate` combines that with the
 * protocol's URL rules and the host's allow-list.
 *
 * Pure: no DOM, no network, no timers. Must not: keep an entry it could not fully validate (bad
 * entries are dropped and counted), or allow a URL that is neither `https:` nor same-origin.
 */
import { LIMITS, type GiftInfo, type GiftType } from '../protocol/index.ts';
import { cleanId, cleanText, isRecord, safeUrl } from '../protocol/sanitize.ts';

export interface CatalogGift {
  readonly id: string;
  readonly name: string;
  /** Absolute URL, already allowed. */
  readonly image: string;
  readonly price: number;
  readonly type: GiftType;
  /** Absolute URL of the Lottie effect (type 3), already allowed. */
  readonly effect?: string;
}

export interface CatalogOptions {
  /** The page origin (same-origin assets may be `http:`); e.g. `location.origin`. */
  readonly origin?: string;
  /** Base for relative asset URLs (default: `origin`); `loadCatalog` passes the catalog's URL. */
  readonly baseUrl?: string;
  /** Origins whose assets messages may reference (a CDN); `https:` or the page origin only. */
  readonly assetOrigins?: readonly string[];
  /** Entries kept at most (default 500). */
  readonly maxEntries?: number;
}

export interface GiftCatalog {
  readonly gifts: readonly CatalogGift[];
  /** Entries refused (malformed, unsafe URL, duplicate id, over the cap). */
  readonly dropped: number;
  byId(id: string): CatalogGift | undefined;
  /** The catalog entry of a gift from a message: by `giftId`, else by name, else by asset URL. */
  find(gift: Pick<GiftInfo, 'giftId' | 'name' | 'imageUrl' | 'effectUrl'>): CatalogGift | undefined;
  /** May an asset URL from a message be loaded? Catalog asset URLs and configured origins. */
  allowUrl(url: string): boolean;
}

const PRICE_MAX = 1e9;
const PLACEHOLDER_ORIGIN = 'https://same-origin.invalid';

function absolute(url: string, base: string | undefined): URL | undefined {
  try {
    return new URL(url, base ?? PLACEHOLDER_ORIGIN);
  } catch {
    return undefined;
  }
}

/** A catalog asset URL resolved against `base`, then held to the protocol's URL rules. */
function assetUrl(v: unknown, options: CatalogOptions): string | undefined {
  if (typeof v !== 'string' || v.trim() === '') return undefined;
  const u = absolute(v.trim(), options.baseUrl ?? options.origin);
  if (!u || u.origin === PLACEHOLDER_ORIGIN) return undefined;
  return safeUrl(u.href, options.origin ? { origin: options.origin } : {}) ? u.href : undefined;
}

function parseEntry(v: unknown, options: CatalogOptions): CatalogGift | undefined {
  if (!isRecord(v)) return undefined;
  const id = cleanId(v.id, 64);
  const name = cleanText(v.name, LIMITS.giftNameChars);
  const type = v.type === 1 || v.type === 2 || v.type === 3 ? v.type : undefined;
  const price = typeof v.price === 'number' && Number.isFinite(v.price) && v.price >= 0 && v.price <= PRICE_MAX ? v.price : undefined;
  const image = assetUrl(v.image, options);
  if (!id || !name || !type || price === undefined || !image) return undefined;
  if (v.effect === undefined || v.effect === null) return { id, name, image, price, type };
  const effect = assetUrl(v.effect, options);
  // A catalog that names an effect we may not load is wrong: drop the entry rather than guess.
  return effect ? { id, name, image, price, type, effect } : undefined;
}

function allowedOrigins(list: readonly string[] | undefined, pageOrigin: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const o of list ?? []) {
    const u = absolute(o, undefined);
    if (u && !u.username && !u.password && (u.protocol === 'https:' || u.origin === pageOrigin)) out.add(u.origin);
  }
  return out;
}

export function parseCatalog(json: unknown, options: CatalogOptions = {}): GiftCatalog {
  const list = Array.isArray(json) ? json : [];
  const max = options.maxEntries ?? 500;
  const gifts: CatalogGift[] = [];
  const ids = new Map<string, CatalogGift>();
  const names = new Map<string, CatalogGift>();
  const urls = new Map<string, CatalogGift>();
  let dropped = Array.isArray(json) ? 0 : 1;
  for (const raw of list) {
    const g = gifts.length < max ? parseEntry(raw, options) : undefined;
    if (!g || ids.has(g.id)) {
      dropped++;
      continue;
    }
    gifts.push(g);
    ids.set(g.id, g);
    if (!names.has(g.name.toLowerCase())) names.set(g.name.toLowerCase(), g);
    for (const u of [g.image, g.effect]) if (u && !urls.has(u)) urls.set(u, g);
  }
  const origins = allowedOrigins(options.assetOrigins, options.origin);
  const resolve = (url: string | undefined): string | undefined => (url ? absolute(url, options.origin)?.href : undefined);

  return {
    gifts,
    dropped,
    byId: (id) => ids.get(id),
    find(gift) {
      if (gift.giftId) {
        const byId = ids.get(gift.giftId);
        if (byId) return byId;
      }
      const byName = gift.name ? names.get(gift.name.toLowerCase()) : undefined;
      if (byName) return byName;
      for (const u of [gift.effectUrl, gift.imageUrl]) {
        const hit = urls.get(resolve(u) ?? '');
        if (hit) return hit;
      }
      return undefined;
    },
    allowUrl(url) {
      const u = absolute(url, options.origin);
      if (!u || u.origin === PLACEHOLDER_ORIGIN || u.username || u.password) return false;
      if (urls.has(u.href)) return true;
      return origins.has(u.origin) && (u.protocol === 'https:' || u.origin === options.origin);
    },
  };
}

/** An empty catalog (nothing known, nothing allowed by it). */
export const EMPTY_CATALOG: GiftCatalog = parseCatalog([]);

/** Queue value of a gift message: catalog price × count (unknown gifts are worth 0). */
export function giftValue(catalog: GiftCatalog, gift: GiftInfo): number {
  return (catalog.find(gift)?.price ?? 0) * gift.count;
}

export interface AssetGateOptions {
  /** The page origin (same-origin URLs may be `http:`). */
  readonly origin?: string;
  readonly catalog?: GiftCatalog;
  /** The host's extra allow-list (the element's `allowUrl` property). */
  readonly allowUrl?: (url: string) => boolean;
}

/**
 * The gate every asset URL from a message passes: the protocol's rules (`https:` or same-origin, no
 * credentials, no `javascript:`/`data:`), then the catalog's `allowUrl` or the host's. Answers the
 * absolute URL to load, or `undefined`.
 */
export function createAssetGate(options: AssetGateOptions): (url: unknown) => string | undefined {
  const { origin, catalog, allowUrl } = options;
  const allow = (href: string): boolean => {
    if (catalog?.allowUrl(href)) return true;
    try {
      return allowUrl?.(href) === true;
    } catch {
      return false;
    }
  };
  return (url) => {
    const ok = safeUrl(url, { ...(origin ? { origin } : {}), allowUrl: allow });
    const u = ok === undefined ? undefined : absolute(ok, origin);
    // Without a page origin a root-relative URL cannot be resolved: refuse it.
    return u && u.origin !== PLACEHOLDER_ORIGIN ? u.href : undefined;
  };
}

/** The image to show for a gift: the message's own if allowed, else the catalog's, else none. */
export function giftImageUrl(
  gate: (url: unknown) => string | undefined,
  gift: GiftInfo,
  entry: CatalogGift | undefined,
): string | undefined {
  return gate(gift.imageUrl) ?? entry?.image;
}

/** The effect to play for a gift: the message's own if allowed, else the catalog's, else none. */
export function giftEffectUrl(
  gate: (url: unknown) => string | undefined,
  gift: GiftInfo,
  entry: CatalogGift | undefined,
): string | undefined {
  return gate(gift.effectUrl) ?? entry?.effect;
}
