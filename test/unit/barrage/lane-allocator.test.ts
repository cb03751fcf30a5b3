import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { freeAt, LaneAllocator, laneCountFor, positionAt, type LaneGeometry, type Placement } from '../../../src/barrage/lane-allocator.ts';

const BASE: LaneGeometry = { width: 720, height: 405, laneHeight: 36, area: 'full', travelMs: 8000, gap: 24 };
const EPS = 1e-6;

describe('laneCountFor', () => {
  test.each([
    [405, 36, 'full', 11],
    [405, 36, 'half', 5],
    [405, 36, 'third', 3],
    [30, 36, 'full', 0], // not even one line fits
    [40, 36, 'third', 1], // one line fits the stage: at least one lane
    [0, 36, 'full', 0],
  ] as const)('height %d, lane %d, %s → %d lanes', (h, lane, area, n) => {
    expect(laneCountFor(h, lane, area)).toBe(n);
  });
});

describe('LaneAllocator, constant speed', () => {
  test('speed is stage width over travel time', () => {
    expect(new LaneAllocator(BASE).speed).toBeCloseTo(720 / 8000);
  });

  test('fills lanes top-down, then refuses, then reuses the first lane when its tail has entered', () => {
    const a = new LaneAllocator({ ...BASE, area: 'third' });
    expect(a.laneCount).toBe(3);
    const placed = [0, 1, 2].map(() => a.tryPlace(180, 0));
    expect(placed.map((p) => p?.lane)).toEqual([0, 1, 2]);
    expect(placed.map((p) => p?.y)).toEqual([0, 36, 72]);
    expect(a.tryPlace(50, 0)).toBeNull();
    expect(a.freeCapacity(0)).toBe(0);
    // Tail (180 px) plus gap (24 px) enter at 204 / 0.09 ms.
    const free = 204 / (720 / 8000);
    expect(a.nextFreeAt(0)).toBeCloseTo(free);
    expect(a.freeCapacity(free - 1)).toBe(0);
    expect(a.freeCapacity(free)).toBe(3);
    expect(a.tryPlace(300, free)?.lane).toBe(0);
  });

  test('an item entering is placed at the right edge and leaves after crossing width + own width', () => {
    const a = new LaneAllocator(BASE);
    const p = a.tryPlace(180, 1000)!;
    expect(p).toMatchObject({ lane: 0, x0: 720, startAt: 1000, width: 180, delayed: false });
    expect(p.exitAt).toBeCloseTo(1000 + (720 + 180) / (720 / 8000));
    expect(positionAt(p, p.exitAt) + p.width).toBeCloseTo(0);
  });

  test('own items are never refused: they take the lane that frees first and wait for it', () => {
    const a = new LaneAllocator({ ...BASE, area: 'third' });
    a.tryPlace(400, 0);
    a.tryPlace(100, 0); // lane 1 frees first
    a.tryPlace(300, 0);
    expect(a.tryPlace(80, 10)).toBeNull();
    const own = a.tryPlace(80, 10, { own: true })!;
    expect(own.lane).toBe(1);
    expect(own.delayed).toBe(true);
    expect(own.startAt).toBeCloseTo((100 + 24) / (720 / 8000));
    // The lane is now held by the waiting own item: nothing else slips in before it.
    expect(a.freeCapacity(own.startAt)).toBe(0);
  });

  test('own items take a free lane at once when there is one', () => {
    const a = new LaneAllocator(BASE);
    expect(a.tryPlace(80, 5, { own: true })).toMatchObject({ lane: 0, startAt: 5, delayed: false });
  });

  test('a faster newcomer (travel time shortened) waits until it can no longer catch the item ahead', () => {
    const a = new LaneAllocator({ ...BASE, area: 'third', travelMs: 16_000 });
    const slow = a.tryPlace(100, 0)!;
    a.configure({ travelMs: 4000 });
    const tailEntered = (100 + 24) / slow.speed;
    const t = a.nextFreeAt(0)!;
    expect(t).toBeGreaterThan(tailEntered);
    // At that moment it is free, and the newcomer just reaches `gap` when the slow one leaves.
    const fast = a.tryPlace(60, t)!;
    expect(fast.lane).toBe(0);
    expect(positionAt(fast, slow.exitAt)).toBeCloseTo(24);
  });

  test('a slower newcomer only needs the tail to have entered', () => {
    const prev = { x0: 720, startAt: 0, speed: 0.18, width: 100 };
    expect(freeAt(prev, 0.09, 720, 24)).toBeCloseTo(124 / 0.18);
  });

  test('resizing keeps occupants; a lane height change forgets them (the caller clears the stage)', () => {
    const a = new LaneAllocator({ ...BASE, area: 'third' });
    a.tryPlace(100, 0);
    a.configure({ height: 810 });
    expect(a.laneCount).toBe(7);
    expect(a.freeCapacity(0)).toBe(6);
    a.configure({ laneHeight: 30 });
    expect(a.freeCapacity(0)).toBe(a.laneCount);
  });

  test('shrinking the area and growing it back within a flight does not forget the hidden lanes', () => {
    const a = new LaneAllocator({ ...BASE, area: 'full' });
    for (let i = 0; i < 11; i++) a.tryPlace(200, 0);
    a.configure({ area: 'third' });
    a.configure({ area: 'full' });
    expect(a.freeCapacity(1)).toBe(0);
  });

  test('no width, no lanes: nothing is placed, not even own items', () => {
    const a = new LaneAllocator({ ...BASE, width: 0 });
    expect(a.laneCount).toBe(0);
    expect(a.tryPlace(10, 0, { own: true })).toBeNull();
    expect(a.freeCapacity(0)).toBe(0);
    expect(a.nextFreeAt(0)).toBeNull();
  });

  test('clear frees every lane', () => {
    const a = new LaneAllocator({ ...BASE, area: 'third' });
    for (let i = 0; i < 3; i++) a.tryPlace(300, 0);
    a.clear();
    expect(a.freeCapacity(0)).toBe(3);
  });
});

