import { afterEach, describe, expect, it } from 'vitest';
import { BARRAGE_SETTINGS_KEY } from '../../src/barrage/index.ts';
import { barrageOf, mount, until } from './element-helpers.ts';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.removeItem(BARRAGE_SETTINGS_KEY);
});

const q = <T extends Element>(el: HTMLElement, sel: string) => el.shadowRoot!.querySelector<T>(sel);

describe('barrage settings', () => {
  it('the panel changes size, speed, opacity and area; they persist for the next room on this site', async () => {
    const { el } = await mount();
    q<HTMLButtonElement>(el, '[part~="barrage-settings-button"]')!.click();
    await el.updateComplete;
    const panel = q<HTMLElement>(el, '.barrage-panel')!;
    expect(panel).not.toBeNull();
    const [opacity, speed, size] = [...panel.querySelectorAll<HTMLInputElement>('input[type="range"]')];
    size!.value = '26';
    size!.dispatchEvent(new Event('change'));
    speed!.value = '12';
    speed!.dispatchEvent(new Event('change'));
    opacity!.value = '0.6';
    opacity!.dispatchEvent(new Event('change'));
    const area = panel.querySelector('select')!;
    area.value = 'full';
    area.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(JSON.parse(localStorage.getItem(BARRAGE_SETTINGS_KEY)!)).toMatchObject({
      fontSize: 26,
      speed: 12,
      opacity: 0.6,
      area: 'full',
      enabled: true,
    });
    el.remove();

    const second = await mount();
    await until(() => barrageOf(second.el) !== undefined);
    // What the next room's barrage paints with (public testing surface), not only what is stored.
    expect(barrageOf(second.el)!.settings()).toMatchObject({ fontSize: 26, speed: 12, opacity: 0.6, area: 'full' });
  });

  it('the toggle switches the barrage off and on, and the choice persists', async () => {
    const { el } = await mount();
    const toggle = () => q<HTMLButtonElement>(el, '[part~="barrage-toggle"]')!;
    expect(toggle().getAttribute('aria-pressed')).toBe('true');
    toggle().click();
    await until(() => toggle().getAttribute('aria-pressed') === 'false');
    expect(q<HTMLElement>(el, '.barrage')!.hidden).toBe(true);
    expect(q(el, '.barrage canvas')).toBeNull();
    expect(JSON.parse(localStorage.getItem(BARRAGE_SETTINGS_KEY)!).enabled).toBe(false);
    toggle().click();
    await until(() => !!q(el, '.barrage canvas'));
    expect(q<HTMLElement>(el, '.barrage')!.hidden).toBe(false);
  });

  it('no-barrage hides the barrage and its controls whatever the viewer chose', async () => {
    const { el } = await mount({ attrs: { 'no-barrage': '' } });
    await el.updateComplete;
    expect(q<HTMLElement>(el, '.barrage')!.hidden).toBe(true);
    expect(q(el, '[part~="barrage-toggle"]')).toBeNull();
    expect(q(el, '.barrage canvas')).toBeNull();
  });
});
