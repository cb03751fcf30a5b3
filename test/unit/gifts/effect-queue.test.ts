/**
 * The effect queue (src/gifts/effect-queue.ts): ranking (own, value, FIFO), the bound, overflow and
 * eviction counting — a table of scenarios plus fast-check properties over random offer/next runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEffectQueue, type EffectQueueItem } from '../../../src/gifts/effect-queue.ts';

interface Item extends EffectQueueItem {
  readonly id: string;
}
const item = (id: string, value: number, own = false): Item => ({ id, value, own });
const drain = (q: { next(): Item | undefined }): string[] => {
  const out: string[] = [];
  for (let i = q.next(); i; i = q.next()) out.push(i.id);
  return out;
};

describe('effect queue', () => {
  it.each([
    ['FIFO among equals', [item('a', 5), item('b', 5), item('c', 5)], ['a', 'b', 'c']],
    ['higher value first', [item('a', 5), item('b', 500), item('c', 50)], ['b', 'c', 'a']],
    ['own first, whatever the value', [item('a', 5000), item('b', 1, true), item('c', 0, true)], ['b', 'c', 'a']],
    ['unknown gifts (value 0) last, FIFO', [item('a', 0), item('b', 10), item('c', 0)], ['b', 'a', 'c']],
    ['non-finite or negative values count as 0', [item('a', Number.NaN), item('b', -5), item('c', 1)], ['c', 'a', 'b']],
  ])('%s', (_, offers, order) => {
    const q = createEffectQueue<Item>({ bound: 10 });
    for (const o of offers) expect(q.offer(o)).toBe('queued');
    expect(drain(q)).toEqual(order);
    expect(q.stats()).toMatchObject({ offered: offers.length, overflow: 0, taken: offers.length, size: 0 });
  });

  it('overflows an offer that ranks no better than the worst waiting one', () => {
    const q = createEffectQueue<Item>({ bound: 2 });
    q.offer(item('a', 10));
    q.offer(item('b', 10));
    expect(q.offer(item('c', 10))).toBe('overflow'); // FIFO: the newcomer loses a tie
    expect(q.offer(item('d', 1))).toBe('overflow');
    expect(q.stats()).toMatchObject({ size: 2, overflow: 2, evicted: 0 });
    expect(drain(q)).toEqual(['a', 'b']);
  });

  it('a better offer evicts the worst waiting item, which is reported and counted', () => {
    const evicted: string[] = [];
    const q = createEffectQueue<Item>({ bound: 2, onEvict: (i) => evicted.push(i.id) });
    q.offer(item('a', 10));
    q.offer(item('b', 5));
    expect(q.offer(item('c', 100))).toBe('queued');
    expect(q.offer(item('mine', 0, true))).toBe('queued');
    expect(evicted).toEqual(['b', 'a']);
    expect(q.stats()).toMatchObject({ size: 2, overflow: 2, evicted: 2 });
    expect(drain(q)).toEqual(['mine', 'c']);
  });

  it('own gifts overflow only when the queue is all own gifts', () => {
    const q = createEffectQueue<Item>({ bound: 2 });
    q.offer(item('o1', 1, true));
    q.offer(item('o2', 1, true));
    expect(q.offer(item('o3', 999, true))).toBe('queued'); // higher value among own still wins a place
    expect(q.offer(item('o4', 0, true))).toBe('overflow');
    expect(drain(q)).toEqual(['o3', 'o1']);
  });

  it('has a bound of 5 by default (at least 1), and clear() empties without counting overflow', () => {
    const q = createEffectQueue<Item>();
    for (let i = 0; i < 8; i++) q.offer(item(`g${i}`, 1));
    expect(q.stats()).toMatchObject({ size: 5, bound: 5, overflow: 3 });
    expect(q.peek()?.id).toBe('g0');
    expect(q.items().map((i) => i.id)).toEqual(['g0', 'g1', 'g2', 'g3', 'g4']);
    expect(q.clear()).toHaveLength(5);
    expect(q.size).toBe(0);
    expect(q.stats().overflow).toBe(3);
    expect(createEffectQueue<Item>({ bound: 0 }).stats().bound).toBe(1);
  });

  type Op = { next: true } | { offer: { value: number; own: boolean } };
  const ops = fc.array(
    fc.oneof(
      fc.constant<Op>({ next: true }),
      fc
        .record({ value: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 1e6 })), own: fc.boolean() })
        .map((o): Op => ({ offer: o })),
    ),
    { maxLength: 80 },
  );

  it('property: never more than the bound; own items never overflow while non-own ones wait', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), ops, (bound, run) => {
        const evicted: Item[] = [];
        const q = createEffectQueue<Item>({ bound, onEvict: (i) => evicted.push(i) });
        let n = 0;
        for (const op of run) {
          if ('next' in op) {
            q.next();
          } else {
            const it = item(`i${n++}`, op.offer.value, op.offer.own);
            const before = q.items();
            const result = q.offer(it);
            const waitingNonOwn = before.some((x) => !x.own);
            if (it.own && waitingNonOwn) expect(result).toBe('queued');
            // An eviction never takes an own item while a non-own one was waiting.
            for (const e of evicted.splice(0)) if (e.own) expect(waitingNonOwn).toBe(false);
          }
          expect(q.size).toBeLessThanOrEqual(bound);
        }
        const s = q.stats();
        expect(s.offered).toBe(s.size + s.taken + s.overflow);
      }),
    );
  });

  it('property: next() always hands out the best-ranked waiting item', () => {
    fc.assert(
      fc.property(ops, (run) => {
        const q = createEffectQueue<Item & { seq: number }>({ bound: 5 });
        let seq = 0;
        for (const op of run) {
          if ('offer' in op) {
            q.offer({ id: `i${seq}`, seq: seq++, ...op.offer });
            continue;
          }
          const waiting = q.items();
          const got = q.next();
          if (!got) {
            expect(waiting).toEqual([]);
            continue;
          }
          for (const w of waiting) {
            if (w === got) continue;
            const better =
              (w.own && !got.own) || (w.own === got.own && (w.value > got.value || (w.value === got.value && w.seq < got.seq)));
            expect(better).toBe(false);
          }
        }
      }),
    );
  });
});
