/**
 * The hearts in real Chromium: a 50 taps/s flood for 5 s animates every tap with never more than
 * 40 hearts alive; the frame loop stops by itself when idle; `destroy()` leaves nothing; the
 * canvas follows the pixel ratio; reduced motion pulses the button instead (forced, and followed
 * from the real media query); a screenshot of hearts mid-flight.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { cdp, page } from 'vitest/browser';
import { likeResources } from '../../src/likes/like-resources.ts';
import { frames, mountLike, nextFrame, opaquePixels, unmountLikes } from './likes-helpers.ts';
import { seeded } from '../../demo/tools/seeded-random.ts';

beforeAll(() => page.viewport(800, 600));
afterEach(unmountLikes);

describe('heart layer', () => {
  test('a tap every frame for 250 frames: every tap starts a heart animation, never more than 40 alive; then the loop stops by itself', async () => {
    const base = likeResources();
    const m = mountLike({ reducedMotion: false, devicePixelRatio: 1 });
    // An independent sampler: the number alive, every frame, for the whole flood.
    let maxAlive = 0;
    let sampling = true;
    const sample = (): void => {
      maxAlive = Math.max(maxAlive, m.layer.stats().alive);
      if (sampling) requestAnimationFrame(sample);
    };
    requestAnimationFrame(sample);
    // ~60 taps/s, paced by the page's frames (a busy machine slows the taps with the hearts).
    const firstFrame = m.layer.stats().frames;
    for (let taps = 0; taps < 250; taps++) {
      m.button.click();
      maxAlive = Math.max(maxAlive, m.layer.stats().alive);
      await nextFrame();
    }
    const during = likeResources();
    const s = m.layer.stats();
    sampling = false;
    // Really spread out: the layer painted (about) a frame per tap, longer than a heart lives.
    expect(s.frames - firstFrame).toBeGreaterThan(200);
    expect(m.taps).toBe(250);
    expect(m.counter.total).toBe(250);
    expect(s.started).toBe(250);
    expect(s.spawned + s.merged).toBe(250);
    expect(s.spawned).toBeGreaterThan(40); // slots were freed and reused during the flood
    expect(s.merged).toBeGreaterThan(0); // the cap was reached: taps merged into living hearts
    expect(maxAlive).toBeLessThanOrEqual(40);
    expect(s.peak).toBe(40);
    expect(s.frames).toBeGreaterThan(20);
    expect(during).toEqual({ ...base, loops: base.loops + 1, canvases: base.canvases + 1 });
    expect(m.root.querySelectorAll('canvas')).toHaveLength(1);

    // Idle: the last heart ends (≤ 2.3 s), the loop ends itself and the canvas is left clear.
    await expect.poll(() => likeResources().loops, { timeout: 6000, interval: 100 }).toBe(base.loops);
    const idle = m.layer.stats();
    expect(idle).toMatchObject({ alive: 0, running: false });
    await frames(15);
    expect(m.layer.stats().frames).toBe(idle.frames); // the page rendered on; the idle layer did not
    expect(opaquePixels(m.layer.canvas!, 0)).toBe(0);

    // A new tap starts the loop again; destroy releases everything, twice is fine.
    m.button.click();
    await nextFrame();
    expect(likeResources().loops).toBe(base.loops + 1);
    m.layer.destroy();
    m.layer.destroy();
    expect(likeResources()).toEqual(base);
    expect(m.root.querySelector('canvas')).toBeNull();
    m.button.click();
    expect(m.layer.stats().started).toBe(251);
    expect(likeResources()).toEqual(base);
  });

  test('the canvas follows the pixel ratio and paints hearts above the button', async () => {
    for (const dpr of [1, 2]) {
      const m = mountLike({ reducedMotion: false, devicePixelRatio: dpr, random: seeded(3) });
      expect(m.layer.canvas).toBeNull(); // made on the first heart
      m.button.click();
      await nextFrame();
      await nextFrame();
      const canvas = m.layer.canvas!;
      expect([canvas.width, canvas.height]).toEqual([120 * dpr, 260 * dpr]);
      const box = canvas.getBoundingClientRect();
      expect([Math.round(box.width), Math.round(box.height)]).toEqual([120, 260]);
      // Hearts start on the button: the canvas's bottom centre is the button's centre.
      const btn = m.button.getBoundingClientRect();
      expect(Math.abs(box.left + box.width / 2 - (btn.left + btn.width / 2))).toBeLessThanOrEqual(1);
      expect(Math.abs(box.bottom - btn.bottom)).toBeLessThanOrEqual(1);
      // Moving the origin keeps it on the button: the canvas shifts, the hearts fan out one way.
      const edge = mountLike({ reducedMotion: false, originX: 90 });
      edge.button.click();
      const eb = edge.layer.host.getBoundingClientRect();
      const ebtn = edge.button.getBoundingClientRect();
      expect(Math.abs(eb.left + 90 - (ebtn.left + ebtn.width / 2))).toBeLessThanOrEqual(1);
      // A 20–30 px heart: a few hundred CSS pixels, times dpr² (it pops in from smaller: the
      // largest of the next frames, so a slow or busy machine's frame timing does not matter).
      let painted = opaquePixels(canvas);
      for (let i = 0; i < 12 && painted <= 150 * dpr * dpr; i++) {
        await nextFrame();
        painted = Math.max(painted, opaquePixels(canvas));
      }
      expect(painted).toBeGreaterThan(150 * dpr * dpr);
      expect(painted).toBeLessThan(1600 * dpr * dpr);
      unmountLikes();
    }
  });

  test('reduced motion (forced): a tap pulses the button; no canvas, no loop; destroy cancels the pulse', async () => {
    const base = likeResources();
    const m = mountLike({ reducedMotion: true });
    m.button.click();
    m.button.click();
    expect(m.taps).toBe(2);
    expect(m.layer.stats()).toMatchObject({ pulses: 2, started: 0, alive: 0, reducedMotion: true });
    expect(m.layer.canvas).toBeNull();
    expect(m.button.getAnimations()).toHaveLength(1); // one pulse answers both taps
    expect(likeResources()).toEqual(base);
    m.layer.destroy();
    expect(m.button.getAnimations()).toHaveLength(0);
  });

  test('reduced motion (auto) follows the real media query, switching at run time', async () => {
    const session = cdp();
    const emulate = (value: string) =>
      session.send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value }] });
    const base = likeResources();
    try {
      await emulate('reduce');
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
      const m = mountLike();
      expect(likeResources().listeners).toBe(base.listeners + 1);
      m.button.click();
      expect(m.layer.stats()).toMatchObject({ reducedMotion: true, pulses: 1, started: 0 });
      await emulate('no-preference');
      await expect.poll(() => m.layer.stats().reducedMotion).toBe(false);
      m.button.click();
      expect(m.layer.stats()).toMatchObject({ started: 1, alive: 1 });
      await emulate('reduce');
      await expect.poll(() => m.layer.stats().reducedMotion).toBe(true);
      // Switching to reduced motion stops the hearts at once.
      expect(m.layer.stats()).toMatchObject({ alive: 0, running: false });
      m.layer.destroy();
      expect(likeResources()).toEqual(base);
    } finally {
      await emulate('');
    }
  });

  test('screenshot: hearts mid-flight', async () => {
    // Zoom 2 with a 2× backing store: a crisp picture for the README, as on a phone.
    await page.viewport(800, 800);
    // The button sits near the right edge, as in the room: the hearts fan out to the left.
    const m = mountLike({ reducedMotion: false, random: seeded(11), devicePixelRatio: 2, originX: 88 }, { total: 12_345, zoom: 2 });
    // A viewer tapping along: bursts and pauses over ~1.5 s (paced by frames, ~45 ms and ~160 ms).
    for (let i = 0; i < 26; i++) {
      m.button.click();
      await frames(i % 7 === 6 ? 10 : 3);
    }
    await frames(7);
    const alive = m.layer.stats().alive;
    expect(alive).toBeGreaterThan(10);
    const canvas = m.layer.canvas!;
    // Hearts spread up the column, not stacked on the button.
    const ctx = canvas.getContext('2d')!;
    const topHalf = ctx.getImageData(0, 0, canvas.width, canvas.height / 2).data;
    let upper = 0;
    for (let i = 3; i < topHalf.length; i += 4) if (topHalf[i]! > 32) upper++;
    expect(upper).toBeGreaterThan(300);
    const path = await page.screenshot({ path: '__screenshots__/hearts.png', element: m.host });
    expect(path).toMatch(/hearts\.png$/);
  });
});
