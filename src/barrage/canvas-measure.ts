/**
 * The barrage layout's text measure on the main thread: one 2D context (an OffscreenCanvas where
 * there is one), its font set only when it changes.
 *
 * Owns: that context. `warmMeasure` lays out one sample item with it, so every face an item uses
 * (the text's semibold, the bold of the level badge and of "×N", the colour emoji of gift lines)
 * is opened and parsed when the barrage is made, not inside the first burst of messages: the
 * first measure with the CJK face costs 15–50 ms on a 2-core VM, a warm one well under 1 ms.
 */
import { layoutItem, type Measure } from './item-layout.ts';

export function createMeasure(): Measure {
  const ctx =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  let font = '';
  return (text, f) => {
    if (!ctx) return Array.from(text).length * (parseFloat(f.split(' ')[1] ?? '16') || 16) * 0.6;
    if (f !== font) ctx.font = font = f;
    return ctx.measureText(text).width;
  };
}

/** Latin, digits, Han and the gift emoji, with a badge and a count: every face an item draws with. */
const SAMPLE = { id: 'warm', name: 'Aa', text: 'Aa1 主播好 🎁', level: 10, count: 2 } as const;

/** Measures the sample at the stage's font size; the result is thrown away. */
export function warmMeasure(measure: Measure, fontSize: number): void {
  layoutItem(SAMPLE, measure, { fontSize, maxWidth: 100_000 });
}
