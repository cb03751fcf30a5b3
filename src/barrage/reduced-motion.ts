/**
 * `prefers-reduced-motion` → the barrage's motion style. The preference and its watcher are the
 * page's one (platform/media.ts); the barrage itself never reads media queries for this.
 */
import { prefersReducedMotion, watchReducedMotion as watch } from '../platform/media.ts';
import type { BarrageMotion } from './barrage-types.ts';

export { prefersReducedMotion };

export function motionForPreference(reduce: boolean): BarrageMotion {
  return reduce ? 'static' : 'fly';
}

/** Calls `onChange` with the new preference whenever it changes; returns the unsubscribe. */
export function watchReducedMotion(onChange: (reduce: boolean) => void): () => void {
  return watch('barrage', onChange);
}
