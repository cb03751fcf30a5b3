import { describe, expect, it, beforeAll } from 'vitest';
import { formatCount, formatDuration, resolveLang, t } from '../../src/i18n/index.ts';
import { en } from '../../src/i18n/en.ts';
import { ko } from '../../src/i18n/ko.ts';
import { zhCN } from '../../src/i18n/zh-cn.ts';
import { loadLang } from '../../src/i18n/index.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

describe('i18n', () => {
  it('every language has every key, non-empty where English is', () => {
    for (const dict of [ko, zhCN]) {
      expect(Object.keys(dict).sort()).toEqual(Object.keys(en).sort());
      for (const [k, v] of Object.entries(en)) if (v) expect((dict as Record<string, string>)[k], k).not.toBe('');
    }
  });

  it('resolves the attribute first, then the page language, then English', () => {
    expect(resolveLang('ko-KR', 'en')).toBe('ko');
    expect(resolveLang(null, 'zh-Hans-CN')).toBe('zh-CN');
    expect(resolveLang('', 'fr')).toBe('en');
  });

  it('formats counts compactly per locale', () => {
    expect(formatCount('en', 1234)).toBe('1.2K');
    expect(formatCount('ko', 12_345)).toBe('1.2만');
    expect(formatCount('zh-CN', 12_345)).toBe('1.2万');
    expect(t('en', 'header.audience', { count: formatCount('en', 999) })).toBe('999 watching');
  });

  it('skips Intl below 1,000 without changing a single output', () => {
    for (const lang of ['en', 'ko', 'zh-CN'] as const) {
      const intl = new Intl.NumberFormat(lang, { notation: 'compact', maximumFractionDigits: 1 });
      for (let n = -999; n <= 1001; n++) expect(formatCount(lang, n)).toBe(intl.format(n));
      expect(formatCount(lang, 12.25)).toBe(intl.format(12.25));
    }
  });

  it('formats countdowns', () => {
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });
});
