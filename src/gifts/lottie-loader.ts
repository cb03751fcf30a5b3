/**
 * The one seam through which the project reaches lottie-web.
 *
 * Owns: the lazy `import()` of lottie-web's *light canvas* build (`lottie_light_canvas`: canvas
 * renderer only, no expressions, so no `eval`) and the type names the effect player uses. No other
 * file may import `lottie-web` at runtime; they import types from here, which the compiler erases.
 *
 * Must not: load lottie at import time (a merchant page that never sees a type-3 gift never
 * downloads it), or hold any per-animation state.
 */
import type { AnimationItem, LottiePlayer } from 'lottie-web';

/** One playing animation. */
export type LottieAnimation = AnimationItem;
/** What the effect player needs of the lottie module (tests may hand in their own). */
export type LottieLib = Pick<LottiePlayer, 'loadAnimation'>;

let pending: Promise<LottieLib> | null = null;

/**
 * Loads lottie light canvas once and shares it. A failed load (offline, blocked chunk) is forgotten
 * so the next effect tries again instead of replaying the failure forever.
 */
export function loadLottie(): Promise<LottieLib> {
  pending ??= import('lottie-web/build/player/lottie_light_canvas')
    .then((mod: { default?: unknown }) => {
      const lib = (mod.default ?? mod) as Partial<LottieLib> | undefined;
      if (typeof lib?.loadAnimation !== 'function') throw new Error('lottie-web: no loadAnimation in the light canvas build');
      return lib as LottieLib;
    })
    .catch((err: unknown) => {
      pending = null;
      throw err;
    });
  return pending;
}
