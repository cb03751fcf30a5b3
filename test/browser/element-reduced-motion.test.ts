/**
 * `prefers-reduced-motion: reduce`, emulated for real through the Chrome DevTools Protocol
 * (`cdp()` from vitest/browser → `Emulation.setEmulatedMedia`), so `matchMedia` and its change
 * events behave exactly as for a viewer who set the preference: barrage items stand still.
 * No media is needed: without a stream the player never reports, so the barrage is not paused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, page } from 'vitest/browser';
import type { InspectedItem } from '../../src/barrage/index.ts';
import type { BarrageView } from '../../src/testing.ts';
import { barrageOf, mount, nextFrame, resetPage, textMessage, until } from './element-helpers.ts';

const emulateReducedMotion = (reduce: boolean) =>
  cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: reduce ? 'reduce' : 'no-preference' }] });

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(async () => {
  resetPage();
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

/** Where each drawn item is, in two inspections 400 ms of stage time apart (many painted frames). */
async function positionsTwice(barrage: BarrageView): Promise<[Map<string, InspectedItem>, Map<string, InspectedItem>]> {
  const drawn = async () => {
    const inspection = await barrage.inspect();
    return { at: inspection.stageTime, items: new Map(inspection.items.filter((i) => i.started).map((i) => [i.id, i])) };
  };
  let first = await drawn();
  for (let tries = 0; first.items.size === 0 && tries < 100; tries++) first = await drawn(); // the painter's first frame
  let second = await drawn();
  for (let frame = 0; second.at - first.at < 400 && frame < 600; frame++) {
    await nextFrame();
    second = await drawn();
  }
  expect(second.at - first.at, 'the painter drew on for 400 ms of stage time').toBeGreaterThanOrEqual(400);
  return [first.items, second.items];
}

describe('reduced motion', () => {
  it('with the preference set before the room opens, items stand still', async () => {
    await emulateReducedMotion(true);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).toBe(true);
    const { el, transport } = await mount();
    await until(() => (barrageOf(el)?.stats().lanes ?? 0) > 0);
    const barrage = barrageOf(el)!;
    expect(barrage.stats().motion).toBe('static');
    for (let i = 0; i < 10; i++) transport.push(textMessage(`fan${i}`, `calm ${i}`));
    await until(() => (barrage.stats().onScreen ?? 0) > 0);
    const [first, second] = await positionsTwice(barrage);
    expect(first.size).toBeGreaterThan(0);
    for (const [id, a] of first) {
      const b = second.get(id);
      if (!b) continue; // its dwell ended in between
      expect({ x: b.x, y: b.y }).toEqual({ x: a.x, y: a.y });
    }
    expect([...first.keys()].some((id) => second.has(id))).toBe(true);
  });

  it('a preference changed while watching rebuilds the barrage: fly → static', async () => {
    const { el, transport } = await mount();
    await until(() => (barrageOf(el)?.stats().lanes ?? 0) > 0);
    expect(barrageOf(el)!.stats().motion).toBe('fly');
    transport.push(textMessage('a', 'flying'));
    await until(() => barrageOf(el)!.stats().onScreen > 0);
    // Control: in fly mode the same item moves left between inspections.
    const [before, after] = await positionsTwice(barrageOf(el)!);
    const moving = [...before].find(([id]) => after.has(id))!;
    expect(after.get(moving[0])!.x).toBeLessThan(moving[1].x - 10);

    await emulateReducedMotion(true);
    await until(() => barrageOf(el)?.stats().motion === 'static');
    transport.push(textMessage('b', 'standing'));
    await until(() => (barrageOf(el)?.stats().onScreen ?? 0) > 0);
    const [first, second] = await positionsTwice(barrageOf(el)!);
    const standing = [...first].find(([id]) => second.has(id))!;
    expect(standing).toBeDefined();
    expect(second.get(standing[0])!.x).toBe(standing[1].x);
  });
});
