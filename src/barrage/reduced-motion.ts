/**
 * `prefers-reduced-motion: reduce` → the barrage's motion style. A small helper the element uses
 * to set `motion: 'static'`; the barrage itself never reads media queries for this.
 */
import type { BarrageMotion } from './barrage-types.ts';
import { trackResource } from './barrage-resources.ts';

const QUERY = '(prefers-reduced-motion: reduce)';

function query(): MediaQueryList | null {
  try {
    return typeof matchMedia === 'function' ? matchMedia(QUERY) : null;
  } catch {
    return null;
  }
}

export function prefersReducedMotion(): boolean {
  return query()?.matches ?? false;
}

export function motionForPreference(reduce: boolean): BarrageMotion {
  return reduce ? 'static' : 'fly';
}

/** Calls `onChange` with the new preference whenever it changes; returns the unsubscribe. */
export function watchReducedMotion(onChange: (reduce: boolean) => void): () => void {
  const mql = query();
  if (!mql) return () => {};
  const listener = (e: MediaQueryListEvent): void => onChange(e.matches);
  mql.addEventListener('change', listener);
  trackResource('listeners', +1);
  let on = true;
  return () => {
    if (!on) return;
    on = false;
    mql.removeEventListener('change', listener);
    trackResource('listeners', -1);
  };
}
