/**
 * Languages: English is built in, Korean and Chinese arrive as small lazy chunks; the element
 * re-renders in the viewer's language as soon as its strings are here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ko } from '../../src/i18n/ko.ts';
import { zhCN } from '../../src/i18n/zh-cn.ts';
import { $, ME, mount, resetPage, until } from './element-helpers.ts';

afterEach(resetPage);

describe('element languages', () => {
  it.each([
    ['ko', ko],
    ['zh-CN', zhCN],
  ] as const)('lang=%s: the chat and the input speak it once its strings load', async (lang, dict) => {
    const { el } = await mount({ userId: ME.id, attrs: { lang } });
    await until(() => $(el, '[part~="input"]')?.getAttribute('placeholder') === dict['input.placeholder']);
    expect($(el, '.log')!.getAttribute('aria-label')).toBe(dict['chat.label']);
  });
});
