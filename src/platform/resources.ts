/**
 * The one live-resource census of this page (per thread): every feature counts what it makes
 * (workers, timers, listeners, Lottie and hls.js instances…) under its own name, and its teardown
 * counts it back down, so tests can prove nothing outlives a destroy or a disconnect. Counts only:
 * it holds no resource, so it can never keep one alive. Never reset.
 */

export type ResourceArea = 'barrage' | 'gifts' | 'likes' | 'player' | 'chat';

const census = new Map<string, number>();

/** `area.kind` went up or down by one. */
export function countResource(area: ResourceArea, kind: string, delta: number): void {
  const key = `${area}.${kind}`;
  census.set(key, (census.get(key) ?? 0) + delta);
}

/** What is alive now in one area, by kind (kinds never counted read 0 through `kinds`). */
export function resourcesOf<K extends string>(area: ResourceArea, kinds: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of kinds) out[k] = census.get(`${area}.${k}`) ?? 0;
  return out;
}

/**
 * One area's counts as a plain object whose properties read and write the census (`live.timers += 1`),
 * for modules that count in bulk; spreading it gives a snapshot.
 */
export function areaCounter<K extends string>(area: ResourceArea, kinds: readonly K[]): Record<K, number> {
  const view = {} as Record<K, number>;
  for (const kind of kinds) {
    const key = `${area}.${kind}`;
    census.set(key, census.get(key) ?? 0);
    Object.defineProperty(view, kind, {
      enumerable: true,
      get: () => census.get(key) ?? 0,
      set: (value: number) => census.set(key, value),
    });
  }
  return view;
}

/** Everything alive now, `area.kind` → count (zeros included once counted). */
export function liveResources(): Readonly<Record<string, number>> {
  return Object.fromEntries(census);
}
