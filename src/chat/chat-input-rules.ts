/**
 * The chat input's rules as pure functions: what blocks sending and why, the countdowns, and
 * text length in code points (the protocol's unit, see `encodeText`). No DOM, no clock of its own.
 */
import { formatDuration, t, type Lang } from '../i18n/index.ts';
import type { ConnectionState, KickReason } from '../protocol/index.ts';

/** What the element knows about the viewer's right to chat (from `RoomView` and its identity). */
export interface ChatInputStatus {
  /** Not logged in: receive-only. */
  readonly guest: boolean;
  /** Set when the session ended (`RoomView.kicked`). */
  readonly kicked?: KickReason | undefined;
  /** The host muted everyone (pass false for viewers the mute does not apply to, e.g. admins). */
  readonly muteAll?: boolean;
  /** Clock time (ms) the viewer's own mute ends; 0/absent = not muted; Infinity = no known end. */
  readonly mutedUntil?: number;
  /** Clock time (ms) a ban from this room ends; 0/absent = not banned. */
  readonly bannedUntil?: number;
  /** Absent = not wired (treated as connected). */
  readonly connection?: ConnectionState;
}

export type InputBlock =
  | { readonly kind: 'kicked' }
  | { readonly kind: 'banned'; readonly until: number }
  | { readonly kind: 'guest' }
  | { readonly kind: 'mute-all' }
  | { readonly kind: 'muted'; readonly until: number }
  /** Soft: typing stays possible, only sending waits for the connection. */
  | { readonly kind: 'offline' };

/** Countdowns longer than this are shown without a time ("muted", not "muted · 4123:00:00"). */
export const MAX_COUNTDOWN_MS = 99 * 3600 * 1000;

/** Why the viewer cannot send now, most serious first; null when nothing blocks. */
export function inputBlock(s: ChatInputStatus, now: number): InputBlock | null {
  const banned = s.bannedUntil !== undefined && s.bannedUntil > now;
  if (s.kicked === 'banned' || (s.kicked && banned)) return { kind: 'banned', until: banned ? s.bannedUntil : Infinity };
  if (s.kicked) return { kind: 'kicked' };
  if (banned) return { kind: 'banned', until: s.bannedUntil };
  if (s.guest) return { kind: 'guest' };
  if (s.muteAll) return { kind: 'mute-all' };
  if (s.mutedUntil !== undefined && s.mutedUntil > now) return { kind: 'muted', until: s.mutedUntil };
  if (s.connection !== undefined && s.connection !== 'connected') return { kind: 'offline' };
  return null;
}

/** Hard blocks take the input away; `offline` keeps it editable. */
export function isHardBlock(b: InputBlock | null): boolean {
  return b !== null && b.kind !== 'offline';
}

/** Time left on a block's countdown, or undefined when it has none to show. */
export function blockCountdown(b: InputBlock | null, now: number): number | undefined {
  if (!b || (b.kind !== 'muted' && b.kind !== 'banned')) return undefined;
  const left = b.until - now;
  return Number.isFinite(left) && left > 0 && left <= MAX_COUNTDOWN_MS ? left : undefined;
}

/** The reason shown in place of the input (guests get a login button instead). */
export function blockText(lang: Lang, b: InputBlock, now: number): string {
  const left = blockCountdown(b, now);
  switch (b.kind) {
    case 'kicked':
      return t(lang, 'input.kicked');
    case 'banned':
      return left !== undefined ? t(lang, 'input.bannedFor', { time: formatDuration(left) }) : t(lang, 'input.banned');
    case 'guest':
      return t(lang, 'input.login');
    case 'mute-all':
      return t(lang, 'input.mutedAll');
    case 'muted':
      return left !== undefined ? t(lang, 'input.mutedFor', { time: formatDuration(left) }) : t(lang, 'input.muted');
    case 'offline':
      return t(lang, 'input.offline');
  }
}

/** Length in code points: an emoji is one, as the protocol counts (`Array.from(text)`). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

let segmenter: Intl.Segmenter | null | undefined;

function graphemes(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    segmenter =
      typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function'
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  }
  return segmenter;
}

/**
 * Cuts `s` to at most `limit` code points, at a grapheme boundary where the platform can tell
 * (so a family emoji or a flag is kept whole or dropped whole, never cut into pieces).
 */
export function clampCodePoints(s: string, limit: number): string {
  if (codePointLength(s) <= limit) return s;
  const seg = graphemes();
  if (!seg) return Array.from(s).slice(0, limit).join('');
  let out = '';
  let n = 0;
  for (const { segment } of seg.segment(s)) {
    const len = codePointLength(segment);
    if (n + len > limit) break;
    out += segment;
    n += len;
  }
  return out;
}

/** One line: line breaks (pasted) become spaces. */
export function singleLine(s: string): string {
  return s.includes('\n') || s.includes('\r') ? s.replace(/\r\n?|\n/g, ' ') : s;
}

/** Whether `draft` can be sent as far as its text goes (trimmed, 1…limit code points). */
export function sendableText(draft: string, limit: number): string | null {
  const text = draft.trim();
  const n = codePointLength(text);
  return n > 0 && n <= limit ? text : null;
}
