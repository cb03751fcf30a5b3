/**
 * hls.js's early start: imported first by the element's registration (`define.ts`), so the hls.js
 * chunk is requested as soon as the registration module starts to run, before the element's own
 * code is evaluated and well before an element connects. The browser parses that chunk off the main
 * thread (65–80 ms on the bench machine, the longest single step before a player can start); begun
 * at definition instead of at connect, it overlaps the element's own evaluation and first render
 * (bench W7/G8).
 *
 * Owns: that one side effect, only where Media Source exists (without it the player goes native and
 * never needs hls.js). A page that uses the loader entry gets here only once a room is on it.
 * Listed in package.json `sideEffects`, or bundlers would drop the import.
 */
import { hasMediaSource, loadHls } from './hls-loader.ts';

/** Asks for hls.js now where it can be used; returns whether it did. A failed load is retried by the player's own. */
export function startHlsEarly(scope: object = globalThis, load: () => Promise<unknown> = loadHls): boolean {
  if (!hasMediaSource(scope)) return false;
  load().catch(() => undefined);
  return true;
}

startHlsEarly();
