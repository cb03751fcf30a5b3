import type { Measure } from '../../../src/barrage/item-layout.ts';

/** Monospace-ish stand-in for measureText: each code point is half the font size wide. */
export const fakeMeasure: Measure = (text, font) => {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 16);
  return Array.from(text).length * size * 0.5;
};
