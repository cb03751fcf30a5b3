/** The chat input's pure rules: who may send, the reason texts, and length in code points. */
import fc from 'fast-check';
import { describe, expect, it, beforeAll } from 'vitest';
import {
  blockCountdown,
  blockText,
  clampCodePoints,
  codePointLength,
  inputBlock,
  isHardBlock,
  sendableText,
  singleLine,
} from '../../../src/chat/chat-input-rules.ts';
import { encodeText, LIMITS } from '../../../src/protocol/index.ts';
import { loadLang } from '../../../src/i18n/index.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

const NOW = 1_700_000_000_000;

describe('inputBlock: most serious reason first', () => {
  it.each([
    [{ guest: false }, null],
    [{ guest: true }, 'guest'],
    [{ guest: false, muteAll: true }, 'mute-all'],
    [{ guest: false, mutedUntil: NOW + 5000 }, 'muted'],
    [{ guest: false, mutedUntil: NOW }, null], // a mute that ends now is over
    [{ guest: false, mutedUntil: NOW - 1 }, null],
    [{ guest: false, mutedUntil: Infinity }, 'muted'],
    [{ guest: false, bannedUntil: NOW + 1 }, 'banned'],
    [{ guest: false, kicked: 'multipleAccount' as const }, 'kicked'],
    [{ guest: false, kicked: 'banned' as const }, 'banned'],
    [{ guest: true, muteAll: true }, 'guest'],
    [{ guest: false, muteAll: true, mutedUntil: NOW + 10 }, 'mute-all'],
    [{ guest: true, kicked: 'REST_API_Kick' as const, bannedUntil: NOW + 10 }, 'banned'],
    [{ guest: false, connection: 'reconnecting' as const }, 'offline'],
    [{ guest: false, connection: 'connected' as const }, null],
    [{ guest: false, mutedUntil: NOW + 10, connection: 'offline' as const }, 'muted'],
  ])('%o → %s', (status, kind) => {
    expect(inputBlock(status, NOW)?.kind ?? null).toBe(kind);
  });

  it('offline is the only soft block', () => {
    expect(isHardBlock({ kind: 'offline' })).toBe(false);
    expect(isHardBlock({ kind: 'guest' })).toBe(true);
    expect(isHardBlock(null)).toBe(false);
  });
});

describe('reason texts', () => {
  it('a member mute counts down; mute-all names the host; long or endless mutes show no time', () => {
    expect(blockText('en', { kind: 'muted', until: NOW + 65_000 }, NOW)).toBe('You are muted · 1:05');
    expect(blockText('en', { kind: 'muted', until: NOW + 64_001 }, NOW)).toBe('You are muted · 1:05');
    expect(blockText('en', { kind: 'muted', until: Infinity }, NOW)).toBe('You are muted');
    expect(blockText('en', { kind: 'muted', until: NOW + 0xffffffff * 1000 }, NOW)).toBe('You are muted');
    expect(blockText('en', { kind: 'mute-all' }, NOW)).toBe('Chat is muted by the host');
    expect(blockText('en', { kind: 'guest' }, NOW)).toBe('Log in to chat');
    expect(blockText('en', { kind: 'banned', until: NOW + 3_723_000 }, NOW)).toBe('You are banned from this room · 1:02:03');
    expect(blockText('ko', { kind: 'muted', until: NOW + 5000 }, NOW)).toBe('채팅이 금지되었습니다 · 0:05');
    expect(blockText('zh-CN', { kind: 'mute-all' }, NOW)).toBe('主播已开启全员禁言');
    expect(blockCountdown({ kind: 'mute-all' }, NOW)).toBeUndefined();
  });
});

describe('length in code points, as the protocol counts', () => {
  it('counts emoji and astral characters once, lone surrogates once', () => {
    expect(codePointLength('')).toBe(0);
    expect(codePointLength('abc')).toBe(3);
    expect(codePointLength('😀')).toBe(1);
    expect(codePointLength('主播好😀!')).toBe(5);
    expect(codePointLength('👨‍👩‍👧')).toBe(5); // three people + two joiners
    expect(codePointLength('\ud83d')).toBe(1);
    expect(codePointLength('\ude00x')).toBe(2);
  });

  it('agrees with Array.from for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => codePointLength(s) === Array.from(s).length),
      { numRuns: 300 },
    );
  }, 30_000);

  it('clamps at the limit without cutting a grapheme apart', () => {
    expect(clampCodePoints('abcdef', 4)).toBe('abcd');
    expect(clampCodePoints('ab😀😀', 3)).toBe('ab😀');
    expect(clampCodePoints('ab👨‍👩‍👧', 4)).toBe('ab'); // the family does not fit: dropped whole
    expect(clampCodePoints('ab🇰🇷🇰🇷', 5)).toBe('ab🇰🇷');
    expect(clampCodePoints('short', 500)).toBe('short');
  });

  it('a clamped draft is a prefix, within the limit, and the protocol accepts it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 700 }), fc.integer({ min: 1, max: LIMITS.textChars }), (s, limit) => {
        const out = clampCodePoints(s, limit);
        expect(s.startsWith(out)).toBe(true);
        expect(codePointLength(out)).toBeLessThanOrEqual(limit);
        const text = sendableText(out, LIMITS.textChars);
        const encoded = text === null ? null : encodeText(text, { level: 0 });
        if (encoded && !encoded.ok) expect(encoded.reason).not.toBe('too-large');
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it('sendable text is trimmed, not empty, within the limit', () => {
    expect(sendableText('  hi  ', 10)).toBe('hi');
    expect(sendableText('   ', 10)).toBeNull();
    expect(sendableText('x'.repeat(11), 10)).toBeNull();
    expect(sendableText('😀'.repeat(10), 10)).toBe('😀'.repeat(10));
  });

  it('one line: pasted line breaks become spaces', () => {
    expect(singleLine('a\nb\r\nc\rd')).toBe('a b c d');
    expect(singleLine('plain')).toBe('plain');
  });
});
