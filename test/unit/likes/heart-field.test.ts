/** The hearts' pool: the cap, the merge rule, expiry and where a heart is over its life. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HEART_COLORS, HeartField } from '../../../src/likes/heart-field.ts';
import { seeded } from '../../../demo/tools/seeded-random.ts';

const field = (max = 40, lifeMs: [number, number] = [1500, 2300]) =>
  new HeartField({ max, width: 96, height: 260, originOffset: 22, lifeMs, random: seeded(7) });

describe('HeartField', () => {
  it('50 taps/s for 5 s: every tap animates, never more than 40 alive, and slots are reused', () => {
    const f = field();
    let maxAlive = 0;
    for (let i = 0; i < 250; i++) {
      f.tap(i * 20);
      maxAlive = Math.max(maxAlive, f.alive);
    }
    expect(f.started).toBe(250);
    expect(maxAlive).toBe(40);
    expect(f.peak).toBe(40);
    // Hearts live 1.5–2.3 s, so slots free up during the 5 s and new hearts keep starting.
    expect(f.spawned).toBeGreaterThan(80);
    expect(f.merged).toBe(250 - f.spawned);
    expect(f.prune(5000 + 2300)).toBe(0);
  });

  it('below the cap each tap is a new heart; at the cap the youngest heart takes the tap', () => {
    const f = field(3);
    expect([f.tap(0), f.tap(10), f.tap(20)]).toEqual(['spawned', 'spawned', 'spawned']);
    const youngest = f.hearts[2]!;
    expect(f.tap(30)).toBe('merged');
    expect(f.tap(40)).toBe('merged');
    expect(youngest.extra).toBe(2);
    expect(youngest.poppedAt).toBe(40);
    expect(f.hearts.map((h) => h.extra)).toEqual([0, 0, 2]);
    expect(f.alive).toBe(3);
  });

  it('a merge is visible at once: the heart pops bigger, then settles a little bigger than before', () => {
    const f = field(1);
    f.tap(0);
    const h = f.hearts[0]!;
    const before = f.pose(h, 400).size;
    f.tap(400);
    const popped = f.pose(h, 400).size;
    const settled = f.pose(h, 400 + 300).size;
    expect(popped).toBeGreaterThan(before * 1.3);
    expect(settled).toBeGreaterThan(before);
    expect(settled).toBeLessThan(popped);
  });

  it('a finished heart frees its slot for the next tap', () => {
    const f = field(2, [1000, 1000]);
    f.tap(0);
    f.tap(500);
    expect(f.tap(900)).toBe('merged');
    expect(f.tap(1000)).toBe('spawned'); // the first one ended at 1000
    expect(f.alive).toBe(2);
  });

  it('a heart starts at the button, rises, stays in the field and fades out at the end', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const f = new HeartField({ width: 120, height: 260, originOffset: 22, random: seeded(seed) });
        f.tap(0);
        const h = f.hearts[0]!;
        const start = f.pose(h, 0);
        expect(start.y).toBeCloseTo(260 - 22, 5);
        expect(Math.abs(start.x - 60)).toBeLessThanOrEqual(8.01);
        expect(start.size).toBeLessThan(h.size); // grows in
        let lastY = start.y;
        for (let t = 50; t < h.life; t += 50) {
          const p = f.pose(h, t);
          expect(p.y).toBeLessThanOrEqual(lastY + 1e-9);
          lastY = p.y;
          // Whole hearts stay inside the canvas (2 px of slack for the tilt).
          expect(p.x - p.size / 2).toBeGreaterThan(-2);
          expect(p.x + p.size / 2).toBeLessThan(120 + 2);
          expect(p.y - p.size / 2).toBeGreaterThanOrEqual(-1);
          expect(p.alpha).toBeGreaterThanOrEqual(0);
          expect(p.alpha).toBeLessThanOrEqual(1);
        }
        expect(f.pose(h, h.life * 0.5).alpha).toBe(1);
        expect(f.pose(h, h.life).alpha).toBe(0);
        expect(DEFAULT_HEART_COLORS).toContain(h.color);
      }),
      { numRuns: 120 },
    );
  }, 30_000);

  it('an origin near the right edge fans the hearts out to the left, all inside the field', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 }), (seed) => {
        const f = new HeartField({ width: 120, height: 260, originX: 90, random: seeded(seed) });
        for (let i = 0; i < 40; i++) f.tap(i);
        expect(f.hearts.reduce((a, h) => a + h.drift, 0) / f.hearts.length).toBeLessThan(-10);
        for (const h of f.hearts) {
          expect(h.drift).toBeLessThanOrEqual(8); // at most the little room right of the origin
          for (let t = 0; t < h.life; t += 150) {
            const p = f.pose(h, t);
            expect(p.x - p.size / 2).toBeGreaterThan(-2);
            expect(p.x + p.size / 2).toBeLessThan(122);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 30_000);

  it('colours vary', () => {
    const f = field();
    for (let i = 0; i < 40; i++) f.tap(i);
    expect(new Set(f.hearts.map((h) => h.color)).size).toBeGreaterThanOrEqual(5);
  });
});
