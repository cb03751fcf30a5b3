/**
 * The barrage renderer in real Chromium: both modes paint, items fly, pixels are crisp at any
 * pixel ratio, a failing worker falls back to the main thread, and a busy stage looks right.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { DEFAULT_BARRAGE_THEME, levelColor } from '../../src/barrage/barrage-theme.ts';
import { countColour, decodePng, frames, item, mount, opaqueCount, unmountAll, untilStageTime } from './barrage-helpers.ts';

beforeAll(() => page.viewport(1000, 600));
afterEach(unmountAll);

const MODES = [
  ['worker', 'auto'],
  ['main', 'main'],
] as const;

describe.each(MODES)('%s mode', (mode, renderer) => {
  test('paints the items it placed (pixels read back from the painter)', async () => {
    const { barrage } = await mount({ renderer });
    expect(barrage.mode).toBe(mode);
    const before = await barrage.inspect({ pixels: true });
    expect(opaqueCount(before.pixels!)).toBe(0);
    for (let i = 0; i < 4; i++) expect(barrage.push(item(i))).toBe(true);
    // An item enters from the right edge; give it time to be well inside.
    await expect.poll(async () => opaqueCount((await barrage.inspect({ pixels: true })).pixels!), { timeout: 5000 }).toBeGreaterThan(800);
    const after = await barrage.inspect({ pixels: true });
    expect(after.items).toHaveLength(4);
    expect(after.framesDrawn).toBeGreaterThan(0);
    // Painted pixels lie only in the lanes' rows and to the right of the leftmost item's x.
    const { width, data } = after.pixels!;
    const minX = Math.min(...after.items.map((i) => i.x));
    const maxY = Math.max(...after.items.map((i) => i.y + i.height));
    for (let p = 3; p < data.length; p += 4) {
      if (data[p]! === 0) continue;
      const x = ((p - 3) / 4) % width;
      const y = Math.floor((p - 3) / 4 / width);
      expect(x).toBeGreaterThanOrEqual(Math.floor(minX) - 1);
      expect(y).toBeLessThanOrEqual(Math.ceil(maxY));
    }
  });

  test('items fly right to left (x decreases over frames)', async () => {
    const { barrage } = await mount({ renderer });
    barrage.push(item(1));
    await expect.poll(async () => (await barrage.inspect()).items[0]?.started, { timeout: 5000 }).toBe(true);
    const xs: number[] = [];
    let at = (await barrage.inspect()).stageTime;
    for (let k = 0; k < 4; k++) {
      const later = await untilStageTime(barrage, at, 150);
      at = later.stageTime;
      xs.push(later.items[0]!.x);
    }
    for (let k = 1; k < xs.length; k++) expect(xs[k]!).toBeLessThan(xs[k - 1]!);
    expect(xs[0]!).toBeLessThan(640);
  });

  test('the page shows it: a screenshot of the stage has the text pixels', async () => {
    const { host, barrage } = await mount({ renderer });
    const snap = async (): Promise<ImageData> => {
      return decodePng(await page.screenshot({ element: host, save: false, base64: true }));
    };
    const empty = await snap();
    expect(empty.width).toBe(640);
    expect(countColour(empty, '#ffffff', 30)).toBe(0);
    for (let i = 0; i < 4; i++) barrage.push(item(i, { text: 'WWWW MMMM 弹幕' }));
    await expect.poll(async () => (await barrage.inspect()).items[0]?.x ?? 999, { timeout: 5000 }).toBeLessThan(520);
    // White glyph fill over the dark stage, composited into the page (worker: OffscreenCanvas).
    expect(countColour(await snap(), '#ffffff', 30)).toBeGreaterThan(200);
  });

  test('device pixel ratio 2: backing store doubles and items are drawn at twice the pixels', async () => {
    const sizes: number[] = [];
    for (const dpr of [1, 2]) {
      const { barrage } = await mount({ renderer, devicePixelRatio: dpr });
      barrage.push(item(2, { text: 'crisp 清晰' }));
      await expect.poll(async () => (await barrage.inspect()).items[0]?.x ?? 999, { timeout: 5000 }).toBeLessThan(520);
      barrage.pause(); // freeze so the pixel sample is stable
      const ins = await barrage.inspect({ pixels: true });
      expect(ins.canvas).toEqual({ width: 640 * dpr, height: 360 * dpr, dpr });
      sizes.push(opaqueCount(ins.pixels!));
      unmountAll();
    }
    // Area scales with dpr²; allow for antialiasing differences.
    expect(sizes[1]! / sizes[0]!).toBeGreaterThan(3.2);
    expect(sizes[1]! / sizes[0]!).toBeLessThan(4.8);
  });
});

test('items that leave the stage give their bitmaps back to the bounded pool (both modes at once)', async () => {
  const stages = await Promise.all(MODES.map(([, renderer]) => mount({ renderer, settings: { speed: 4, area: 'full' } }, 800, 200)));
  for (const { barrage } of stages) for (let i = 0; i < 3; i++) barrage.push(item(i, { text: 'bye' }));
  for (const { barrage } of stages) expect((await barrage.inspect()).items).toHaveLength(3);
  // A point crosses in 4 s; these short items are gone within ~4.5 s.
  for (const { barrage } of stages) {
    await expect.poll(async () => (await barrage.inspect()).items.length, { timeout: 8000, interval: 250 }).toBe(0);
    const ins = await barrage.inspect();
    expect(ins.pooled).toBe(3);
    expect(barrage.stats().onScreen).toBe(0);
  }
});

describe('worker failure', () => {
  test('a worker that cannot be constructed: main-thread painter from the start', async () => {
    const { barrage } = await mount({
      createWorker: () => {
        throw new DOMException('blocked by CSP', 'SecurityError');
      },
    });
    expect(barrage.mode).toBe('main');
    barrage.push(item(0));
    await expect.poll(async () => opaqueCount((await barrage.inspect({ pixels: true })).pixels!), { timeout: 5000 }).toBeGreaterThan(100);
  });

  test('a worker whose script fails to load: swaps to a fresh canvas on the main thread, items kept', async () => {
    const {
      host,
      barrage,
      firstCanvas: first,
    } = await mount({
      createWorker: () => new Worker('/no-such-barrage-worker.js', { type: 'module' }),
    });
    barrage.push(item(0));
    barrage.push(item(1, { own: true }));
    await expect.poll(() => barrage.mode, { timeout: 5000 }).toBe('main');
    expect(barrage.canvas).not.toBe(first);
    expect(first.isConnected).toBe(false);
    expect(host.querySelectorAll('canvas')).toHaveLength(1);
    const ins = await barrage.inspect({ pixels: true });
    expect(ins.items.map((i) => i.id).sort()).toEqual(['m0', 'm1']);
    await expect.poll(async () => opaqueCount((await barrage.inspect({ pixels: true })).pixels!), { timeout: 5000 }).toBeGreaterThan(100);
  });
});

describe('a busy barrage looks right', () => {
  test.each(MODES)('%s mode: badges, outlined own item, gift and folded lines, mixed scripts', async (_mode, renderer) => {
    const { host, barrage } = await mount({ renderer, settings: { area: 'full', fontSize: 22 } }, 800, 450);
    const lines = [
      { id: 'a', text: '主播好！今天的衣服真好看', name: '小林', level: 12 },
      { id: 'b', text: 'hello from Berlin 👋', name: 'Jonas', level: 3 },
      { id: 'c', text: '666', count: 12 },
      { id: 'd', text: 'Rose 🌹', kind: 'gift' as const, count: 3, name: 'Mei', level: 47 },
      { id: 'e', text: '我也想要同款 link please', own: true, level: 25, name: 'me' },
      { id: 'f', text: 'こんにちは、初見です', level: 55 },
      { id: 'g', text: '안녕하세요 — first time here', level: 31 },
      { id: 'h', text: '这个价格太划算了吧', name: '阿杰', level: 8 },
      { id: 'i', text: 'lol', count: 4 },
    ];
    for (const l of lines) barrage.push(l);
    // Every line is on the stage (whole, or its first 160 px with the badge), then it is frozen.
    const entered = (i: { started: boolean; x: number; width: number }) => i.started && i.x + Math.min(i.width, 160) <= 800;
    await expect.poll(async () => (await barrage.inspect()).items.every(entered), { timeout: 10_000 }).toBe(true);
    barrage.pause();
    await barrage.inspect(); // the painter has the paused clock (messages are in order)…
    await frames(2); // …and the page composited its frame
    const image = await decodePng(await page.screenshot({ element: host, save: false, base64: true }));
    expect(countColour(image, DEFAULT_BARRAGE_THEME.own, 30)).toBeGreaterThan(40); // the own outline
    expect(countColour(image, levelColor(12)!, 20)).toBeGreaterThan(20); // a blue tier badge
    expect(countColour(image, levelColor(47)!, 20)).toBeGreaterThan(20); // a red tier badge
    expect(countColour(image, DEFAULT_BARRAGE_THEME.count, 30)).toBeGreaterThan(10); // "×12" suffix
    expect(countColour(image, '#ffffff', 20)).toBeGreaterThan(300);
  });
});
