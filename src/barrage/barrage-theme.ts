/**
 * The barrage's look: font stack, colours, level tiers. Pure data and tiny pure functions, shared
 * by the layout (main thread) and the painter (worker or main thread).
 */

/** System fonts only: a worker cannot see the page's web fonts, and both sides must measure alike. */
export const BARRAGE_FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", ' +
  '"Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif';

export interface BarrageTheme {
  readonly text: string;
  /** Dark outline behind every glyph so white text stays legible on bright video. */
  readonly stroke: string;
  readonly name: string;
  readonly gift: string;
  /** The "×N" suffix of folded spam and gift counts. */
  readonly count: string;
  /** Border of the local user's own items. */
  readonly own: string;
  readonly ownFill: string;
  readonly badgeText: string;
}

export const DEFAULT_BARRAGE_THEME: BarrageTheme = Object.freeze({
  text: '#ffffff',
  stroke: 'rgba(0, 0, 0, 0.78)',
  name: '#a9dcff',
  gift: '#ffb8d9',
  count: '#ffd54f',
  own: '#5ee0ff',
  ownFill: 'rgba(0, 0, 0, 0.32)',
  badgeText: '#ffffff',
});

/** Level tiers (from, colour), ascending: the badge takes the colour of the highest tier reached. */
export const LEVEL_TIERS: readonly (readonly [number, string])[] = [
  [1, '#7d8ea8'],
  [10, '#3d9be9'],
  [20, '#25a866'],
  [30, '#e9971a'],
  [40, '#e8573a'],
  [50, '#a94ee6'],
];

/** Badge colour for a level, or null for no badge (level 0, unknown, nonsense). */
export function levelColor(level: number | undefined): string | null {
  if (typeof level !== 'number' || !Number.isFinite(level) || level < 1) return null;
  let colour: string | null = null;
  for (const [from, c] of LEVEL_TIERS) if (level >= from) colour = c;
  return colour;
}

const HEX_COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Only plain hex colours from messages: no CSS functions, no names, nothing to smuggle. */
export function safeColour(value: unknown): string | null {
  return typeof value === 'string' && HEX_COLOUR.test(value) ? value : null;
}
