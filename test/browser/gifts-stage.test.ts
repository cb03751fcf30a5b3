/**
 * The gift stage (src/gifts/gift-stage.ts) in real Chromium: type-2 → banner only, type-3 → banner
 * plus an effect (the real lottie build; a message's foreign effect URL is replaced by the catalog's,
 * never fetched), effects one at a time with own gifts first then value (a scripted lottie makes the
 * order observable), overflow stays banner-only, the host's playEffect jumps the queue, narrow =
 * one lane, and destroy() mid-effect leaves no node, timer, fetch or Lottie instance.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { createEffectCache } from '../../src/gifts/effect-cache.ts';
import type { GiftCatalog } from '../../src/gifts/gift-catalog.ts';
import { giftResources } from '../../src/gifts/gift-resources.ts';
import { createGiftStage, type GiftStage, type GiftStageOptions } from '../../src/gifts/gift-stage.ts';
import type { LottieLib } from '../../src/gifts/lottie-loader.ts';
import { comboRun, demoCatalog, giftEvent, mountStage, paintedShare, sender, unmountStages, type Stage } from './gifts-helpers.ts';

let catalog: GiftCatalog;
const stages: GiftStage[] = [];

beforeAll(async () => {
  await page.viewport(1000, 700);
  catalog = await demoCatalog();
});

afterEach(() => {
  for (const s of stages.splice(0)) s.destroy();
  unmountStages();
  expect(giftResources()).toEqual({ lottieInstances: 0, timers: 0, fetches: 0 });
});

function gifts(stage: Stage, options: Partial<GiftStageOptions> = {}): GiftStage {
  const s = createGiftStage({
    bannerHost: stage.banners,
    effectHost: stage.effects,
    catalog,
    effectCache: createEffectCache(),
    fallbackMs: 200,
    ...options,
  });
  stages.push(s);
  return s;
}

/** A scripted lottie: records what it was asked to play; the test completes animations itself. */
function scriptedLottie() {
  const played: Array<{ name: string; fire(event: string): void }> = [];
  const lib = {
    loadAnimation(params: { animationData: { nm: string } }) {
      const listeners = new Map<string, Array<() => void>>();
      const anim = {
        addEventListener(name: string, fn: () => void) {
          listeners.set(name, [...(listeners.get(name) ?? []), fn]);
          return () => undefined;
        },
        destroy() {},
      };
      played.push({ name: params.animationData.nm, fire: (e) => listeners.get(e)?.forEach((f) => f()) });
      return anim;
    },
  } as unknown as LottieLib;
  return { lib, played };
}

const bannerCount = (stage: Stage): number => stage.root.querySelectorAll('[part="gift-banner"]:not(.leaving)').length;

