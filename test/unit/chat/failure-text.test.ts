/** Failure reasons of own messages as text: every reason, every language, codes mapped. */
import { describe, expect, it, beforeAll } from 'vitest';
import { failureText, failureTextForCode } from '../../../src/chat/failure-text.ts';
import type { Lang } from '../../../src/i18n/index.ts';
import type { FailureReason } from '../../../src/protocol/index.ts';
import { loadLang } from '../../../src/i18n/index.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

const REASONS: FailureReason[] = [
  'rejected',
  'muted',
  'sensitive',
  'too-large',
  'too-fast',
  'room-gone',
  'not-logged-in',
  'kicked',
  'sig-expired',
  'network',
  'cancelled',
  'insufficient-balance',
  'unknown',
];
const LANGS: Lang[] = ['en', 'ko', 'zh-CN'];

describe('failureText', () => {
  it('every reason has its own non-empty text in every language', () => {
    for (const lang of LANGS) {
      const texts = REASONS.map((r) => failureText(lang, r));
      for (const text of texts) expect(text.trim().length).toBeGreaterThan(5);
      expect(new Set(texts).size).toBe(REASONS.length);
    }
  });

  it.each([
    [10016, 'Not sent: the room’s moderation rejected this message.'],
    [10017, 'Not sent: you are muted.'],
    [80001, 'Not sent: this message contains words that are not allowed.'],
    [80002, 'Not sent: the message is too long.'],
    [10023, 'Not sent: you are sending too fast. Wait a moment and try again.'],
    [2996, 'Not sent: you are sending too fast. Wait a moment and try again.'],
    [2024, 'Not sent: log in to chat.'],
    [2801, 'Not sent: no connection. Check your network and try again.'],
    [12345, 'Not sent: something went wrong. Try again.'],
  ])('code %i → %s', (code, text) => {
    expect(failureTextForCode('en', code)).toBe(text);
  });

  it('an unknown reason (from a newer protocol) falls back to the generic text', () => {
    expect(failureText('ko', 'no-such-reason' as FailureReason)).toBe(failureText('ko', 'unknown'));
    expect(failureText('en', 'toString' as FailureReason)).toBe(failureText('en', 'unknown'));
  });

  it('Korean and Chinese say "not sent" in their own words', () => {
    expect(failureText('ko', 'muted')).toMatch(/^전송 실패/);
    expect(failureText('zh-CN', 'muted')).toMatch(/^发送失败/);
  });
});
