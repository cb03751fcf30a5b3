/**
 * Live-resource counters for the barrage on this thread, so tests (the element's too) can count
 * that teardown leaves nothing behind. Incremented where a resource is made, decremented by its
 * owner's idempotent teardown; never reset.
 */

export interface BarrageResources {
  /** Workers started and not terminated. */
  workers: number;
  /** ResizeObservers observing. */
  observers: number;
  /** Frame loops alive on this thread (main-thread fallback). */
  loops: number;
  /** Event / media-query listeners attached. */
  listeners: number;
  /** Capacity timers pending. */
  timers: number;
}

const live: BarrageResources = { workers: 0, observers: 0, loops: 0, listeners: 0, timers: 0 };

export function trackResource(kind: keyof BarrageResources, delta: 1 | -1): void {
  live[kind] += delta;
}

/** A snapshot of what is alive now. */
export function barrageResources(): Readonly<BarrageResources> {
  return { ...live };
}
