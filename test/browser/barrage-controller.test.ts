/**
 * The barrage controller in real Chromium: capacity under floods, own items, the demand signal,
 * pause/resume, hidden tabs, reduced motion, settings, stats and teardown.
 */
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { page } from 'vitest/browser';
import { barrageResources } from '../../src/barrage/barrage-resources.ts';
import { motionForPreference, prefersReducedMotion, watchReducedMotion } from '../../src/barrage/reduced-motion.ts';
import { STATIC_SLOTS } from '../../src/barrage/barrage-stage.ts';
import { frames, item, mount, unmountAll, untilStageTime } from './barrage-helpers.ts';

beforeAll(() => page.viewport(1000, 600));
afterEach(unmountAll);

const MODES = [
  ['worker', 'auto'],
  ['main', 'main'],
] as const;

/** Simulates a tab switch: an own `visibilityState` over the prototype's, then the event. */
function setHidden(hidden: boolean): void {
  if (hidden) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  else delete (document as { visibilityState?: unknown }).visibilityState;
  document.dispatchEvent(new Event('visibilitychange'));
}

describe.each(MODES)('%s mode', (_mode, renderer) => {
  test('a flood of 500 in one tick: accepted ≤ free capacity, the rest refused and counted', async () => {
    const { barrage } = await mount({ renderer });
    const free = barrage.freeCapacity();
    expect(free).toBe(barrage.stats().lanes);
    let accepted = 0;
    for (let i = 0; i < 500; i++) if (barrage.push(item(i))) accepted++;
    expect(accepted).toBeLessThanOrEqual(free);
    expect(accepted).toBe(free);
    expect(barrage.stats()).toMatchObject({ pushed: 500, placed: accepted, rejected: 500 - accepted, onScreen: accepted, freeCapacity: 0 });
    const ins = await barrage.inspect();
    expect(ins.items).toHaveLength(accepted);
  });

  test('own items are always placed, even with every lane full; they enter when their lane frees', async () => {
    const { barrage } = await mount({ renderer, settings: { speed: 4 } });
    for (let i = 0; i < 100; i++) barrage.push(item(i, { text: 'a long comment that takes a while to enter' }));
    expect(barrage.freeCapacity()).toBe(0);
    expect(barrage.push(item(999, { own: true, text: 'mine' }))).toBe(true);
    expect(barrage.stats().ownDelayed).toBe(1);
    const own = async () => (await barrage.inspect()).items.find((i) => i.id === 'm999');
    expect(await own()).toMatchObject({ started: false });
    await expect.poll(async () => (await own())?.started, { timeout: 10_000 }).toBe(true);
  });

  test('onCapacity: asynchronous demand when lanes free up, never during push', async () => {
    const { barrage } = await mount({ renderer, settings: { speed: 4 } });
    const calls: number[] = [];
    let inPush = false;
    const off = barrage.onCapacity((n) => {
      expect(inPush).toBe(false);
      calls.push(n);
    });
    await expect.poll(() => calls.length).toBeGreaterThan(0);
    expect(calls).toEqual([barrage.stats().lanes]); // the new listener hears the current capacity
    inPush = true;
    for (let i = 0; i < 50; i++) barrage.push(item(i, { text: 'x' }));
    inPush = false;
    expect(barrage.freeCapacity()).toBe(0);
    await expect.poll(() => calls.length, { timeout: 5000 }).toBeGreaterThan(1);
    expect(calls.at(-1)).toBeGreaterThan(0);
    expect(barrage.freeCapacity()).toBeGreaterThan(0);
    off();
    expect(barrageResources().timers).toBe(0);
  });

  test('pause freezes positions and admission; resume continues from there with no burst', async () => {
    const { barrage } = await mount({ renderer });
    for (let i = 0; i < 3; i++) barrage.push(item(i));
    const pushedAt = (await barrage.inspect()).stageTime;
    await untilStageTime(barrage, pushedAt, 400); // in flight for a while
    barrage.pause();
    expect(barrage.paused).toBe(true);
    const a = await barrage.inspect();
    await frames(15); // the page renders on; a running clock would have moved them
    const b = await barrage.inspect();
    expect(b.items.map((i) => i.x)).toEqual(a.items.map((i) => i.x));
    expect(barrage.freeCapacity()).toBe(0);
    expect(barrage.push(item(10))).toBe(false);
    expect(barrage.push(item(11, { own: true }))).toBe(true); // own: kept, enters on resume
    const onScreen = barrage.stats().onScreen;
    barrage.resume();
    const c = await barrage.inspect();
    // Continues from where it stood (≤ a few frames of motion), no jump forward, nothing replayed.
    for (let k = 0; k < a.items.length; k++) {
      expect(c.items[k]!.x).toBeLessThanOrEqual(a.items[k]!.x);
      expect(a.items[k]!.x - c.items[k]!.x).toBeLessThan(20);
    }
    expect(c.items.length).toBe(onScreen);
    expect(barrage.stats().placed).toBe(4);
  });

  test('hidden tab (default "skip"): no drawing, no admission; on return stale items are gone', async () => {
    const { barrage } = await mount({ renderer, settings: { speed: 4 } }, 320, 200);
    barrage.push(item(0, { text: 'ok' }));
    await expect.poll(async () => (await barrage.inspect()).items[0]?.started).toBe(true);
    const before = await barrage.inspect();
    setHidden(true);
    try {
      expect(barrage.stats().hidden).toBe(true);
      expect(barrage.freeCapacity()).toBe(0);
      expect(barrage.push(item(1))).toBe(false);
      const drawn = (await barrage.inspect()).framesDrawn;
      await frames(15); // the page renders on; the hidden barrage does not
      expect((await barrage.inspect()).framesDrawn).toBeLessThanOrEqual(drawn + 1);
      // Hidden until the item's whole flight is over (the stage's clock runs on while hidden).
      await expect.poll(() => barrage.stats().onScreen, { timeout: 10_000, interval: 100 }).toBe(0);
    } finally {
      setHidden(false);
    }
    expect(before.items).toHaveLength(1);
    await expect.poll(async () => (await barrage.inspect()).items.length, { timeout: 2000 }).toBe(0);
    expect(barrage.freeCapacity()).toBeGreaterThan(0);
  });

  test('reduced motion (static): items stand still, fade in, and only a few show at once', async () => {
    const { barrage } = await mount({ renderer, motion: 'static' });
    let accepted = 0;
    for (let i = 0; i < 20; i++) if (barrage.push(item(i))) accepted++;
    expect(accepted).toBe(STATIC_SLOTS);
    const early = await barrage.inspect();
    // Until the fade-in is over: the painter drew on for a while, and nothing moved meanwhile.
    await expect.poll(async () => (await barrage.inspect()).items.every((i) => i.alpha === 1), { timeout: 5000 }).toBe(true);
    const later = await barrage.inspect();
    expect(later.stageTime).toBeGreaterThan(early.stageTime);
    expect(later.items.map((i) => i.x)).toEqual(early.items.map((i) => i.x));
    expect(Math.max(...later.items.map((i) => i.y))).toBeLessThan(360 / 2);
    for (const i of later.items) expect(Math.abs(i.x + i.width / 2 - 320)).toBeLessThanOrEqual(1); // centred
  });

  test('destroy releases the worker, observer, loop, listeners and timers; it is idempotent', async () => {
    const base = barrageResources();
    const { host, barrage } = await mount({ renderer });
    barrage.onCapacity(() => {});
    for (let i = 0; i < 20; i++) barrage.push(item(i));
    await expect.poll(async () => (await barrage.inspect()).framesDrawn).toBeGreaterThan(0); // the painter is at work
    const during = barrageResources();
    expect(during.observers).toBe(base.observers + 1);
    expect(during.workers + during.loops).toBeGreaterThan(base.workers + base.loops);
    barrage.destroy();
    barrage.destroy();
    expect(barrageResources()).toEqual(base);
    expect(host.querySelector('canvas')).toBeNull();
    expect(barrage.push(item(1, { own: true }))).toBe(false);
    expect(barrage.freeCapacity()).toBe(0);
    await expect(barrage.inspect()).rejects.toThrow(/destroyed/);
  });
});

