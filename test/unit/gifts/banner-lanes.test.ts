/**
 * The banner lane model (src/gifts/banner-lanes.ts): a key gets one lane and grows in place, a
 * banner lives `holdMs` after its last update, lanes are never over-filled, waiting is bounded with
 * own gifts first, stale waiters are dropped, and one lane in narrow layouts — plus a fast-check
 * property over random update/tick runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBannerLanes, type BannerUpdate } from '../../../src/gifts/banner-lanes.ts';

const up = (key: string, total = 1, own = false): BannerUpdate<string> => ({ key, total, own, payload: key });

describe('banner lanes', () => {
  it('shows a new key in the first free lane and grows it in place', () => {
    const l = createBannerLanes<string>();
    expect(l.update(up('a', 1), 0)).toEqual([{ type: 'show', lane: 0, key: 'a', total: 1, payload: 'a' }]);
    expect(l.update(up('b', 1), 10)).toEqual([{ type: 'show', lane: 1, key: 'b', total: 1, payload: 'b' }]);
    expect(l.update(up('a', 3), 20)).toEqual([{ type: 'grow', lane: 0, key: 'a', total: 3, payload: 'a' }]);
    expect(l.update(up('a', 3), 30)).toEqual([]); // same count: life extended, nothing to redraw
    expect(l.stats()).toMatchObject({ active: 2, shown: 2, grown: 1, waiting: 0, dropped: 0 });
  });

  it('keeps a banner holdMs after its last update, then frees the lane for the next waiting one', () => {
    const l = createBannerLanes<string>({ holdMs: 3000 });
    l.update(up('a'), 0);
    l.update(up('b'), 0);
    expect(l.update(up('c'), 100)).toEqual([]); // both lanes busy: c waits
    expect(l.stats().waiting).toBe(1);
    l.update(up('a', 2), 2000); // a now lives until 5000
    expect(l.nextDeadline()).toBe(3000);
    expect(l.tick(2999)).toEqual([]);
    expect(l.tick(3000)).toEqual([
      { type: 'hide', lane: 1, key: 'b' },
      { type: 'show', lane: 1, key: 'c', total: 1, payload: 'c' },
    ]);
    expect(l.nextDeadline()).toBe(5000);
    expect(l.tick(6000).map((c) => c.type)).toEqual(['hide', 'hide']);
    expect(l.nextDeadline()).toBeUndefined();
  });

  it('a waiting banner takes updates of its key (shows with the latest count)', () => {
    const l = createBannerLanes<string>({ lanes: 1 });
    l.update(up('a'), 0);
    l.update(up('b', 1), 0);
    l.update(up('b', 7), 500);
    expect(l.tick(3000)).toContainEqual({ type: 'show', lane: 0, key: 'b', total: 7, payload: 'b' });
  });

  it('bounds waiting: drops are counted; an own gift takes the place of the newest non-own waiter', () => {
    const l = createBannerLanes<string>({ lanes: 1, waitBound: 2 });
    l.update(up('on-screen'), 0);
    l.update(up('w1'), 0);
    l.update(up('w2'), 0);
    l.update(up('w3'), 0); // no place
    expect(l.stats()).toMatchObject({ waiting: 2, dropped: 1 });
    l.update(up('mine', 1, true), 0); // evicts w2
    expect(l.stats()).toMatchObject({ waiting: 2, dropped: 2 });
    const shown: string[] = [];
    for (let t = 3000; t <= 12000; t += 3000) for (const c of l.tick(t)) if (c.type === 'show') shown.push(c.key);
    expect(shown).toEqual(['mine', 'w1']);
  });

  it('drops a waiter that has not been updated for staleMs instead of showing it late', () => {
    const l = createBannerLanes<string>({ lanes: 1, staleMs: 2000, holdMs: 3000 });
    l.update(up('a'), 0);
    l.update(up('old'), 0);
    l.update(up('fresh'), 2500);
    expect(l.tick(3000)).toEqual([
      { type: 'hide', lane: 0, key: 'a' },
      { type: 'show', lane: 0, key: 'fresh', total: 1, payload: 'fresh' },
    ]);
    expect(l.stats().dropped).toBe(1);
  });

  it('one lane in narrow layouts: a switched-off lane drains, then stays empty; two lanes again fill at once', () => {
    const l = createBannerLanes<string>();
    l.update(up('a'), 0);
    l.update(up('b'), 1000);
    expect(l.setLanes(1, 1500)).toEqual([]);
    l.update(up('c'), 1600); // waits: lane 0 busy, lane 1 switched off
    expect(l.stats()).toMatchObject({ lanes: 1, active: 2, waiting: 1 });
    expect(l.tick(3000)).toEqual([
      { type: 'hide', lane: 0, key: 'a' },
      { type: 'show', lane: 0, key: 'c', total: 1, payload: 'c' },
    ]);
    expect(l.tick(4000)).toEqual([{ type: 'hide', lane: 1, key: 'b' }]);
    l.update(up('d'), 4100);
    expect(l.stats()).toMatchObject({ active: 1, waiting: 1 });
    expect(l.setLanes(2, 4200)).toEqual([{ type: 'show', lane: 1, key: 'd', total: 1, payload: 'd' }]);
  });

  it('clear() hides everything and forgets waiters', () => {
    const l = createBannerLanes<string>({ lanes: 1 });
    l.update(up('a'), 0);
    l.update(up('b'), 0);
    expect(l.clear()).toEqual([{ type: 'hide', lane: 0, key: 'a' }]);
    expect(l.stats()).toMatchObject({ active: 0, waiting: 0 });
    expect(l.nextDeadline()).toBeUndefined();
  });

  it('property: never more banners than lanes in use, one banner per key, waiting within its bound', () => {
    type Op =
      | { kind: 'update'; key: number; total: number; own: boolean; dt: number }
      | { kind: 'tick'; dt: number }
      | { kind: 'lanes'; n: number; dt: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('update' as const),
        key: fc.integer({ min: 0, max: 6 }),
        total: fc.integer({ min: 1, max: 99 }),
        own: fc.boolean(),
        dt: fc.integer({ min: 0, max: 1500 }),
      }),
      fc.record({ kind: fc.constant('tick' as const), dt: fc.integer({ min: 0, max: 4000 }) }),
      fc.record({ kind: fc.constant('lanes' as const), n: fc.integer({ min: 1, max: 2 }), dt: fc.integer({ min: 0, max: 500 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (ops, waitBound) => {
        const l = createBannerLanes<string>({ waitBound });
        const onScreen = new Map<string, number>(); // key → lane, rebuilt from the changes alone
        let lanes = 2;
        let now = 0;
        for (const o of ops) {
          now += o.dt;
          const changes =
            o.kind === 'update' ? l.update(up(`k${o.key}`, o.total, o.own), now) : o.kind === 'tick' ? l.tick(now) : l.setLanes(o.n, now);
          if (o.kind === 'lanes') lanes = o.n;
          for (const c of changes) {
            if (c.type === 'hide') {
              expect(onScreen.get(c.key)).toBe(c.lane);
              onScreen.delete(c.key);
            } else if (c.type === 'show') {
              expect(onScreen.has(c.key)).toBe(false);
              expect(c.lane).toBeLessThan(lanes); // new banners only in lanes in use
              expect([...onScreen.values()]).not.toContain(c.lane);
              onScreen.set(c.key, c.lane);
            } else expect(onScreen.get(c.key)).toBe(c.lane);
          }
          const s = l.stats();
          expect(s.active).toBe(onScreen.size);
          expect(s.active).toBeLessThanOrEqual(2);
          expect(s.waiting).toBeLessThanOrEqual(waitBound);
          expect(
            l
              .active()
              .map((a) => a.key)
              .sort(),
          ).toEqual([...onScreen.keys()].sort());
        }
      }),
    );
  });
});
