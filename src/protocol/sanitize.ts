/**
 * Small pure checks shared by the decoders: strings, numbers, URLs and untrusted JSON.
 * Nothing here throws; every function answers `undefined` for input it refuses.
 */
import { LIMITS } from './limits.ts';
import type { JsonValue } from './types.ts';

/** Bidi embeddings/overrides/isolates and invisible characters that could disguise text. */
const HIDDEN =
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
/** Anything `cleanText` would change besides trimming: lets clean text skip the replaces. */
const NEEDS_CLEANING = new RegExp(`[\\r\\n\\t]|${HIDDEN.source}`);
/** Characters an identifier may not contain (hidden ones and white space). */
const NOT_ID = new RegExp(`\\s|${HIDDEN.source}`);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Cleans display text: removes control, bidi-override and zero-width characters (ZWJ stays for
 * emoji), folds newlines/tabs into spaces, trims, and truncates to `maxChars` code points with "…".
 */
export function cleanText(v: unknown, maxChars: number): string | undefined {
  if (typeof v !== 'string') return undefined;
  // Bound the work before the regexes run on hostile megabyte strings.
  const bounded = v.length > maxChars * 4 + 64 ? v.slice(0, maxChars * 4 + 64) : v;
  const s = (NEEDS_CLEANING.test(bounded) ? bounded.replace(/[\r\n\t]+/g, ' ').replace(HIDDEN, '') : bounded).trim();
  if (s.length === 0) return undefined;
  if (s.length <= maxChars) return s; // code points ≤ UTF-16 units
  const cps = Array.from(s);
  return cps.length <= maxChars ? s : cps.slice(0, maxChars - 1).join('') + '…';
}

/** An identifier: a non-empty string without control characters, capped (never truncated). */
export function cleanId(v: unknown, maxChars: number = LIMITS.idChars): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s.length === 0 || s.length > maxChars || NOT_ID.test(s)) return undefined;
  return s;
}

/** An integer in [min, max], accepting numeric strings; anything else is refused. */
export function intIn(v: unknown, min: number, max: number): number | undefined {
  const n = typeof v === 'string' && /^-?\d{1,16}$/.test(v.trim()) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return undefined;
  return n;
}

export function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Truncates to at most `maxBytes` of UTF-8 on a code-point boundary. */
export function capBytes(s: string, maxBytes: number): string {
  if (utf8Bytes(s) <= maxBytes) return s;
  let out = '';
  let bytes = 0;
  for (const cp of s) {
    const b = utf8Bytes(cp);
    if (bytes + b > maxBytes) break;
    out += cp;
    bytes += b;
  }
  return out;
}

export interface UrlPolicy {
  /** The page origin, for same-origin absolute URLs (e.g. `http://127.0.0.1:8080`). */
  readonly origin?: string;
  /** Extra allow-list hook (gift catalog, configured asset origins). Called with the absolute URL. */
  readonly allowUrl?: (url: string) => boolean;
}

/**
 * A URL from a message: `https:` or same-origin (a root-relative path, or the page origin),
 * never `javascript:`/`data:`/`blob:`, then the allow-list hook. Returns the URL as given.
 */
export function safeUrl(v: unknown, policy: UrlPolicy = {}): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  if (s.length === 0 || s.length > LIMITS.urlChars || /[\s\\]/.test(s)) return undefined;
  let absolute: URL;
  try {
    if (s.startsWith('/') && !s.startsWith('//')) {
      absolute = new URL(s, policy.origin ?? 'https://same-origin.invalid');
    } else {
      absolute = new URL(s);
      const sameOrigin = policy.origin !== undefined && absolute.origin === policy.origin;
      if (absolute.protocol !== 'https:' && !sameOrigin) return undefined;
    }
  } catch {
    return undefined;
  }
  if (absolute.username || absolute.password) return undefined;
  if (policy.allowUrl) {
    try {
      if (!policy.allowUrl(absolute.href)) return undefined;
    } catch {
      return undefined;
    }
  }
  return s;
}

/** Parses JSON text from the network: size-capped, depth/breadth-capped, no prototype keys. */
export function parseJson(
  text: unknown,
  maxBytes: number = LIMITS.bodyBytes,
): { ok: true; value: JsonValue } | { ok: false; reason: 'bad-json' | 'too-large' | 'too-deep' | 'bad-field' } {
  if (typeof text !== 'string') return { ok: false, reason: 'bad-json' };
  // A UTF-16 unit is at most 3 UTF-8 bytes, so short texts skip the byte count.
  if (text.length > maxBytes || (text.length * 3 > maxBytes && utf8Bytes(text) > maxBytes)) return { ok: false, reason: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
  const check = checkJson(value);
  return check === 'ok' ? { ok: true, value: value as JsonValue } : { ok: false, reason: check };
}

/** Iterative walk (no recursion, so deep input cannot overflow the stack). */
export function checkJson(value: unknown, maxDepth: number = LIMITS.jsonDepth): 'ok' | 'too-deep' | 'bad-field' {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  let visited = 0;
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop()!;
    if (++visited > 10_000) return 'too-deep';
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'number' && !Number.isFinite(v)) return 'bad-field';
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint' || v === undefined) return 'bad-field';
      continue;
    }
    if (depth >= maxDepth) return 'too-deep';
    if (Array.isArray(v)) {
      for (const item of v) {
        values.push(item);
        depths.push(depth + 1);
      }
    } else {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return 'bad-field';
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        if (FORBIDDEN_KEYS.has(key)) return 'bad-field';
        values.push((v as Record<string, unknown>)[key]);
        depths.push(depth + 1);
      }
    }
  }
  return 'ok';
}

/** A bounded, string-capped copy of already-checked JSON for hosts (unknown commands). */
export function boundedJson(value: JsonValue, depth = 0): JsonValue {
  if (typeof value === 'string') return cleanText(value, LIMITS.systemTextChars) ?? '';
  if (value === null || typeof value !== 'object') return value;
  if (depth >= LIMITS.jsonDepth) return null;
  if (Array.isArray(value)) return value.slice(0, LIMITS.jsonBreadth).map((v) => boundedJson(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value)
      .slice(0, LIMITS.jsonBreadth)
      .map(([k, v]) => [k.slice(0, LIMITS.cmdChars), boundedJson(v, depth + 1)]),
  );
}
