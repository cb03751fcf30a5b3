/**
 * Lays out one barrage item: pure, given a `measure(text, font)` function (the main thread passes
 * a canvas context's `measureText`; tests pass a fake). No layout reads, no DOM.
 *
 * Owns: sanitising the text for drawing, the badge / name / text / "×N" runs and their x offsets,
 * truncation with an ellipsis, the outline box of own items, and the item's width and height.
 * The result is plain data (structured-cloneable) so the painter — in a worker or on the main
 * thread — draws exactly what the allocator reserved room for, without measuring again.
 */
import { BARRAGE_FONT_STACK, DEFAULT_BARRAGE_THEME, levelColor, safeColour, type BarrageTheme } from './barrage-theme.ts';
import type { BarrageItem } from './barrage-types.ts';

export type Measure = (text: string, font: string) => number;

export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly font: string;
  readonly fill: string;
}

export interface ItemLayout {
  /** CSS px, including the margins the outline needs. */
  readonly width: number;
  readonly height: number;
  /** y of the text's middle baseline. */
  readonly middle: number;
  readonly strokeWidth: number;
  readonly stroke: string;
  readonly runs: readonly TextRun[];
  readonly badge?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly fill: string;
    readonly text: string;
    readonly textX: number;
    readonly font: string;
    readonly textFill: string;
  };
  readonly box?: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly stroke: string;
    readonly fill: string;
    readonly lineWidth: number;
  };
}

/** Longest text we ever lay out (code points); the width limit usually bites first. */
export const MAX_TEXT_CHARS = 120;

// Controls, bidi embeddings/overrides/isolates (they could reorder the name and the text) and
// line/paragraph separators; whitespace runs collapse to one space.
// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const STRIP = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const SPACES = /[\s\u2028\u2029]+/g;

export function sanitizeText(text: unknown): string {
  if (typeof text !== 'string') return '';
  const flat = text.replace(STRIP, '').replace(SPACES, ' ').trim();
  const points = Array.from(flat);
  return points.length > MAX_TEXT_CHARS ? points.slice(0, MAX_TEXT_CHARS).join('') : flat;
}

export function fontFor(size: number, weight = 600): string {
  return `${weight} ${size}px ${BARRAGE_FONT_STACK}`;
}

/** Line height and the vertical step between lanes for a font size. */
export function laneMetrics(fontSize: number): { lineHeight: number; laneHeight: number; gap: number } {
  const margin = outlineMargin(fontSize);
  const lineHeight = Math.round(fontSize * 1.4) + 2 * margin;
  return { lineHeight, laneHeight: lineHeight + Math.round(fontSize * 0.15), gap: Math.round(fontSize * 1.2) };
}

function outlineMargin(fontSize: number): number {
  return Math.ceil(fontSize * 0.12) + 1;
}

/** Longest prefix of `text` (whole code points) that fits `room` px with an ellipsis. */
function truncate(text: string, font: string, room: number, measure: Measure): string {
  const points = Array.from(text);
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(points.slice(0, mid).join('') + '…', font) <= room) lo = mid;
    else hi = mid - 1;
  }
  return points.slice(0, lo).join('') + '…';
}

export interface LayoutOptions {
  readonly fontSize: number;
  /** Widest the item may be, CSS px (text is cut with an ellipsis to fit). */
  readonly maxWidth: number;
  readonly theme?: BarrageTheme;
}

export function layoutItem(item: BarrageItem, measure: Measure, options: LayoutOptions): ItemLayout {
  const theme = options.theme ?? DEFAULT_BARRAGE_THEME;
  const size = options.fontSize;
  const margin = outlineMargin(size);
  const { lineHeight } = laneMetrics(size);
  const height = lineHeight;
  const middle = height / 2;
  const own = item.own === true;
  const padX = own ? Math.round(size * 0.45) : 0;
  const strokeWidth = Math.max(2, size / 7);
  const font = fontFor(size);
  const boldFont = fontFor(size, 700);

  let x = margin + padX;
  let badge: ItemLayout['badge'];
  const level = typeof item.level === 'number' ? Math.floor(item.level) : 0;
  const badgeFill = levelColor(level);
  if (badgeFill) {
    const badgeFont = fontFor(Math.round(size * 0.6), 700);
    const text = `Lv${Math.min(level, 999)}`;
    const textWidth = measure(text, badgeFont);
    const padding = Math.round(size * 0.3);
    const bh = Math.round(size * 0.9);
    badge = {
      x,
      y: Math.round(middle - bh / 2),
      width: Math.ceil(textWidth + 2 * padding),
      height: bh,
      fill: badgeFill,
      text,
      textX: x + padding,
      font: badgeFont,
      textFill: theme.badgeText,
    };
    x += badge.width + Math.round(size * 0.3);
  }

  const runs: TextRun[] = [];
  const name = sanitizeText(item.name);
  if (name) {
    const text = `${name}: `;
    runs.push({ text, x, font, fill: theme.name });
    x += measure(text, font);
  }

  const count = typeof item.count === 'number' && Number.isFinite(item.count) ? Math.floor(item.count) : 1;
  const suffix = count > 1 ? ` ×${count}` : '';
  const suffixWidth = suffix ? measure(suffix, boldFont) : 0;
  const gift = item.kind === 'gift';
  const fill = safeColour(item.color) ?? (gift ? theme.gift : theme.text);
  let text = sanitizeText(item.text);
  const tail = padX + margin;
  const room = options.maxWidth - x - suffixWidth - tail;
  let textWidth = measure(text, font);
  if (textWidth > room) {
    text = truncate(text, font, Math.max(0, room), measure);
    textWidth = measure(text, font);
  }
  runs.push({ text, x, font, fill });
  x += textWidth;
  if (suffix) {
    runs.push({ text: suffix, x, font: boldFont, fill: theme.count });
    x += suffixWidth;
  }

  const width = Math.ceil(x + tail);
  const box = own
    ? { x: margin / 2, y: margin / 2, width: width - margin, height: height - margin, stroke: theme.own, fill: theme.ownFill, lineWidth: 2 }
    : undefined;
  return { width, height, middle, strokeWidth, stroke: theme.stroke, runs, ...(badge ? { badge } : {}), ...(box ? { box } : {}) };
}
