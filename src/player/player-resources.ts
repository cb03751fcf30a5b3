/**
 * Counts every live resource the player makes (hls.js instances, timers, media listeners) so tests can
 * prove that nothing outlives `destroy()` or the element's disconnect; and the small owners that keep
 * those counts honest.
 *
 * Must not: hold references to the resources themselves (counts only), so it can never keep anything
 * alive.
 */
import { areaCounter } from '../platform/resources.ts';

export interface PlayerResources {
  readonly hlsInstances: number;
  readonly timers: number;
  readonly mediaListeners: number;
}

/** This module's counts, kept in the page's one census (platform/resources.ts). */
const live = areaCounter('player', ['hlsInstances', 'timers', 'mediaListeners']);

/** A snapshot of the live player resources across all controllers of this page. */
export function playerResources(): PlayerResources {
  return { ...live };
}

export function countHls(delta: 1 | -1): void {
  live.hlsInstances += delta;
}

/**
 * Owns a group of event listeners (one group per engine start); `clear()` is idempotent and removes
 * them all.
 */
export class ListenerGroup {
  private entries: [EventTarget, string, (event: Event) => void][] = [];

  on(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.entries.push([target, type, handler]);
    live.mediaListeners += 1;
  }

  clear(): void {
    for (const [target, type, handler] of this.entries) target.removeEventListener(type, handler);
    live.mediaListeners -= this.entries.length;
    this.entries = [];
  }
}

/** Owns a set of timeouts and intervals; `clear()` is idempotent and ends them all. */
export class PlayerTimers {
  private readonly timeouts = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();

  timeout(fn: () => void, ms: number): void {
    const id = setTimeout(() => {
      if (this.timeouts.delete(id)) live.timers -= 1;
      fn();
    }, ms);
    this.timeouts.add(id);
    live.timers += 1;
  }

  interval(fn: () => void, ms: number): void {
    const id = setInterval(fn, ms);
    this.intervals.add(id);
    live.timers += 1;
  }

  get size(): number {
    return this.timeouts.size + this.intervals.size;
  }

  clear(): void {
    for (const id of this.timeouts) clearTimeout(id);
    for (const id of this.intervals) clearInterval(id);
    live.timers -= this.timeouts.size + this.intervals.size;
    this.timeouts.clear();
    this.intervals.clear();
  }
}
