/**
 * The page's display preferences, read once here: `prefers-reduced-motion` (its value and one
 * watcher shape every feature uses) and the narrow-layout breakpoint shared by CSS container
 * queries and the code that lays out for phones.
 */
import { countResource, type ResourceArea } from './resources.ts';

/** Below this width (CSS px) the room lays out for phones and narrow embeds: CSS and JS both. */
export const NARROW_PX = 520;

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

/** Calls `onChange` with the new preference whenever it changes; returns the (idempotent) unsubscribe. */
export function watchReducedMotion(area: ResourceArea, onChange: (reduce: boolean) => void): () => void {
  const mql = query();
  if (!mql) return () => {};
  const listener = (e: MediaQueryListEvent): void => onChange(e.matches);
  mql.addEventListener('change', listener);
  countResource(area, 'listeners', +1);
  let on = true;
  return () => {
    if (!on) return;
    on = false;
    mql.removeEventListener('change', listener);
    countResource(area, 'listeners', -1);
  };
}
