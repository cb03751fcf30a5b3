/**
 * Barrage admission through the whole element (fake transport → pipeline → barrage) in real
 * Chromium, with a real stream playing so the barrage is not paused: the viewer's own message is
 * always shown while others are shed, and the element never pushes more than the lanes can take.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { laneMetrics } from '../../src/barrage/item-layout.ts';
import type { InspectedItem } from '../../src/barrage/index.ts';
import type { PipelineMetrics } from '../../src/pipeline/index.ts';
import {
  $,
  barrageOf,
  chatLines,
  lineWith,
  ME,
  mount,
  nextFrame,
  playerStateOf,
  presetBarrage,
  resetPage,
  textMessage,
  until,
  untilPlaying,
  VOD,
} from './element-helpers.ts';

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(resetPage);

describe('barrage admission under a flood', () => {
  it("shows the viewer's own message exactly once, in the chat and in the barrage, while others are shed", async () => {
    presetBarrage({ fontSize: 32, area: 'third' }); // few lanes: the flood cannot fit
    const { el, transport } = await mount({ userId: ME.id, attrs: { src: VOD, 'barrage-max-count': '500' } });
    await untilPlaying(el);
    const barrage = barrageOf(el)!;
    await until(() => barrage.stats().lanes > 0);
    const lanes = barrage.stats().lanes;
    expect(lanes).toBeLessThanOrEqual(3);
    const metrics: PipelineMetrics[] = [];
    el.addEventListener('lcr-metrics', (e) => metrics.push(e.detail));

    // One burst: 300 from others in one tick, the own message (the element's own send path)
    // right behind them, before the pipeline has drained any of it.
    for (let i = 0; i < 300; i++) transport.push(textMessage(`fan${i}`, `flood line ${i}`));
    const own = el.sendText('my own words');

    await until(() => chatLines(el).some((l) => l.includes('my own words')));
    expect(await own).toMatchObject({ ok: true });
    // The room's copy of the same message (same client id) arrives later: not a second line.
    const wire = transport.sent.find((w) => w.type === 'TIMTextElem')!;
    transport.push(textMessage(ME.id, 'my own words', { cloudCustomData: wire.cloudCustomData }));
    transport.push(textMessage('fan-last', 'after the echo'));
    await until(() => chatLines(el).some((l) => l.includes('after the echo')));

    expect(chatLines(el).filter((l) => l.includes('my own words'))).toHaveLength(1);
    const ownLine = lineWith(el, 'my own words')!;
    expect(ownLine.classList.contains('own')).toBe(true);
    expect(chatLines(el)).toHaveLength(302); // every line reached the chat: only the barrage sheds

    const inspection = await barrage.inspect();
    expect(inspection.items.map((i) => i.id)).toContain(ownLine.dataset.id);
    const stats = barrage.stats();
    expect(stats.placed).toBeGreaterThanOrEqual(1);
    expect(stats.pushed).toBeLessThan(100); // the flood was not pushed: the pipeline held and shed it
    expect(stats.rejected).toBe(0);
    // Others were shed (queue cap) and counted: the own message made it anyway.
    await until(() => metrics.some((m) => (m.droppedByPriority.normal ?? 0) > 0), 4000);
    expect(Math.max(...metrics.map((m) => m.droppedByPriority.normal))).toBeGreaterThan(100);
  });

  it('never has more on screen than the lanes allow, and pushes only what lanes can take (sampled every frame through a full crossing)', async () => {
    presetBarrage({ speed: 4 }); // fastest travel: one crossing takes ~4.5 s
    const { el, transport } = await mount({ attrs: { src: VOD } });
    await untilPlaying(el);
    const barrage = barrageOf(el)!;
    await until(() => barrage.stats().lanes > 0);
    const { lanes } = barrage.stats();
    const stageWidth = $(el, '.barrage')!.getBoundingClientRect().width;
    const { gap } = laneMetrics(barrage.settings().fontSize);

    let n = 0;
    const push = (count: number) => {
      for (let k = 0; k < count; k++, n++)
        transport.push(textMessage(`f${String(n).padStart(4, '0')}`, `hi ${String(n).padStart(4, '0')}`)); // ~equal widths
    };
    push(300);
    const onScreen: number[] = [];
    const widths: number[] = [];
    const overlaps: string[] = [];
    const inspections: Promise<void>[] = [];
    const checkLanes = (items: readonly InspectedItem[]) => {
      const byLane = new Map<number, InspectedItem[]>();
      for (const it of items) if (it.started) byLane.set(it.y, [...(byLane.get(it.y) ?? []), it]);
      for (const row of byLane.values()) {
        row.sort((a, b) => a.x - b.x);
        for (let i = 1; i < row.length; i++) {
          const a = row[i - 1]!;
          const b = row[i]!;
          if (b.x < a.x + a.width + gap - 1) overlaps.push(`${a.id}@${a.x.toFixed(1)}+${a.width} / ${b.id}@${b.x.toFixed(1)}`);
        }
      }
      widths.push(...items.map((i) => i.width));
      // One full crossing: every item of the first inspected wave has left the stage since.
      const ids = items.filter((i) => i.started).map((i) => i.id);
      if (!firstWave) firstWave = ids.length > 0 ? new Set(ids) : undefined;
      else if (!ids.some((id) => firstWave!.has(id))) crossed = true;
    };
    let firstWave: Set<string> | undefined;
    let crossed = false;
    // Until one crossing (travel time + item width) is over, so the lanes reach their steady fill.
    for (let frame = 0; !crossed; frame++) {
      if (frame > 60 * 30) throw new Error('the first wave never left the stage');
      await nextFrame();
      push(6); // ~360/s: far above what the lanes can take
      onScreen.push(barrage.stats().onScreen);
      if (frame % 10 === 0) inspections.push(barrage.inspect().then((r) => checkLanes(r.items)));
    }
    await Promise.all(inspections);
    const stats = barrage.stats();

    // The allocator's bound: in one lane, consecutive entries are ≥ (width + gap) apart and an item
    // stays on screen while it travels (stage width + its width), so a lane holds fewer than
    // 1 + (W + wMax) / (wMin + gap) items at once.
    const perLane = Math.ceil((stageWidth + Math.max(...widths)) / (Math.min(...widths) + gap));
    expect(onScreen.length).toBeGreaterThan(60);
    expect(Math.max(...onScreen)).toBeLessThanOrEqual(lanes * perLane);
    expect(overlaps).toEqual([]);
    expect(stats.placed).toBeGreaterThan(4 * lanes); // lanes freed and refilled all along
    expect(Math.max(...onScreen)).toBeGreaterThan(lanes * (perLane - 3)); // the bound is near what a full stage holds
    expect(stats.pushed).toBeLessThan(n / 4); // the pipeline held the flood back…
    expect(stats.rejected).toBe(0); // …and pushed only what the lanes could take
  });

  it('while the video is not playing the barrage is paused and the element pushes nothing to it', async () => {
    const { el, transport } = await mount();
    await until(() => (barrageOf(el)?.stats().lanes ?? 0) > 0);
    expect(barrageOf(el)!.freeCapacity()).toBeGreaterThan(0); // lanes were free before the pause
    // A live room whose stream has not started yet: the player waits, the barrage pauses.
    transport.emit({ kind: 'attributes', attributes: { state: 'live', streamUrl: '/demo/media/not-started.m3u8' } });
    await until(() => playerStateOf(el)?.status === 'waiting-for-stream', 10_000);
    await until(() => barrageOf(el)?.paused === true);
    for (let i = 0; i < 20; i++) transport.push(textMessage(`fan${i}`, `waiting ${i}`));
    await until(() => chatLines(el).length === 20);
    // Nothing pushed, so nothing refused and lost: the items wait in the pipeline (or go stale).
    expect(barrageOf(el)!.stats()).toMatchObject({ pushed: 0, rejected: 0, paused: true });
  });
});
