import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BarrageStage, STATIC_SLOTS } from '../../../src/barrage/barrage-stage.ts';
import { DEFAULT_BARRAGE_SETTINGS } from '../../../src/barrage/barrage-settings.ts';
import type { BarrageRuntimeSettings } from '../../../src/barrage/barrage-types.ts';
import { fakeMeasure } from './fake-measure.ts';

const FLY: BarrageRuntimeSettings = { ...DEFAULT_BARRAGE_SETTINGS, area: 'full', motion: 'fly' };

function stage(settings: BarrageRuntimeSettings = FLY, width = 720, height = 405): BarrageStage {
  const s = new BarrageStage(fakeMeasure, settings);
  s.resize(width, height, 0);
  return s;
}

describe('BarrageStage', () => {
  test('a flood in one instant: exactly the free capacity is accepted, the rest refused and counted', () => {
    const s = stage();
    const free = s.freeCapacity(0);
    expect(free).toBe(s.laneCount);
    const accepted = Array.from({ length: 500 }, (_, i) => s.push({ id: `m${i}`, text: `comment ${i}` }, 0, true)).filter(Boolean);
    expect(accepted).toHaveLength(free);
    expect(s.counters).toMatchObject({ pushed: 500, placed: free, rejected: 500 - free });
    expect(s.freeCapacity(0)).toBe(0);
  });

  test('own items are always accepted, even with every lane full and admission closed', () => {
    const s = stage();
    for (let i = 0; i < 50; i++) s.push({ id: `m${i}`, text: 'x'.repeat(30) }, 0, true);
    const own = s.push({ id: 'me', text: 'mine', own: true }, 0, false);
    expect(own).not.toBeNull();
    expect(own).not.toBe('queued');
    expect(s.counters.ownDelayed).toBe(1);
    expect(s.push({ id: 'other', text: 'not mine' }, 0, false)).toBeNull();
  });

  test('own items pushed before the stage has a size wait for it; others are refused', () => {
    const s = new BarrageStage(fakeMeasure, FLY);
    expect(s.push({ id: 'a', text: 'early' }, 0, true)).toBeNull();
    expect(s.push({ id: 'me', text: 'early mine', own: true }, 0, true)).toBe('queued');
    const placed = s.resize(720, 405, 100);
    expect(placed.map((p) => p.id)).toEqual(['me']);
    expect(placed[0]!.motion).toMatchObject({ kind: 'fly', startAt: 100, x0: 720 });
  });

  test('switched off: everything refused (own too) and counted as disabled', () => {
    const s = stage({ ...FLY, enabled: false });
    expect(s.push({ id: 'me', text: 'x', own: true }, 0, true)).toBeNull();
    expect(s.counters.disabled).toBe(1);
  });

  test('items leave the on-screen count when their tail leaves the stage', () => {
    const s = stage();
    const p = s.push({ id: 'a', text: 'bye' }, 0, true);
    expect(p).not.toBeNull();
    expect(s.onScreen(0)).toBe(1);
    const motion = (p as Exclude<typeof p, 'queued' | null>).motion;
    if (motion.kind !== 'fly') throw new Error('expected fly');
    const exit = (720 + (p as { layout: { width: number } }).layout.width) / motion.speed;
    expect(s.onScreen(exit - 1)).toBe(1);
    expect(s.onScreen(exit)).toBe(0);
  });

  test('static motion: at most a few items, centred, standing in the top rows', () => {
    const s = stage({ ...FLY, motion: 'static' });
    expect(s.freeCapacity(0)).toBe(STATIC_SLOTS);
    const placed = Array.from({ length: 10 }, (_, i) => s.push({ id: `${i}`, text: 'calm' }, 0, true)).filter((p) => p && p !== 'queued');
    expect(placed).toHaveLength(STATIC_SLOTS);
    for (const p of placed) {
      if (!p || p === 'queued' || p.motion.kind !== 'static') throw new Error('expected static');
      expect(p.motion.x).toBe(Math.round((720 - p.layout.width) / 2));
      expect(p.motion.endAt - p.motion.startAt).toBeGreaterThanOrEqual(3000);
    }
  });

  test('a new font size or motion style clears the stage; opacity does not', () => {
    const s = stage();
    s.push({ id: 'a', text: 'x' }, 0, true);
    expect(s.configure({ ...FLY, opacity: 0.5 })).toBe(false);
    expect(s.onScreen(0)).toBe(1);
    expect(s.configure({ ...FLY, opacity: 0.5, fontSize: 30 })).toBe(true);
    expect(s.onScreen(0)).toBe(0);
  });

  test('property: under random floods, accepted per instant never exceeds the capacity predicted for it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 1500 }), n: fc.integer({ min: 0, max: 40 }), own: fc.boolean() }), {
          maxLength: 40,
        }),
        (steps) => {
          const s = stage({ ...FLY, area: 'half' });
          let now = 0;
          for (const step of steps) {
            now += step.dt;
            const cap = s.freeCapacity(now);
            expect(cap).toBeGreaterThanOrEqual(0);
            let others = 0;
            for (let i = 0; i < step.n; i++) if (s.push({ id: `${now}-${i}`, text: 'y'.repeat(1 + (i % 17)) }, now, true)) others++;
            expect(others).toBe(Math.min(cap, step.n));
            if (step.own) expect(s.push({ id: `own-${now}`, text: 'mine', own: true }, now, true)).toBeTruthy();
          }
        },
      ),
    );
  });
});
