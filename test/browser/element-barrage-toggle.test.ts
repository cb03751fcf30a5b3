/**
 * The visible barrage control (WCAG 2.2.2) and `no-barrage`: off hides the layer and destroys the
 * renderer (its worker counted back to zero), on makes a new one; `aria-pressed` follows. A new
 * renderer keeps the video's pause.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { barrageResources } from '../../src/barrage/index.ts';
import { $, barrageOf, mount, playerStateOf, resetPage, textMessage, until } from './element-helpers.ts';

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(resetPage);

const toggle = (el: HTMLElement) => $<HTMLButtonElement>(el, '[part~="barrage-toggle"]');

describe('barrage toggle', () => {
  it('turns the barrage off (layer hidden, renderer and worker gone) and on again; aria-pressed follows', async () => {
    const base = barrageResources();
    const { el, transport } = await mount();
    await until(() => !!barrageOf(el));
    expect(barrageResources().workers).toBe(base.workers + 1);
    expect(toggle(el)!.getAttribute('aria-pressed')).toBe('true');
    expect(toggle(el)!.getAttribute('aria-label')).toBe('Hide flying comments');

    await userEvent.click(toggle(el)!);
    await until(() => toggle(el)!.getAttribute('aria-pressed') === 'false');
    expect($(el, '.barrage')!.hidden).toBe(true);
    expect(getComputedStyle($(el, '.barrage')!).display).toBe('none');
    expect(barrageOf(el)).toBeUndefined();
    expect($(el, '.barrage canvas')).toBeNull();
    expect(barrageResources()).toEqual(base);
    expect(toggle(el)!.getAttribute('aria-label')).toBe('Show flying comments');
    transport.push(textMessage('a', 'while off')); // the chat still gets it
    await until(() => !!$(el, '.log .line'));

    await userEvent.click(toggle(el)!);
    await until(() => !!barrageOf(el));
    expect(toggle(el)!.getAttribute('aria-pressed')).toBe('true');
    expect($(el, '.barrage')!.hidden).toBe(false);
    expect(barrageResources().workers).toBe(base.workers + 1);
    const back = textMessage('b', 'back on');
    transport.push(back);
    await until(() => barrageOf(el)!.stats().placed >= 1);
    expect((await barrageOf(el)!.inspect()).items.map((i) => i.id)).toContain(back.ID);
  });

  it('no-barrage set and removed at run time: no control, no renderer; back when removed', async () => {
    const base = barrageResources();
    const { el } = await mount();
    await until(() => !!barrageOf(el));
    el.setAttribute('no-barrage', '');
    await until(() => !barrageOf(el));
    await el.updateComplete;
    expect(toggle(el)).toBeNull();
    expect($(el, '.barrage')!.hidden).toBe(true);
    expect(barrageResources()).toEqual(base);
    el.removeAttribute('no-barrage');
    await until(() => !!barrageOf(el));
    await el.updateComplete;
    expect(toggle(el)!.getAttribute('aria-pressed')).toBe('true');
    expect(barrageResources().workers).toBe(base.workers + 1);
  });

  it('a barrage switched back on while the video is not playing stays paused, and takes no one else’s items', async () => {
    const { el, transport } = await mount();
    // A live room whose stream has not started: the player waits, so the barrage must not run.
    transport.emit({ kind: 'attributes', attributes: { state: 'live', streamUrl: '/demo/media/not-started.m3u8' } });
    await until(() => playerStateOf(el)?.status === 'waiting-for-stream', 10_000);
    await until(() => barrageOf(el)?.paused === true);
    await userEvent.click(toggle(el)!);
    await until(() => !barrageOf(el));
    await userEvent.click(toggle(el)!);
    await until(() => !!barrageOf(el));
    expect(barrageOf(el)!.paused).toBe(true);
    for (let i = 0; i < 20; i++) transport.push(textMessage(`fan${i}`, `paused ${i}`));
    await until(() => el.shadowRoot!.querySelectorAll('.log .line').length === 20);
    expect(barrageOf(el)!.stats()).toMatchObject({ pushed: 0, rejected: 0 });
  });
});
