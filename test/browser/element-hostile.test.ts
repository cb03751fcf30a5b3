/**
 * Hostile message content is literal text: markup and script in text and nick create no element
 * and run nothing, bidi overrides and zero-width characters are removed, a 2 KB line is cut with
 * "…", and unsafe avatar URLs (message or anchor) are never loaded.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { $, $$, chatLines, mount, resetPage, textMessage, until } from './element-helpers.ts';

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(() => {
  resetPage();
  delete (window as { __pwned?: unknown }).__pwned;
});

const PAYLOAD = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold</b>';

describe('hostile content', () => {
  it('markup and script in the text and the nick stay literal text: no element is made, nothing runs', async () => {
    const { el, transport } = await mount();
    transport.push(textMessage('evil', PAYLOAD, { nick: '<svg onload=__pwned=3>Eve</svg>' }));
    await until(() => chatLines(el).length === 1);
    const line = $(el, '.log .line')!;
    expect(line.querySelector('.text')!.textContent).toBe(PAYLOAD);
    expect(line.querySelector('.nick')!.textContent).toBe('<svg onload=__pwned=3>Eve</svg>'); // ≤ 32 chars: not cut
    expect(line.querySelectorAll('img, script, b, svg')).toHaveLength(0);
    for (const span of line.querySelectorAll('span')) expect([...span.childNodes].every((n) => n.nodeType === Node.TEXT_NODE)).toBe(true);
    // A control image with the payload's src: once it has failed, an injected one would have run its onerror.
    await new Promise((resolve) => Object.assign(new Image(), { onerror: resolve, onload: resolve, src: 'x' }));
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
    // The screen-reader announcement is text too.
    expect($(el, '.announcer')!.children).toHaveLength(0);
    expect($(el, '.announcer')!.textContent).toContain(PAYLOAD);
  });

  it('bidi overrides and zero-width characters are removed from text and nick', async () => {
    const { el, transport } = await mount();
    // U+202E would show "exe.gnp" as "png.exe"; U+200B/U+2060/U+FEFF hide inside words.
    transport.push(textMessage('u1', 'open \u202Egnp.exe\u202C now\u200B\u2060\uFEFF!', { nick: 'ad\u200Bmin\u2066\u202D' }));
    await until(() => chatLines(el).length === 1);
    const line = $(el, '.log .line')!;
    expect(line.querySelector('.text')!.textContent).toBe('open gnp.exe now!');
    expect(line.querySelector('.nick')!.textContent).toBe('admin');
    expect(line.textContent).not.toMatch(/[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/);
  });

  it('a 2 KB line is truncated with an ellipsis', async () => {
    const { el, transport } = await mount();
    const long = 'x'.repeat(2048);
    transport.push(textMessage('chatty', long));
    await until(() => chatLines(el).length === 1);
    const text = $(el, '.log .line .text')!.textContent;
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(long.length);
    expect(text.length).toBe(500); // LIMITS.textChars, the ellipsis included
    expect(text.slice(0, -1)).toBe('x'.repeat(499));
  });

  it('unsafe avatar URLs — in a message or on the anchor — are never loaded', async () => {
    performance.clearResourceTimings();
    const evil = [
      'javascript:window.__pwned=4',
      'http://127.0.0.1:9/evil-avatar.png',
      'data:image/svg+xml,<svg onload="window.__pwned=5"/>',
    ];
    const safe = '/demo/public/gifts/rose.svg?anchor-avatar'; // same-origin: allowed (the control)
    const { el, transport } = await mount({ props: { anchor: { userId: 'mina', nick: 'Mina', avatar: evil[0]! } } });
    for (const [i, avatar] of evil.entries()) transport.push(textMessage(`u${i}`, `hi ${i}`, { avatar }));
    transport.emit({ kind: 'attributes', attributes: { state: 'ended' } });
    await until(() => chatLines(el).length === 3 && !!$(el, '.card.ended'));
    for (const bad of evil.slice(1)) {
      el.anchor = { userId: 'mina', nick: 'Mina', avatar: bad };
      await el.updateComplete;
      expect($$<HTMLImageElement>(el, 'img').map((i) => i.getAttribute('src'))).toEqual([]);
    }
    el.anchor = { userId: 'mina', nick: 'Mina', avatar: safe };
    await el.updateComplete;
    const srcs = $$<HTMLImageElement>(el, 'img').map((i) => i.getAttribute('src'));
    expect(srcs.length).toBeGreaterThan(0); // header and ended card: the control shows images do render
    expect(srcs.every((s) => s === safe)).toBe(true);
    await until(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith(safe)));
    const loaded = performance.getEntriesByType('resource').map((e) => e.name);
    for (const bad of evil) expect(loaded.some((u) => u.startsWith(bad.slice(0, 20)))).toBe(false);
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});
