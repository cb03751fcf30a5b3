/**
 * The gifts layer's controller, for the element to wire: combos in, banners and effects out.
 * Type-2 gifts get a banner; type-3 gifts a banner plus a full-screen effect through the bounded
 * effect queue (own gifts first, then value), played one at a time; an effect that finds no place
 * stays a banner only. The host's `playEffect(url)` jumps the queue like an own gift.
 *
 * Owns: one banner renderer, one effect player and the queue (and, through them, every node, timer,
 * fetch and Lottie instance of the layer); `destroy()` is idempotent, ends them all and settles
 * every pending `playEffect` promise. Must not: load a message URL that the asset gate (catalog
 * URLs, configured asset origins, the host's `allowUrl`) did not allow.
 */
import type { GiftCombo } from '../pipeline/types.ts';
import type { GiftInfo } from '../protocol/index.ts';
import type { FetchLike } from './bounded-fetch.ts';
import type { BannerStats } from './banner-lanes.ts';
import type { EffectCache } from './effect-cache.ts';
import { createEffectPlayer, type EffectOutcome, type EffectPlayerStats } from './effect-player.ts';
import { createEffectQueue, type EffectQueueStats } from './effect-queue.ts';
import { createGiftBanners } from './gift-banners.ts';
import { createAssetGate, EMPTY_CATALOG, giftEffectUrl, giftImageUrl, giftValue, type GiftCatalog } from './gift-catalog.ts';
import type { LottieLib } from './lottie-loader.ts';

export interface GiftStageOptions {
  /** Where banners go (the renderer adds class `gift-banners` and its banner nodes). */
  readonly bannerHost: HTMLElement;
  /** Where effects play (the player adds its `gift-effect` layer). */
  readonly effectHost: HTMLElement;
  readonly catalog?: GiftCatalog;
  /** The host's extra allow-list for asset URLs from messages. */
  readonly allowUrl?: (url: string) => boolean;
  /** Page origin (default `location.origin`). */
  readonly origin?: string;
  /** One banner lane instead of two. */
  readonly narrow?: boolean;
  /** Fade-only banners; the image card instead of animations. */
  readonly reducedMotion?: boolean;
  /** Effects that may wait (default 5). */
  readonly queueBound?: number;
  /** Banner life after its last update (default 3000 ms). */
  readonly holdMs?: number;
  /** The line under a banner's nick (default: the gift name), e.g. a localized "sent {gift}". */
  readonly subtitle?: (gift: GiftInfo) => string;
  // Seams for tests and unusual hosts.
  readonly fetch?: FetchLike;
  readonly loadLottie?: () => Promise<LottieLib>;
  readonly effectCache?: EffectCache;
  readonly effectTimeoutMs?: number;
  readonly effectMaxBytes?: number;
  readonly fallbackMs?: number;
}

export interface GiftStageStats {
  readonly banners: BannerStats & { readonly nodes: number };
  readonly queue: EffectQueueStats;
  readonly effects: EffectPlayerStats;
  /** Type-3 updates whose combo already had an effect waiting (not queued twice). */
  readonly merged: number;
}

export interface GiftStage {
  onCombo(combo: GiftCombo): void;
  /** Plays a Lottie URL (`https:` or same-origin) ahead of gifts; resolves when it ended or gave way. */
  playEffect(url: string): Promise<void>;
  setNarrow(narrow: boolean): void;
  setReducedMotion(reduce: boolean): void;
  /** A catalog that arrived later (`loadCatalog`): used for the next gifts. */
  setCatalog(catalog: GiftCatalog): void;
  stats(): GiftStageStats;
  destroy(): void;
}

interface EffectItem {
  readonly own: boolean;
  readonly value: number;
  readonly key?: string;
  readonly effectUrl?: string | undefined;
  readonly imageUrl?: string | undefined;
  /** A host request: `effectUrl` is the host's, not a message's. */
  readonly host?: boolean;
  readonly done?: () => void;
}

