import { describe, expect, test } from 'vitest';
import { FrequencyControl, type WirePriorityName } from '../../../demo/server/frequency-control.ts';
import { seeded } from './helpers.ts';

type Item = { id: number; p: WirePriorityName };

function run(fc: FrequencyControl<Item>, arrivals: (t: number) => Item[], ms: number, tickMs = 100) {
  const delivered: { t: number; item: Item }[] = [];
  const shed: Item[] = [];
  for (let t = 0; t < ms; t += tickMs) {
    for (const item of arrivals(t)) shed.push(...fc.offer(item, item.p, t));
    const r = fc.tick(t + tickMs - 1);
    shed.push(...r.shed);
    for (const item of r.deliver) delivered.push({ t: t + tickMs - 1, item });
  }
  return { delivered, shed };
}

describe('frequency control', () => {
  test('never more than `rate` deliveries in any sliding second; High first, all High delivered', () => {
    const fc = new FrequencyControl<Item>({ rate: 40, random: seeded(1) });
    let id = 0;
    // 400 msg/s: per 100 ms 40 messages, 2 of them High, the rest Normal/Low/Lowest.
    const priorityAt = (i: number): WirePriorityName => (i < 2 ? 'High' : i < 20 ? 'Normal' : i < 35 ? 'Low' : 'Lowest');
    const arrivals = () => Array.from({ length: 40 }, (_, i) => ({ id: ++id, p: priorityAt(i) }));
    const { delivered, shed } = run(fc, arrivals, 5000);
    for (const { t } of delivered) {
      expect(delivered.filter((d) => d.t > t - 1000 && d.t <= t).length).toBeLessThanOrEqual(40);
    }
    expect(delivered.length).toBeGreaterThanOrEqual(190); // ~40/s over 5 s
    const highs = delivered.filter((d) => d.item.p === 'High').length;
    expect(highs).toBe(100); // every High (2 per 100 ms for 5 s)
    expect(shed.some((s) => s.p === 'High')).toBe(false);
    expect(delivered.some((d) => d.item.p === 'Low' || d.item.p === 'Lowest')).toBe(false); // Normal outranks them
  });

  test('random among equals, deterministic for a seed', () => {
    const pick = (seed: number) => {
      const fc = new FrequencyControl<Item>({ rate: 10, tickMs: 1000, random: seeded(seed) });
      for (let i = 0; i < 100; i++) fc.offer({ id: i, p: 'Normal' }, 'Normal', 0);
      return fc.tick(0).deliver.map((d) => d.id);
    };
    expect(pick(7)).toEqual(pick(7));
    expect(pick(7)).not.toEqual(pick(8));
    expect(pick(7)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // not first-come
  });

  test('a burst the room can absorb (≤ rate) is delivered whole and in order', () => {
    const fc = new FrequencyControl<Item>({ rate: 40, random: seeded(4) });
    for (let i = 0; i < 30; i++) fc.offer({ id: i, p: 'Normal' }, 'Normal', 0);
    const out: number[] = [];
    for (let t = 100; t <= 1000; t += 100) out.push(...fc.tick(t).deliver.map((d) => d.id));
    expect(out).toEqual(Array.from({ length: 30 }, (_, i) => i));
  });

  test('under the rate everything is delivered on the next tick', () => {
    const fc = new FrequencyControl<Item>({ rate: 40, random: seeded(2) });
    for (let i = 0; i < 4; i++) fc.offer({ id: i, p: 'Low' }, 'Low', 0);
    expect(fc.tick(100).deliver).toHaveLength(4);
    expect(fc.pending).toBe(0);
  });

  test('ordinary messages wait at most holdMs, High up to highHoldMs; the pool is bounded', () => {
    const fc = new FrequencyControl<Item>({ rate: 1, tickMs: 100, holdMs: 300, highHoldMs: 2000, maxPending: 5, random: seeded(3) });
    fc.offer({ id: 1, p: 'High' }, 'High', 0);
    fc.offer({ id: 2, p: 'High' }, 'High', 0);
    fc.offer({ id: 3, p: 'Normal' }, 'Normal', 0);
    expect(fc.tick(0).deliver.map((d) => d.id)).toHaveLength(1);
    const later = fc.tick(400); // Normal waited 400 ms > 300: shed; the second High still waits
    expect(later.shed.map((d) => d.id)).toEqual([3]);
    expect(fc.tick(1000).deliver).toHaveLength(1); // the window has room again
    const overflow = [4, 5, 6, 7, 8, 9].flatMap((id) => fc.offer({ id, p: 'Lowest' }, 'Lowest', 1000));
    expect(overflow).toHaveLength(1);
    expect(fc.pending).toBe(5);
  });
});
