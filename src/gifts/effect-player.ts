/**
 * The full-screen gift effect player: plays one Lottie effect at a time in a layer it adds to the
 * host it is given (part `gift-effect`), through the lazy light-canvas seam (`lottie-loader.ts`).
 * Animation data is fetched with a deadline and a byte cap (`fetchBounded`), checked
 * (`checkLottie`), cached by URL (`effect-cache.ts`) and cloned for every play. On any failure —
 * URL not allowed, 404, too large, malformed or not Lottie, unsafe assets, lottie failing to load,
 * a timeout — it shows the gift's image instead (a centred card that pops and fades, ~1.5 s) and
 * never throws; under reduced motion it always shows the card.
 *
 * Owns: its layer node, the current animation's container, Lottie instance, fetch and timers
 * (counted in `giftResources()`). Each play ends by destroying its instance (on complete, on a
 * guard timeout past the animation's length, on `stop()`, on a newer play and on `destroy()`);
 * `destroy()` is idempotent. Must not: fetch or show a URL the gate refused.
 */
import { safeUrl } from '../protocol/index.ts';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_BYTES, fetchBounded, type FetchFailure, type FetchLike } from './bounded-fetch.ts';
import { sharedEffectCache, type EffectCache, type EffectCacheEntry } from './effect-cache.ts';
import { countGiftResource, GiftTimers } from './gift-resources.ts';
import { checkLottie, type LottieRefusal } from './lottie-data.ts';
import { loadLottie, type LottieAnimation, type LottieLib } from './lottie-loader.ts';

export type EffectFailure = FetchFailure | LottieRefusal | 'no-url' | 'load-error' | 'reduced-motion';

export type EffectOutcome =
  { readonly kind: 'played' } | { readonly kind: 'fallback'; readonly reason: EffectFailure } | { readonly kind: 'cancelled' };

export interface EffectRequest {
  readonly effectUrl?: string | undefined;
  readonly imageUrl?: string | undefined;
  /** When no image is allowed, show the generic gift glyph (gifts) rather than nothing. */
  readonly glyph?: boolean;
}

export interface EffectPlayerOptions {
  /** The asset gate for URLs from messages (answers the absolute URL to load, or undefined). */
  readonly gate?: (url: unknown) => string | undefined;
  /** The page origin, for the host's `playEffect` URLs (`https:` or same-origin). */
  readonly origin?: string;
  readonly reducedMotion?: boolean;
  readonly fetch?: FetchLike;
  /** Fetch deadline (default 5000 ms). */
  readonly timeoutMs?: number;
  /** Largest animation JSON (default 512 KB). */
  readonly maxBytes?: number;
  readonly cache?: EffectCache;
  /** The lottie seam (tests hand in failing or counting ones). */
  readonly loadLottie?: () => Promise<LottieLib>;
  /** How long the image card shows (default 1500 ms). */
  readonly fallbackMs?: number;
  /** An animation still running this long past its length is ended anyway (default 2000 ms). */
  readonly graceMs?: number;
}

export interface EffectPlayerStats {
  readonly busy: boolean;
  readonly played: number;
  readonly cancelled: number;
  readonly fallbacks: Readonly<Partial<Record<EffectFailure, number>>>;
}

export interface EffectPlayer {
  /** Plays a gift's effect (URLs from a message: they must pass the gate). Never rejects. */
  play(request: EffectRequest): Promise<EffectOutcome>;
  /** The host's path: any `https:` or same-origin Lottie URL. Never rejects. */
  playEffect(url: string, imageUrl?: string): Promise<EffectOutcome>;
  /** Ends the current play (outcome `cancelled`). */
  stop(): void;
  setReducedMotion(reduce: boolean): void;
  readonly busy: boolean;
  stats(): EffectPlayerStats;
  destroy(): void;
}

interface Run {
  readonly abort: AbortController;
  readonly timers: GiftTimers;
  readonly nodes: HTMLElement[];
  anim: LottieAnimation | undefined;
  done: boolean;
  readonly settle: (o: EffectOutcome) => void;
}

