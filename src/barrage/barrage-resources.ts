/**
 * The barrage's view of the page's resource census (platform/resources.ts): what it counts and
 * the snapshot its tests (and the element's) read.
 */
import { countResource, resourcesOf } from '../platform/resources.ts';

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

const KINDS = ['workers', 'observers', 'loops', 'listeners', 'timers'] as const;

export function trackResource(kind: keyof BarrageResources, delta: 1 | -1): void {
  countResource('barrage', kind, delta);
}

/** A snapshot of what is alive now. */
export function barrageResources(): Readonly<BarrageResources> {
  return resourcesOf('barrage', KINDS);
}