describe('settings', () => {
  test('opacity and on/off apply to the canvas; off refuses everything, own too', async () => {
    const { barrage } = await mount({ settings: { opacity: 0.5 } });
    expect(barrage.canvas.style.opacity).toBe('0.5');
    barrage.setSettings({ opacity: 0.05 });
    expect(barrage.canvas.style.opacity).toBe('0.2'); // clamped
    barrage.push(item(0));
    barrage.setSettings({ enabled: false });
    expect(barrage.canvas.style.visibility).toBe('hidden');
    expect(barrage.freeCapacity()).toBe(0);
    expect(barrage.push(item(1, { own: true }))).toBe(false);
    expect(barrage.stats()).toMatchObject({ onScreen: 0, disabled: 1 });
  });

  test('area and font size change the lane count; travel time changes the speed', async () => {
    const { barrage } = await mount({ settings: { area: 'full', fontSize: 20, speed: 8 } });
    const full = barrage.stats().lanes;
    barrage.setSettings({ area: 'third' });
    expect(barrage.stats().lanes).toBeLessThan(full);
    barrage.setSettings({ area: 'full', fontSize: 32 });
    expect(barrage.stats().lanes).toBeLessThan(full);
    barrage.setSettings({ fontSize: 20, speed: 4 });
    barrage.push(item(0));
    await expect.poll(async () => (await barrage.inspect()).items[0]?.started, { timeout: 5000 }).toBe(true);
    const a = await barrage.inspect();
    const b = await untilStageTime(barrage, a.stageTime, 500);
    const pxPerMs = (a.items[0]!.x - b.items[0]!.x) / (b.stageTime - a.stageTime);
    expect(pxPerMs).toBeCloseTo(640 / 4000, 2);
  });

  test('motion can switch at run time (reduced-motion preference changed)', async () => {
    const { barrage } = await mount();
    barrage.push(item(0));
    barrage.setSettings({ motion: 'static' });
    expect(barrage.stats()).toMatchObject({ motion: 'static', onScreen: 0 });
    expect(barrage.push(item(1))).toBe(true);
  });
});