export function createGiftStage(options: GiftStageOptions): GiftStage {
  const origin = options.origin ?? (typeof location === 'object' ? location.origin : undefined);
  let catalog = options.catalog ?? EMPTY_CATALOG;
  const makeGate = (): ((url: unknown) => string | undefined) =>
    createAssetGate({ catalog, ...(origin ? { origin } : {}), ...(options.allowUrl ? { allowUrl: options.allowUrl } : {}) });
  let gate = makeGate();
  let destroyed = false;
  let playing = false;
  let merged = 0;
  const waitingKeys = new Set<string>();

  const banners = createGiftBanners(options.bannerHost, {
    lanes: options.narrow ? 1 : 2,
    ...(options.holdMs !== undefined ? { holdMs: options.holdMs } : {}),
    reducedMotion: options.reducedMotion === true,
    imageFor: (gift) => giftImageUrl(gate, gift, catalog.find(gift)),
    ...(options.subtitle ? { subtitle: options.subtitle } : {}),
  });
  const player = createEffectPlayer(options.effectHost, {
    // The player re-checks every URL it is handed (defence in depth; already absolute and allowed).
    gate: (url) => gate(url),
    ...(origin ? { origin } : {}),
    reducedMotion: options.reducedMotion === true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.loadLottie ? { loadLottie: options.loadLottie } : {}),
    ...(options.effectCache ? { cache: options.effectCache } : {}),
    ...(options.effectTimeoutMs !== undefined ? { timeoutMs: options.effectTimeoutMs } : {}),
    ...(options.effectMaxBytes !== undefined ? { maxBytes: options.effectMaxBytes } : {}),
    ...(options.fallbackMs !== undefined ? { fallbackMs: options.fallbackMs } : {}),
  });
  const forget = (item: EffectItem): void => {
    if (item.key) waitingKeys.delete(item.key);
    item.done?.();
  };
  const queue = createEffectQueue<EffectItem>({ bound: options.queueBound ?? 5, onEvict: forget });

  const pump = (): void => {
    if (playing || destroyed) return;
    const item = queue.next();
    if (!item) return;
    if (item.key) waitingKeys.delete(item.key);
    playing = true;
    const run: Promise<EffectOutcome> = item.host
      ? player.playEffect(item.effectUrl ?? '')
      : player.play({ effectUrl: item.effectUrl, imageUrl: item.imageUrl, glyph: true });
    void run.then(() => {
      playing = false;
      item.done?.();
      pump();
    });
  };

  const offer = (item: EffectItem): void => {
    if (queue.offer(item) === 'overflow') {
      item.done?.();
      return;
    }
    if (item.key) waitingKeys.add(item.key);
    pump();
  };

  return {
    onCombo(combo) {
      if (destroyed) return;
      const gift = combo.event.gift;
      if (gift.type !== 2 && gift.type !== 3) return;
      banners.push(combo);
      if (gift.type !== 3) return;
      // One waiting effect per combo: a burst of the same gift does not fill the queue with copies.
      if (waitingKeys.has(combo.key)) {
        merged++;
        return;
      }
      const entry = catalog.find(gift);
      offer({
        own: combo.event.own,
        value: giftValue(catalog, gift),
        key: combo.key,
        effectUrl: giftEffectUrl(gate, gift, entry),
        imageUrl: giftImageUrl(gate, gift, entry),
      });
    },
    playEffect(url) {
      if (destroyed) return Promise.resolve();
      return new Promise<void>((resolve) =>
        offer({ own: true, value: Number.MAX_SAFE_INTEGER, effectUrl: url, host: true, done: resolve }),
      );
    },
    setNarrow(narrow) {
      banners.setLanes(narrow ? 1 : 2);
    },
    setReducedMotion(reduce) {
      banners.setReducedMotion(reduce);
      player.setReducedMotion(reduce);
    },
    setCatalog(next) {
      catalog = next;
      gate = makeGate();
    },
    stats: () => ({ banners: banners.stats(), queue: queue.stats(), effects: player.stats(), merged }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const item of queue.clear()) forget(item);
      banners.destroy();
      player.destroy(); // settles the playing item's promise, whose `done` runs after this
    },
  };
}
