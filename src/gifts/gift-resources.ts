/**
 * Live-resource counters for the gifts layer (Lottie instances, timers, fetches in flight), so
 * tests — the element's too — can count that teardown leaves nothing behind; and `GiftTimers`, the
 * small owner of timeouts that keeps the timer count honest.
 *
 * Must not: hold the resources themselves (counts only), so it can never keep anything alive.
 */
import { areaCounter } from '../platform/resources.ts';

export interface GiftResources {
  /** Lottie animations loaded and not yet destroyed. */
  readonly lottieInstances: number;
  /** Gift timeouts pending (banner expiry, fallback cards, effect guards, fetch deadlines). */
  readonly timers: number;
  /** Asset fetches (catalog, effect JSON) started and not settled. */
  readonly fetches: number;
}

/** This module's counts, kept in the page's one census (platform/resources.ts). */
const live = areaCounter('gifts', ['lottieInstances', 'timers', 'fetches']);

/** A snapshot of the live gift resources of this page. */
export function giftResources(): GiftResources {
  return { ...live };
}

export function countGiftResource(kind: keyof GiftResources, delta: 1 | -1): void {
  live[kind] += delta;
}

/** Owns a set of timeouts; `clear()` is idempotent and cancels them all. */
export class GiftTimers {
  private readonly ids = new Set<ReturnType<typeof setTimeout>>();

  /** Schedules `fn`; returns a cancel function (idempotent). */
  timeout(fn: () => void, ms: number): () => void {
    const id = setTimeout(
      () => {
        if (this.ids.delete(id)) live.timers -= 1;
        fn();
      },
      Math.max(0, ms),
    );
    this.ids.add(id);
    live.timers += 1;
    return () => {
      if (this.ids.delete(id)) {
        clearTimeout(id);
        live.timers -= 1;
      }
    };
  }

  get size(): number {
    return this.ids.size;
  }

  clear(): void {
    for (const id of this.ids) clearTimeout(id);
    live.timers -= this.ids.size;
    this.ids.clear();
  }
}
