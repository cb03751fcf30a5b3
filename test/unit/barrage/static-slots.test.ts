import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { StaticSlots } from '../../../src/barrage/static-slots.ts';

describe('StaticSlots (reduced motion)', () => {
  test('shows at most `slots` items at once, each for the dwell time', () => {
    const s = new StaticSlots({ slots: 3, dwellMs: 4000 });
    expect([0, 1, 2].map(() => s.tryPlace(0)?.slot)).toEqual([0, 1, 2]);
    expect(s.tryPlace(0)).toBeNull();
    expect(s.freeCapacity(3999)).toBe(0);
    expect(s.nextFreeAt(0)).toBe(4000);
    expect(s.freeCapacity(4000)).toBe(3);
  });

  test('own items wait for the slot that frees first, never dropped', () => {
    const s = new StaticSlots({ slots: 2, dwellMs: 4000 });
    s.tryPlace(0);
    s.tryPlace(1000);
    expect(s.tryPlace(1500, { own: true })).toEqual({ slot: 0, startAt: 4000, endAt: 8000, delayed: true });
  });

  test('no slots: nothing placed', () => {
    const s = new StaticSlots({ slots: 0, dwellMs: 4000 });
    expect(s.tryPlace(0, { own: true })).toBeNull();
    expect(s.freeCapacity(0)).toBe(0);
  });

  test('property: visible items never exceed the slot count and no slot holds two at once', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ dt: fc.integer({ min: 0, max: 3000 }), own: fc.boolean() }), { maxLength: 80 }), (steps) => {
        const s = new StaticSlots({ slots: 3, dwellMs: 4000 });
        const shown: { slot: number; startAt: number; endAt: number }[] = [];
        let now = 0;
        for (const step of steps) {
          now += step.dt;
          const cap = s.freeCapacity(now);
          const p = s.tryPlace(now, { own: step.own });
          if (step.own) expect(p).not.toBeNull();
          if (!step.own) expect(p !== null).toBe(cap > 0);
          if (p) shown.push(p);
        }
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i]!;
            const b = shown[j]!;
            if (a.slot === b.slot) expect(b.startAt >= a.endAt || a.startAt >= b.endAt).toBe(true);
          }
      }),
    );
  });
});
