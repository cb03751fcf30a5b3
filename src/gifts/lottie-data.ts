/**
 * Checks that fetched JSON is a Lottie animation the light canvas build can play safely: the
 * top-level shape (frame rate, in/out points, size, layers) within sane bounds, and no asset that
 * would make lottie load something by itself (an image or font by URL bypasses our allow-list; only
 * images embedded as `data:image/…` pass).
 *
 * Pure. Must not: throw (answers a reason), or return the parsed object for anything it refused.
 */
import { isRecord } from '../protocol/sanitize.ts';

export type LottieRefusal = 'bad-json' | 'not-lottie' | 'unsafe';

export type LottieCheck =
  | { readonly ok: true; readonly data: Record<string, unknown>; readonly durationMs: number }
  | { readonly ok: false; readonly reason: LottieRefusal };

const MAX_SIDE = 4096;
const MAX_SECONDS = 30;
const MAX_LAYERS = 2000;
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|webp|gif);base64,/;

const num = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;

function safeAssets(assets: unknown): boolean | 'bad' {
  if (assets === undefined) return true;
  if (!Array.isArray(assets)) return 'bad';
  for (const a of assets) {
    if (!isRecord(a)) return 'bad';
    // Precompositions carry layers; anything with a path is an image (or audio) lottie would load.
    if (a.p !== undefined && !(a.e === 1 && typeof a.p === 'string' && EMBEDDED_IMAGE.test(a.p))) return false;
  }
  return true;
}

function safeFonts(fonts: unknown): boolean {
  if (!isRecord(fonts) || !Array.isArray(fonts.list)) return true;
  // A font with a path (Google/CSS/script origins) makes lottie add a <link> or <script>.
  return fonts.list.every((f) => !isRecord(f) || f.fPath === undefined || f.fPath === '');
}

export function checkLottie(text: string): LottieCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'bad-json' };
  }
  if (!isRecord(data)) return { ok: false, reason: 'not-lottie' };
  const { fr, ip, op, w, h, layers } = data;
  if (!num(fr, 1, 120) || !num(ip, -1e6, 1e6) || !num(op, -1e6, 1e6) || op <= ip) return { ok: false, reason: 'not-lottie' };
  if (!num(w, 1, MAX_SIDE) || !num(h, 1, MAX_SIDE)) return { ok: false, reason: 'not-lottie' };
  if (!Array.isArray(layers) || layers.length === 0 || layers.length > MAX_LAYERS || !layers.every(isRecord))
    return { ok: false, reason: 'not-lottie' };
  const durationMs = ((op - ip) / fr) * 1000;
  if (durationMs > MAX_SECONDS * 1000) return { ok: false, reason: 'not-lottie' };
  const assets = safeAssets(data.assets);
  if (assets === 'bad') return { ok: false, reason: 'not-lottie' };
  if (!assets || !safeFonts(data.fonts)) return { ok: false, reason: 'unsafe' };
  return { ok: true, data, durationMs };
}
