/**
 * The like button inside the element (issue #5): every tap animates, taps are aggregated into one
 * Low-priority like message per window, nothing is lost from the count, the room's total is
 * reconciled, guests are routed to login.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CMD, type OutboundWire } from '../../src/protocol/index.ts';
import { $, customMessage, likesOf, ME, mount, resetPage, until } from './element-helpers.ts';

const likeSends = (sent: readonly OutboundWire[]) =>
  sent
    .filter((w) => w.type === 'TIMCustomElem' && w.description === CMD.like)
    .map((w) => ({
      count: (JSON.parse((w as { data: string }).data) as { data: { cmdInfo: { count: number } } }).data.cmdInfo.count,
      priority: w.priority,
    }));

describe('element likes', () => {
  afterEach(resetPage);

  it('250 taps over 5 like windows: one Low like message per window (50 each), ≥ 250 hearts started, ≤ 40 alive', async () => {
    const { el, transport } = await mount({ userId: ME.id, attrs: { 'like-window': '250' } });
    const button = $<HTMLButtonElement>(el, '[part~="like-button"]')!;
    expect(button).not.toBeNull();
    const rect = button.getBoundingClientRect();
    expect(rect.width).toBeGreaterThanOrEqual(24);
    expect(rect.height).toBeGreaterThanOrEqual(24);
    // A window opens with its first tap; 50 taps in it, then the next 50 once its message left.
    for (let round = 1; round <= 5; round++) {
      for (let i = 0; i < 50; i++) button.click();
      await until(() => likeSends(transport.sent).length === round, 4000);
    }
    const sends = likeSends(transport.sent);
    expect(sends.map((s) => s.count)).toEqual([50, 50, 50, 50, 50]);
    expect(sends.every((s) => s.priority === 'low')).toBe(true);
    const stats = likesOf(el).hearts!.stats();
    expect(stats.started).toBeGreaterThanOrEqual(250);
    expect(stats.peak).toBeLessThanOrEqual(40);
    expect(likesOf(el).total).toBe(250);
    expect(button.getAttribute('aria-label')).toMatch(/250/);
  }, 20_000);

  it('keyboard: Enter and Space each like once per key press (repeats included)', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const button = $<HTMLButtonElement>(el, '[part~="like-button"]')!;
    button.focus();
    for (const key of ['Enter', ' ', 'Enter'])
      button.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', repeat: true, bubbles: true, composed: true, cancelable: true }));
    await until(() => likeSends(transport.sent).length > 0, 3000);
    expect(likeSends(transport.sent)[0]!.count).toBe(4);
  });

  it('likes from others fire lcr-like and join the total; the room total is not added twice', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const seen: { count: number; total: number }[] = [];
    el.addEventListener('lcr-like', (e) => seen.push(e.detail));
    transport.push(customMessage('fan1', CMD.like, { count: 3 }, 'Low'));
    transport.push(customMessage('fan2', CMD.like, { count: 2 }, 'Low'));
    await until(() => seen.length > 0);
    expect(seen.reduce((a, s) => a + s.count, 0)).toBe(5);
    expect(likesOf(el).total).toBe(5);
    await el.like(4);
    expect(likesOf(el).total).toBe(9);
    // The room's counter already counts all nine: nothing is added twice.
    // The same room update carries an announcement: once it shows, the total was reconciled.
    await el.updateRoom({ likeTotal: 9, announcement: 'nine likes' });
    await until(() => ($(el, '.announcement')?.textContent ?? '').includes('nine likes'));
    expect(likesOf(el).total).toBe(9);
    await el.updateRoom({ likeTotal: 20 });
    await until(() => likesOf(el).total === 20);
  });

  it('a guest tapping like gets lcr-login-request and sends nothing', async () => {
    const { el, transport } = await mount({ attrs: { 'like-window': '250' } });
    const asked: string[] = [];
    el.addEventListener('lcr-login-request', (e) => asked.push(e.detail.reason));
    $<HTMLButtonElement>(el, '[part~="like-button"]')!.click();
    expect(await el.like(3)).toEqual({ ok: false, reason: 'not-logged-in' });
    // Likes from another viewer are aggregated over 500 ms, twice the own like window: once they
    // arrive, a window the guest's taps could have opened has closed.
    const received = new Promise((resolve) => el.addEventListener('lcr-like', resolve, { once: true }));
    transport.push(customMessage('fan1', CMD.like, { count: 1 }, 'Low'));
    await received;
    expect(asked).toEqual(['like', 'like']);
    expect(likesOf(el).total).toBe(1); // the guest's taps were not counted either
    expect(likeSends(transport.sent)).toEqual([]);
  });

  it('no-likes hides the button', async () => {
    const { el } = await mount({ userId: ME.id, attrs: { 'no-likes': '' } });
    expect($(el, '[part~="like-button"]')).toBeNull();
  });
});
