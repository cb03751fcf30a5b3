/**
 * Live-resource counters for the like button's hearts on this thread, so tests (the element's too)
 * can count that teardown leaves nothing behind. Incremented where a resource is made, decremented
 * by its owner's idempotent teardown; never reset.
 */

export interface LikeResources {
  /** Heart frame loops running now (a pending `requestAnimationFrame` chain). Zero when idle. */
  loops: number;
  /** Heart canvases created and not yet released. */
  canvases: number;
  /** Media-query / event listeners attached by the like modules. */
  listeners: number;
}

const live: LikeResources = { loops: 0, canvases: 0, listeners: 0 };

export function trackLikeResource(kind: keyof LikeResources, delta: 1 | -1): void {
  live[kind] += delta;
}

/** A snapshot of what is alive now. */
export function likeResources(): Readonly<LikeResources> {
  return { ...live };
}
