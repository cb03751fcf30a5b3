import { describe, expect, test } from 'vitest';
import { warmMeasure } from '../../../src/barrage/canvas-measure.ts';
import { layoutItem, type Measure } from '../../../src/barrage/item-layout.ts';

/** A measure that records every font it is asked for. */
function recording(): { measure: Measure; fonts: Set<string>; texts: string[] } {
  const fonts = new Set<string>();
  const texts: string[] = [];
  return { fonts, texts, measure: (text, font) => (fonts.add(font), texts.push(text), text.length * 10) };
}

describe('warmMeasure', () => {
  test.each([14, 24, 40])('at %ipx asks for every font a badged, counted gift item uses', (fontSize) => {
    const warm = recording();
    warmMeasure(warm.measure, fontSize);
    const real = recording();
    layoutItem({ id: 'g', kind: 'gift', name: '小王', text: '🎁 送出 火箭', level: 42, count: 3 }, real.measure, {
      fontSize,
      maxWidth: 600,
    });
    expect([...real.fonts].filter((f) => !warm.fonts.has(f))).toEqual([]);
    expect(warm.fonts.size).toBe(3); // text semibold, count bold, badge bold at its smaller size
  });

  test('measures Latin, digits, Han and the gift emoji', () => {
    const warm = recording();
    warmMeasure(warm.measure, 24);
    const all = warm.texts.join('');
    expect(all).toMatch(/[A-Za-z]/);
    expect(all).toMatch(/\d/);
    expect(all).toMatch(/\p{Script=Han}/u);
    expect(all).toContain('🎁');
  });
});
