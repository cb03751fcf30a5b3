/**
 * The like button in real Chromium: its size and label, pointer taps, and the keyboard — held
 * Enter/Space keep liking at the key-repeat rate, and a real key press counts exactly once
 * (the button's own activation never adds a second click). axe finds nothing to fix.
 */
import axe from 'axe-core';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { mountLike, nextFrame, unmountLikes } from './likes-helpers.ts';
import { loadLang } from '../../src/i18n/index.ts';

// Korean and Chinese strings are lazy chunks in the product; these tests read them directly.
beforeAll(async () => {
  await Promise.all([loadLang('ko'), loadLang('zh-CN')]);
});

beforeAll(() => page.viewport(800, 600));
afterEach(unmountLikes);

const key = (target: HTMLElement, type: 'keydown' | 'keyup', k: string, init: KeyboardEventInit = {}): boolean =>
  target.dispatchEvent(
    new KeyboardEvent(type, { key: k, code: k === ' ' ? 'Space' : k, bubbles: true, composed: true, cancelable: true, ...init }),
  );

describe('like button', () => {
  test('a 44×44 button labelled "Like" with the count, which it updates', async () => {
    const m = mountLike({ reducedMotion: false }, { total: 0 });
    const box = m.button.getBoundingClientRect();
    expect([box.width, box.height]).toEqual([44, 44]);
    expect(m.button.type).toBe('button');
    expect(m.button.getAttribute('part')).toBe('like-button');
    expect(m.button.getAttribute('aria-label')).toBe('Like');
    m.counter.serverTotal(1234);
    m.rerender();
    expect(m.button.getAttribute('aria-label')).toBe('Like, 1.2K likes');
    expect(m.root.querySelector('[part="like-count"]')!.textContent).toBe('1.2K');
    m.button.click();
    expect(m.counter.total).toBe(1235);
    expect(m.root.querySelector('[part="like-count"]')!.textContent).toBe('1.2K');
  });

  test('labels follow the language', () => {
    const m = mountLike({ reducedMotion: false }, { total: 12_345, lang: 'ko' });
    expect(m.button.getAttribute('aria-label')).toBe('좋아요, 1.2만개');
    unmountLikes();
    const z = mountLike({ reducedMotion: false }, { total: 12_345, lang: 'zh-CN' });
    expect(z.button.getAttribute('aria-label')).toBe('点赞，1.2万 个赞');
  });

  test('a real pointer tap likes once and starts a heart', async () => {
    const m = mountLike({ reducedMotion: false });
    await userEvent.click(m.button);
    expect(m.taps).toBe(1);
    expect(m.layer.stats()).toMatchObject({ started: 1, alive: 1 });
    await nextFrame();
    expect(m.layer.stats().frames).toBeGreaterThan(0);
  });

  test('holding Enter or Space keeps liking: every repeated keydown is a tap', () => {
    const m = mountLike({ reducedMotion: false });
    for (const k of ['Enter', ' ']) {
      const before = m.taps;
      expect(key(m.button, 'keydown', k)).toBe(false); // default prevented: no native activation
      for (let i = 0; i < 14; i++) expect(key(m.button, 'keydown', k, { repeat: true })).toBe(false);
      expect(key(m.button, 'keyup', k)).toBe(false);
      expect(m.taps - before).toBe(15);
    }
    expect(m.layer.stats().started).toBe(30);
  });

  test('other keys, modified keys and key-ups do not like', () => {
    const m = mountLike({ reducedMotion: false });
    key(m.button, 'keydown', 'a');
    key(m.button, 'keydown', 'Tab');
    key(m.button, 'keydown', 'Enter', { ctrlKey: true });
    key(m.button, 'keydown', ' ', { metaKey: true });
    key(m.button, 'keyup', 'Enter');
    expect(m.taps).toBe(0);
  });

  test('a real key press counts exactly once (Enter and Space), and holding one repeats', async () => {
    const m = mountLike({ reducedMotion: false });
    m.button.focus();
    // The browser has dispatched every key event when `keyboard()` resolves.
    await userEvent.keyboard('{Enter}');
    expect(m.taps).toBe(1);
    await userEvent.keyboard('[Space]');
    expect(m.taps).toBe(2);
    await userEvent.keyboard('{Enter>6/}'); // held: six keydowns, then released
    expect(m.taps).toBe(8);
    expect(document.activeElement).toBe(m.host);
    expect(m.root.activeElement).toBe(m.button);
  });

  test('the hearts never take the pointer: a tap on a heart reaches what is under it', async () => {
    const m = mountLike({ reducedMotion: false });
    m.button.click();
    await nextFrame();
    const c = m.layer.canvas!.getBoundingClientRect();
    const hit = m.root.elementFromPoint(c.left + c.width / 2, c.top + 20);
    expect(hit?.tagName).not.toBe('CANVAS');
    // The button under the canvas still gets its taps.
    const b = m.button.getBoundingClientRect();
    expect(m.root.elementFromPoint(b.left + 22, b.top + 22)).toBe(m.button);
  });

  test('axe: no violations', async () => {
    const m = mountLike({ reducedMotion: false }, { total: 321 });
    m.button.click();
    const result = await axe.run(m.host, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join('; ')}`)).toEqual([]);
  });
});
