/**
 * Loads the fonts a room is about to need while the page is idle, so the first chat lines do
 * not pay for it in a frame (the barrage warms its own canvas faces: `warmMeasure`).
 *
 * Why: the first time a page lays out Han text, a colour emoji (every gift line starts with 🎁)
 * or a bold weight, the browser opens and parses that font file (tens of ms each on a slow
 * machine, several MB for CJK and emoji). Without this, that cost lands in the frame that shows the
 * first burst of messages. Here each face is laid out once, hidden, in its own idle callback, so
 * no single task carries more than one font load.
 *
 * Owns: one hidden probe element at a time, appended to `host` and removed in the same task, and
 * the pending idle callback. `cancel()` (the return value) stops what has not run yet.
 */

/** One probe: a text, and the inline style it is laid out with (font weight, family). */
export interface FontSample {
  readonly text: string;
  readonly style?: string;
}

/** Latin, digits and Han: what chat lines and barrage items are made of. */
export const WARM_TEXT = 'Aa1 主播好 ×';
/** The gift emoji every gift line starts with (a colour emoji font of its own). */
export const WARM_EMOJI = '🎁';

type Idle = (run: () => void) => () => void;

/** `requestIdleCallback` where there is one (with a deadline, so a busy page still warms), else a short timeout. */
export const whenIdle: Idle = (run) => {
  const w: Partial<Pick<typeof globalThis, 'requestIdleCallback' | 'cancelIdleCallback'>> = globalThis;
  if (typeof w.requestIdleCallback === 'function' && typeof w.cancelIdleCallback === 'function') {
    const cancel = w.cancelIdleCallback.bind(globalThis);
    const id = w.requestIdleCallback.call(globalThis, run, { timeout: 2000 });
    return () => cancel(id);
  }
  const id = setTimeout(run, 100);
  return () => clearTimeout(id);
};

const PROBE_STYLE =
  'position:absolute;left:0;top:0;width:0;height:0;overflow:hidden;visibility:hidden;pointer-events:none;white-space:nowrap;';

/**
 * Lays out each sample once, one per idle callback, inside `host` (so it inherits the host's font
 * family and size). Returns `cancel`. Idempotent to cancel; a host that left the page ends it.
 */
export function warmFonts(host: ParentNode & Node, samples: readonly FontSample[], idle: Idle = whenIdle): () => void {
  let next = 0;
  let cancelPending: (() => void) | null = null;
  const step = (): void => {
    cancelPending = null;
    const sample = samples[next++];
    if (!sample || !host.isConnected) return;
    const probe = document.createElement('span');
    probe.setAttribute('aria-hidden', 'true');
    probe.style.cssText = PROBE_STYLE + (sample.style ?? '');
    probe.textContent = sample.text;
    host.append(probe);
    void probe.offsetWidth; // lays the text out now: this is what loads the faces
    probe.remove();
    if (next < samples.length) cancelPending = idle(step);
  };
  if (samples.length > 0) cancelPending = idle(step);
  return () => {
    cancelPending?.();
    cancelPending = null;
    next = samples.length;
  };
}