// ---- properties ---------------------------------------------------------------------------------

type Op =
  | { readonly kind: 'push'; readonly dt: number; readonly width: number; readonly own: boolean; readonly burst: number }
  | { readonly kind: 'travel'; readonly travelMs: number }
  | { readonly kind: 'stage'; readonly width: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('push' as const),
      dt: fc.integer({ min: 0, max: 3000 }),
      width: fc.integer({ min: 1, max: 900 }),
      own: fc.boolean(),
      burst: fc.integer({ min: 1, max: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('travel' as const), travelMs: fc.integer({ min: 4000, max: 16_000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stage' as const), width: fc.integer({ min: 200, max: 1600 }) }) },
);

/** Runs ops; checks capacity on the way; returns every placement. */
function run(ops: readonly Op[], area: LaneGeometry['area']): Placement[] {
  const a = new LaneAllocator({ ...BASE, area });
  const placed: Placement[] = [];
  let now = 0;
  for (const op of ops) {
    if (op.kind === 'travel') a.configure({ travelMs: op.travelMs });
    else if (op.kind === 'stage') a.configure({ width: op.width });
    else {
      now += op.dt;
      const capacity = a.freeCapacity(now);
      expect(capacity).toBeGreaterThanOrEqual(0);
      expect(capacity).toBeLessThanOrEqual(a.laneCount);
      let accepted = 0;
      for (let i = 0; i < op.burst; i++) {
        const p = a.tryPlace(op.width + i * 37, now, { own: op.own && i === 0 });
        if (op.own && i === 0) {
          expect(p).not.toBeNull(); // own: never dropped
          expect(p!.startAt).toBeGreaterThanOrEqual(now);
        }
        if (p) {
          placed.push(p);
          if (!p.delayed) accepted++;
        }
      }
      // Exactly the predicted number of items entered now (own items beyond it wait).
      expect(accepted).toBe(Math.min(capacity, op.burst));
    }
  }
  return placed;
}

/** b follows a in a lane: while a is on stage, b is entirely behind it. */
function assertBehind(a: Placement, b: Placement, samples: readonly number[]): void {
  const from = Math.max(a.startAt, b.startAt);
  const to = a.exitAt;
  if (to <= from) return; // a left before b started
  // d(t) = x_b − (x_a + w_a) is linear on [from, to]: its ends decide; samples show it too.
  for (const t of [from, to, ...samples.filter((s) => s > from && s < to)]) {
    expect(positionAt(b, t) - EPS).toBeGreaterThanOrEqual(positionAt(a, t) + a.width);
  }
}

describe('LaneAllocator properties', () => {
  test.each(['full', 'half', 'third'] as const)('no two items in a lane ever overlap (%s area)', (area) => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 40 }),
        (ops, samples) => {
          const placed = run(ops, area);
          const byLane = new Map<number, Placement[]>();
          for (const p of placed) byLane.set(p.lane, [...(byLane.get(p.lane) ?? []), p]);
          for (const lane of byLane.values()) {
            for (let i = 0; i < lane.length; i++) for (let j = i + 1; j < lane.length; j++) assertBehind(lane[i]!, lane[j]!, samples);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test('nextFreeAt is exactly when capacity next grows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ dt: fc.integer({ min: 0, max: 2000 }), width: fc.integer({ min: 1, max: 900 }) }), {
          minLength: 1,
          maxLength: 40,
        }),
        (steps) => {
          const a = new LaneAllocator({ ...BASE, area: 'half' });
          let now = 0;
          for (const s of steps) {
            now += s.dt;
            a.tryPlace(s.width, now);
            const cap = a.freeCapacity(now);
            const next = a.nextFreeAt(now);
            if (next === null) {
              expect(cap).toBe(a.laneCount);
              continue;
            }
            expect(next).toBeGreaterThan(now);
            expect(a.freeCapacity((now + next) / 2)).toBe(cap);
            expect(a.freeCapacity(next)).toBeGreaterThan(cap);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
