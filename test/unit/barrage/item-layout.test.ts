import { describe, expect, test } from 'vitest';
import { laneMetrics, layoutItem, MAX_TEXT_CHARS, sanitizeText } from '../../../src/barrage/item-layout.ts';
import { DEFAULT_BARRAGE_THEME as THEME, levelColor, LEVEL_TIERS, safeColour } from '../../../src/barrage/barrage-theme.ts';
import { fakeMeasure } from './fake-measure.ts';

const opts = { fontSize: 20, maxWidth: 2000 };

describe('sanitizeText', () => {
  test('strips controls and bidi overrides, collapses whitespace, keeps CJK and emoji', () => {
    expect(sanitizeText('  hi\n\tthere\u0007 ')).toBe('hi there');
    expect(sanitizeText('abc\u202Egnp.exe')).toBe('abcgnp.exe');
    expect(sanitizeText('弹幕 👍🏽 ok')).toBe('弹幕 👍🏽 ok');
    expect(sanitizeText(42)).toBe('');
  });

  test(`caps at ${MAX_TEXT_CHARS} code points without splitting a surrogate pair`, () => {
    const out = sanitizeText('😀'.repeat(500));
    expect(Array.from(out)).toHaveLength(MAX_TEXT_CHARS);
    expect(out.endsWith('😀')).toBe(true);
  });
});

describe('levelColor / safeColour', () => {
  test.each([
    [0, null],
    [undefined, null],
    [NaN, null],
    [1, LEVEL_TIERS[0]![1]],
    [9, LEVEL_TIERS[0]![1]],
    [10, LEVEL_TIERS[1]![1]],
    [35, LEVEL_TIERS[3]![1]],
    [99, LEVEL_TIERS[5]![1]],
  ])('level %s → %s', (level, colour) => expect(levelColor(level)).toBe(colour));

  test.each(['#fff', '#A0b1C2'])('accepts %s', (c) => expect(safeColour(c)).toBe(c));
  test.each(['red', 'rgb(1,2,3)', '#ffff', 'url(x)', '#fff;x', 3])('refuses %s', (c) => expect(safeColour(c)).toBeNull());
});

describe('layoutItem', () => {
  test('plain text: one white run, no badge, no box; width = text + outline margins', () => {
    const l = layoutItem({ id: '1', text: 'hello' }, fakeMeasure, opts);
    expect(l.runs).toEqual([expect.objectContaining({ text: 'hello', fill: THEME.text })]);
    expect(l.badge).toBeUndefined();
    expect(l.box).toBeUndefined();
    const margin = l.runs[0]!.x;
    expect(l.width).toBe(Math.ceil(margin + 50 + margin));
    expect(l.height).toBe(laneMetrics(20).lineHeight);
  });

  test('level badge prefix coloured by tier, before the name and the text', () => {
    const l = layoutItem({ id: '1', text: 'hi', level: 23, name: 'Mei' }, fakeMeasure, opts);
    expect(l.badge).toMatchObject({ text: 'Lv23', fill: levelColor(23) });
    const [name, text] = l.runs;
    expect(name).toMatchObject({ text: 'Mei: ', fill: THEME.name });
    expect(name!.x).toBeGreaterThanOrEqual(l.badge!.x + l.badge!.width);
    expect(text!.x).toBe(name!.x + fakeMeasure('Mei: ', name!.font));
  });

  test('own items get the outline box and horizontal padding', () => {
    const plain = layoutItem({ id: '1', text: 'me' }, fakeMeasure, opts);
    const own = layoutItem({ id: '1', text: 'me', own: true }, fakeMeasure, opts);
    expect(own.box).toMatchObject({ stroke: THEME.own });
    expect(own.width).toBeGreaterThan(plain.width);
    expect(own.box!.x + own.box!.width).toBeLessThanOrEqual(own.width);
  });

  test('folded spam and gifts carry a bold "×N" suffix; gifts use the gift tint', () => {
    const spam = layoutItem({ id: '1', text: '666', count: 12 }, fakeMeasure, opts);
    expect(spam.runs.map((r) => r.text)).toEqual(['666', ' ×12']);
    expect(spam.runs[1]).toMatchObject({ fill: THEME.count });
    const gift = layoutItem({ id: '2', text: '🌹', kind: 'gift', count: 3 }, fakeMeasure, opts);
    expect(gift.runs.map((r) => [r.text, r.fill])).toEqual([
      ['🌹', THEME.gift],
      [' ×3', THEME.count],
    ]);
    expect(layoutItem({ id: '3', text: 'x', count: 1 }, fakeMeasure, opts).runs).toHaveLength(1);
  });

  test('a valid colour is used; an invalid one falls back to white', () => {
    expect(layoutItem({ id: '1', text: 'x', color: '#f00' }, fakeMeasure, opts).runs[0]!.fill).toBe('#f00');
    expect(layoutItem({ id: '1', text: 'x', color: 'red;}' }, fakeMeasure, opts).runs[0]!.fill).toBe(THEME.text);
  });

  test('long text is cut with an ellipsis to fit maxWidth, suffix kept', () => {
    const l = layoutItem({ id: '1', text: '很长的弹幕'.repeat(20), count: 5, level: 3 }, fakeMeasure, { fontSize: 20, maxWidth: 300 });
    expect(l.width).toBeLessThanOrEqual(300);
    const text = l.runs.find((r) => r.fill === THEME.text)!;
    expect(text.text.endsWith('…')).toBe(true);
    expect(l.runs.at(-1)!.text).toBe(' ×5');
  });
});
