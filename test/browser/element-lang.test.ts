/**
 * Languages: English is built in, Korean and Chinese arrive as small lazy chunks; the element
 * re-renders in the viewer's language as soon as its strings are here.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ko } from '../../src/i18n/ko.ts';
import { zhCN } from '../../src/i18n/zh-cn.ts';
import { en } from '../../src/i18n/en.ts';
import { $, chatLines, ME, mount, resetPage, until } from './element-helpers.ts';

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

  it('a runtime change of `lang` reaches every part: chat lines already shown, the input, the header', async () => {
    const { el } = await mount({ userId: ME.id, props: { anchor: { nick: 'Host', followers: 3 } } });
    await until(() => $(el, '[part~="input"]')?.getAttribute('placeholder') === en['input.placeholder']);
    await expect(el.sendText('hello')).resolves.toMatchObject({ ok: true });
    await until(() => chatLines(el).some((l) => l.includes(`(${en['chat.you']})`) && l.includes('hello')));
    el.lang = 'ko';
    await until(() => $(el, '[part~="input"]')?.getAttribute('placeholder') === ko['input.placeholder']);
    await until(() => chatLines(el).some((l) => l.includes(`(${ko['chat.you']})`) && l.includes('hello')));
    expect(chatLines(el).some((l) => l.includes(`(${en['chat.you']})`))).toBe(false);
    expect($(el, '.log')!.getAttribute('aria-label')).toBe(ko['chat.label']);
    expect(el.shadowRoot!.textContent).toContain(ko['header.followers'].replace('{count}', '3'));
  });
});
