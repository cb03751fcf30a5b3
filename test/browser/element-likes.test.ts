/**
 * The like button inside the element (issue #5): every tap animates, taps are aggregated into one
 * Low-priority like message per window, nothing is lost from the count, the room's total is
 * reconciled, guests are routed to login.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CMD, type OutboundWire } from '../../src/protocol/index.ts';
import { $, customMessage, likesOf, ME, mount, resetPage, sleep, until } from './element-helpers.ts';

const likeSends = (sent: readonly OutboundWire[]) =>
  sent
    .filter((w) => w.type === 'TIMCustomElem' && w.description === CMD.like)
    .map((w) => ({
      count: (JSON.parse((w as { data: string }).data) as { data: { cmdInfo: { count: number } } }).data.cmdInfo.count,
      priority: w.priority,
    }));

describe('element likes', () => {
  afterEach(resetPage);

  it('50 taps/s for 5 s: ≤ 6 Low like messages summing to 250, ≥ 250 hearts started, ≤ 40 alive', async () => {
    const { el, transport } = await mount({ userId: ME.id });
    const button = $<HTMLButtonElement>(el, '[part~="like-button"]')!;
    expect(button).not.toBeNull();
    const rect = button.getBoundingClientRect();
    expect(rect.width).toBeGreaterThanOrEqual(24);
    expect(rect.height).toBeGreaterThanOrEqual(24);
    const start = performance.now();
    for (let i = 0; i < 250; i++) {
      button.click();
      const next = start + (i + 1) * 20;
      await sleep(Math.max(0, next - performance.now()));
    }
    await until(() => likeSends(transport.sent).reduce((a, s) => a + s.count, 0) === 250, 4000);
    const sends = likeSends(transport.sent);
    expect(sends.length).toBeLessThanOrEqual(6);
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
    await el.updateRoom({ likeTotal: 9 });
    await sleep(50);
    expect(likesOf(el).total).toBe(9);
    await el.updateRoom({ likeTotal: 20 });
    await until(() => likesOf(el).total === 20);
  });

  it('a guest tapping like gets lcr-login-request and sends nothing', async () => {
    const { el, transport } = await mount();
    const asked: string[] = [];
    el.addEventListener('lcr-login-request', (e) => asked.push(e.detail.reason));
    $<HTMLButtonElement>(el, '[part~="like-button"]')!.click();
    expect(await el.like(3)).toEqual({ ok: false, reason: 'not-logged-in' });
    await sleep(1300);
    expect(asked).toEqual(['like', 'like']);
    expect(likeSends(transport.sent)).toEqual([]);
  });

  it('no-likes hides the button', async () => {
    const { el } = await mount({ userId: ME.id, attrs: { 'no-likes': '' } });
    expect($(el, '[part~="like-button"]')).toBeNull();
  });
});