export function createEffectPlayer(host: HTMLElement, options: EffectPlayerOptions = {}): EffectPlayer {
  const gate = options.gate ?? (() => undefined);
  const origin = options.origin ?? (typeof location === 'object' ? location.origin : undefined);
  const hostGate = (url: unknown): string | undefined => {
    const ok = safeUrl(url, origin ? { origin } : {});
    try {
      return ok === undefined ? undefined : new URL(ok, origin).href;
    } catch {
      return undefined;
    }
  };
  const cache = options.cache ?? sharedEffectCache();
  const load = options.loadLottie ?? loadLottie;
  const fallbackMs = options.fallbackMs ?? 1500;
  const graceMs = options.graceMs ?? 2000;
  let reduced = options.reducedMotion === true;
  let current: Run | undefined;
  let destroyed = false;
  let played = 0;
  let cancelled = 0;
  const fallbacks: Partial<Record<EffectFailure, number>> = {};

  const root = document.createElement('div');
  root.className = 'gift-effect';
  root.setAttribute('part', 'gift-effect');
  root.setAttribute('aria-hidden', 'true');
  host.append(root);

  const dropAnim = (run: Run): void => {
    const anim = run.anim;
    if (!anim) return;
    run.anim = undefined;
    countGiftResource('lottieInstances', -1);
    try {
      anim.destroy();
    } catch {
      // A half-loaded animation may fail to tear down; it is unreferenced either way.
    }
  };

  const finish = (run: Run, outcome: EffectOutcome): void => {
    if (run.done) return;
    run.done = true;
    run.abort.abort();
    run.timers.clear();
    dropAnim(run);
    for (const n of run.nodes.splice(0)) n.remove();
    if (current === run) current = undefined;
    if (outcome.kind === 'played') played++;
    else if (outcome.kind === 'cancelled') cancelled++;
    else fallbacks[outcome.reason] = (fallbacks[outcome.reason] ?? 0) + 1;
    run.settle(outcome);
  };

  const glyphNode = (): HTMLElement => {
    const g = document.createElement('span');
    g.className = 'gift-effect-glyph';
    g.textContent = '🎁';
    return g;
  };

  /** The stand-in for an effect: the gift's image (or glyph), popping and fading. */
  const showCard = (run: Run, image: string | undefined, glyph: boolean, reason: EffectFailure): void => {
    if (run.done) return;
    if (!image && !glyph) return finish(run, { kind: 'fallback', reason });
    const card = document.createElement('div');
    card.className = `gift-effect-card${reduced ? ' reduced' : ''}`;
    card.style.animationDuration = `${fallbackMs}ms`;
    if (image) {
      const img = document.createElement('img');
      img.alt = '';
      img.decoding = 'async';
      img.referrerPolicy = 'no-referrer';
      img.src = image;
      img.onerror = () => img.replaceWith(glyphNode());
      card.append(img);
    } else card.append(glyphNode());
    root.append(card);
    run.nodes.push(card);
    run.timers.timeout(() => finish(run, { kind: 'fallback', reason }), fallbackMs);
  };

  const fetchEntry = async (
    run: Run,
    url: string,
    allow: (u: unknown) => string | undefined,
  ): Promise<EffectCacheEntry | EffectFailure> => {
    const hit = cache.get(url);
    if (hit) return hit;
    const res = await fetchBounded(url, {
      signal: run.abort.signal,
      timeoutMs: options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
      allowFinalUrl: (u) => allow(u) !== undefined,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    if (!res.ok) return res.reason;
    const check = checkLottie(res.text);
    if (!check.ok) return check.reason;
    const entry: EffectCacheEntry = { data: check.data, bytes: res.bytes, durationMs: check.durationMs };
    cache.set(url, entry);
    return entry;
  };

  const start = async (run: Run, request: EffectRequest, allow: (u: unknown) => string | undefined): Promise<void> => {
    const image = request.imageUrl === undefined ? undefined : allow(request.imageUrl);
    const glyph = request.glyph === true;
    if (reduced) return showCard(run, image, glyph, 'reduced-motion');
    const url = allow(request.effectUrl);
    if (!url) return showCard(run, image, glyph, request.effectUrl ? 'not-allowed' : 'no-url');
    const entry = await fetchEntry(run, url, allow);
    if (run.done) return;
    if (typeof entry === 'string') return showCard(run, image, glyph, entry);
    let lib: LottieLib;
    try {
      lib = await load();
    } catch {
      return showCard(run, image, glyph, 'load-error');
    }
    if (run.done) return;
    const box = document.createElement('div');
    box.className = 'gift-effect-anim';
    root.append(box);
    run.nodes.push(box);
    const failed = (): void => {
      dropAnim(run);
      box.remove();
      showCard(run, image, glyph, 'load-error');
    };
    try {
      run.anim = lib.loadAnimation({
        container: box,
        renderer: 'canvas',
        loop: false,
        autoplay: true,
        // Lottie writes into the data it plays: every play gets its own copy of the cached data.
        animationData: structuredClone(entry.data),
        rendererSettings: { preserveAspectRatio: 'xMidYMid meet', clearCanvas: true },
      });
      countGiftResource('lottieInstances', +1);
    } catch {
      return failed();
    }
    run.anim.addEventListener('complete', () => finish(run, { kind: 'played' }));
    run.anim.addEventListener('data_failed', failed);
    run.anim.addEventListener('error', failed);
    // A hidden tab stops animation frames: never let an instance outlive its length by much.
    run.timers.timeout(() => finish(run, { kind: 'played' }), entry.durationMs + graceMs);
  };

  const begin = (request: EffectRequest, allow: (u: unknown) => string | undefined): Promise<EffectOutcome> => {
    if (destroyed) return Promise.resolve({ kind: 'cancelled' });
    if (current) finish(current, { kind: 'cancelled' });
    return new Promise<EffectOutcome>((settle) => {
      const run: Run = { abort: new AbortController(), timers: new GiftTimers(), nodes: [], anim: undefined, done: false, settle };
      current = run;
      start(run, request, allow).catch(() => {
        dropAnim(run);
        finish(run, { kind: 'fallback', reason: 'load-error' });
      });
    });
  };

  return {
    play: (request) => begin(request, gate),
    playEffect: (url, imageUrl) => begin({ effectUrl: url, imageUrl }, hostGate),
    stop() {
      if (current) finish(current, { kind: 'cancelled' });
    },
    setReducedMotion(reduce) {
      reduced = reduce;
    },
    get busy() {
      return current !== undefined;
    },
    stats: () => ({ busy: current !== undefined, played, cancelled, fallbacks: { ...fallbacks } }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      if (current) finish(current, { kind: 'cancelled' });
      root.remove();
    },
  };
}