describe('stats', () => {
  test('the worker reports frame rate and p95 about once a second, stamped on the shared timeline', async () => {
    const { barrage } = await mount();
    expect(barrage.mode).toBe('worker');
    for (let i = 0; i < 5; i++) barrage.push(item(i));
    await expect.poll(() => barrage.stats().fps, { timeout: 5000 }).toBeGreaterThan(0);
    const s = barrage.stats();
    expect(s.framesDrawn).toBeGreaterThan(10);
    expect(s.p95FrameMs).toBeGreaterThan(0);
    const pageNow = performance.timeOrigin + performance.now();
    expect(Math.abs(pageNow - s.reportedAt)).toBeLessThan(3000);
  });
});

describe('reduced-motion helper', () => {
  test('reads and watches prefers-reduced-motion', () => {
    const listeners = new Set<(e: MediaQueryListEvent) => void>();
    const fake = {
      matches: true,
      addEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.add(l),
      removeEventListener: (_: string, l: (e: MediaQueryListEvent) => void) => listeners.delete(l),
    };
    const spy = vi.spyOn(window, 'matchMedia').mockImplementation((q: string) => {
      expect(q).toBe('(prefers-reduced-motion: reduce)');
      return fake as unknown as MediaQueryList;
    });
    try {
      expect(prefersReducedMotion()).toBe(true);
      expect(motionForPreference(true)).toBe('static');
      expect(motionForPreference(false)).toBe('fly');
      const seen: boolean[] = [];
      const base = barrageResources().listeners;
      const stop = watchReducedMotion((r) => seen.push(r));
      expect(barrageResources().listeners).toBe(base + 1);
      for (const l of listeners) l({ matches: false } as MediaQueryListEvent);
      expect(seen).toEqual([false]);
      stop();
      stop();
      expect(listeners.size).toBe(0);
      expect(barrageResources().listeners).toBe(base);
    } finally {
      spy.mockRestore();
    }
  });
});
