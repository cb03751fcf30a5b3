/**
 * The announcement offers "More" only when its one line is cut off: a short text shows whole with
 * no toggle; a long one, or one the room became too narrow for, gets "More" / "Less".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { $, mount, resetPage, until } from './element-helpers.ts';

afterEach(resetPage);

const toggle = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="announcement-toggle"]');

describe('announcement', () => {
  it('a short text has no toggle; a long one has More, which opens to Less and closes again', async () => {
    const { el } = await mount({ props: { announcement: 'Back in 5 minutes' } });
    await until(() => !!$(el, '.announcement'));
    await el.updateComplete;
    expect(toggle(el)).toBeNull();

    el.announcement = 'Flash sale until 9 pm: every order ships free today, sizes in the chat, and the next drop is on Friday at noon.';
    await until(() => !!toggle(el));
    expect(toggle(el)!.textContent.trim()).toBe('More');
    toggle(el)!.click();
    await until(() => toggle(el)?.textContent?.trim() === 'Less');
    expect($(el, '.announcement')!.classList.contains('open')).toBe(true);
    toggle(el)!.click();
    await until(() => toggle(el)?.textContent?.trim() === 'More');

    el.announcement = 'See you soon';
    await until(() => toggle(el) === null);
  });

  it('a text that fits gets More once the room is too narrow for it (and loses it when wide again)', async () => {
    const { el } = await mount({ props: { announcement: 'Welcome! Every order ships free today.' } });
    await until(() => !!$(el, '.announcement'));
    await el.updateComplete;
    expect(toggle(el)).toBeNull();
    el.style.width = '240px';
    await until(() => !!toggle(el));
    el.style.width = '960px';
    await until(() => toggle(el) === null);
  });
});