describe('gift stage', () => {
  it('type 2: a banner, no effect', async () => {
    const stage = mountStage();
    const s = gifts(stage);
    for (const c of comboRun(giftEvent({ name: 'Crown', giftId: 'crown', type: 2 }), [1, 1])) s.onCombo(c);
    expect(bannerCount(stage)).toBe(1);
    expect(s.stats().queue.offered).toBe(0);
    expect(stage.root.querySelector('.gift-effect-anim, .gift-effect-card')).toBeNull();
  });

  it('type 3: a banner and the full-screen effect; a foreign effect URL is replaced by the catalog one, never fetched', async () => {
    const stage = mountStage();
    const spy = vi.fn((u: string, init?: RequestInit) => fetch(u, init));
    const s = gifts(stage, { fetch: spy });
    s.onCombo(
      comboRun(
        giftEvent({ name: 'Super Rocket', type: 3, effectUrl: 'https://evil.example/r.json', imageUrl: 'https://evil.example/r.png' }),
        [1],
      )[0]!,
    );
    expect(bannerCount(stage)).toBe(1);
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    await expect.poll(() => paintedShare(stage.root.querySelector('.gift-effect-anim canvas')!), { timeout: 5000 }).toBeGreaterThan(0.01);
    await expect.poll(() => s.stats().effects.played, { timeout: 8000 }).toBe(1);
    expect(giftResources().lottieInstances).toBe(0);
    expect(spy.mock.calls.map(([u]) => u)).toEqual([`${location.origin}/demo/public/gifts/rocket.json`]);
  });

  it('one effect at a time: own gifts first, then higher value, FIFO among equals; one waiting effect per combo', async () => {
    const stage = mountStage();
    const { lib, played } = scriptedLottie();
    const s = gifts(stage, { loadLottie: async () => lib });
    const gift = (name: string, giftId: string, who: string, own = false, count = 1) =>
      comboRun(giftEvent({ name, giftId, type: 3, count }, sender(who, who), own), [count]);
    s.onCombo(gift('Super Rocket', 'rocket', 'first')[0]!); // plays at once
    await expect.poll(() => played.length).toBe(1);
    s.onCombo(gift('Super Rocket', 'rocket', 'cheap')[0]!); // 520
    s.onCombo(gift('Castle', 'castle', 'rich')[0]!); // 1314
    s.onCombo(gift('Super Rocket', 'rocket', 'me', true)[0]!); // own
    const burst = gift('Fireworks', 'fireworks', 'same', false, 1);
    s.onCombo(burst[0]!);
    s.onCombo({ ...burst[0]!, total: 2, hits: 2, first: false }); // same combo: merged, not queued twice
    expect(s.stats()).toMatchObject({ merged: 1, queue: { size: 4 } });
    expect(giftResources().lottieInstances).toBe(1);
    for (let i = 1; i <= 4; i++) {
      played[i - 1]!.fire('complete');
      await expect.poll(() => played.length).toBe(i + 1);
      expect(giftResources().lottieInstances).toBe(1);
    }
    // own rocket, then castle (1314), fireworks (999), rocket (520)
    expect(played.map((p) => p.name)).toEqual(['Super Rocket', 'Super Rocket', 'Castle', 'Fireworks', 'Super Rocket']);
    played[4]!.fire('complete');
    await expect.poll(() => s.stats().effects.busy).toBe(false);
    expect(s.stats().effects.played).toBe(5);
  });

  it('overflow beyond the queue bound stays banner-only, and is counted', async () => {
    const stage = mountStage();
    const { lib, played } = scriptedLottie();
    const s = gifts(stage, { loadLottie: async () => lib, queueBound: 2 });
    for (let i = 0; i < 6; i++)
      s.onCombo(comboRun(giftEvent({ name: 'Castle', giftId: 'castle', type: 3 }, sender(`v${i}`, `V${i}`)), [1])[0]!);
    await expect.poll(() => played.length).toBe(1);
    expect(s.stats().queue).toMatchObject({ size: 2, overflow: 3 });
    expect(s.stats().banners).toMatchObject({ active: 2, waiting: 4 });
  });

  it('the host playEffect(url) jumps the queue and resolves when it has played', async () => {
    const stage = mountStage();
    const { lib, played } = scriptedLottie();
    const s = gifts(stage, { loadLottie: async () => lib });
    s.onCombo(comboRun(giftEvent({ name: 'Castle', giftId: 'castle', type: 3 }), [1])[0]!);
    await expect.poll(() => played.length).toBe(1);
    s.onCombo(comboRun(giftEvent({ name: 'Super Rocket', giftId: 'rocket', type: 3 }, sender('o', 'O'), true), [1])[0]!);
    let resolved = false;
    const hostPlay = s.playEffect('/demo/public/gifts/fireworks.json').then(() => (resolved = true));
    played[0]!.fire('complete');
    await expect.poll(() => played.length).toBe(2);
    expect(played[1]!.name).toBe('Fireworks');
    expect(resolved).toBe(false);
    played[1]!.fire('complete');
    await hostPlay;
    await expect.poll(() => played.length).toBe(3);
    expect(played[2]!.name).toBe('Super Rocket');
  });

  it('narrow: one banner lane', () => {
    const stage = mountStage();
    const s = gifts(stage, { narrow: true });
    for (let i = 0; i < 3; i++) s.onCombo(comboRun(giftEvent({ name: 'Crown', type: 2 }, sender(`n${i}`, `N${i}`)), [1])[0]!);
    expect(bannerCount(stage)).toBe(1);
    s.setNarrow(false);
    expect(bannerCount(stage)).toBe(2);
  });

  it('reduced motion: the image card instead of the animation', async () => {
    const stage = mountStage();
    const s = gifts(stage, { reducedMotion: true });
    s.onCombo(comboRun(giftEvent({ name: 'Castle', giftId: 'castle', type: 3 }), [1])[0]!);
    await expect
      .poll(() => stage.root.querySelector<HTMLImageElement>('.gift-effect-card img')?.src)
      .toBe(`${location.origin}/demo/public/gifts/castle.svg`);
    expect(giftResources().lottieInstances).toBe(0);
    await expect.poll(() => s.stats().effects.fallbacks['reduced-motion']).toBe(1);
  });

  it('destroy() during an effect ends everything: no node, timer, fetch or Lottie instance; pending host plays settle', async () => {
    const stage = mountStage();
    const s = gifts(stage);
    s.onCombo(comboRun(giftEvent({ name: 'Fireworks', giftId: 'fireworks', type: 3 }), [1])[0]!);
    s.onCombo(comboRun(giftEvent({ name: 'Castle', giftId: 'castle', type: 3 }, sender('x', 'X')), [1])[0]!);
    const hostPlay = s.playEffect('/demo/public/gifts/rocket.json');
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    s.destroy();
    s.destroy();
    expect(giftResources()).toEqual({ lottieInstances: 0, timers: 0, fetches: 0 });
    expect(stage.banners.childElementCount + stage.effects.childElementCount).toBe(0);
    await hostPlay; // settles instead of hanging
    s.onCombo(comboRun(giftEvent({ name: 'Crown', type: 2 }), [1])[0]!);
    expect(stage.banners.childElementCount).toBe(0);
  });

  it('takes a screenshot of a banner and an effect together', async () => {
    const stage = mountStage();
    const s = gifts(stage);
    for (const c of comboRun(giftEvent({ name: 'Castle', giftId: 'castle', type: 3 }, sender('s1', 'Mina')), [1, 1, 1])) s.onCombo(c);
    for (const c of comboRun(giftEvent({ name: 'Crown', giftId: 'crown', type: 2 }, sender('s2', 'Leo')), [1, 2])) s.onCombo(c);
    await expect
      .poll(() => paintedShare(stage.root.querySelector('.gift-effect-anim canvas') ?? document.createElement('canvas')), { timeout: 5000 })
      .toBeGreaterThan(0.04);
    await page.screenshot({ element: stage.host, path: '__screenshots__/gift-stage.png' });
  });
});
