/**
 * The effect player in real Chromium with the real lottie light canvas build: an effect plays
 * (canvas painted mid-animation, one Lottie instance, none after it completes); every failure —
 * 404, too large, malformed, not Lottie, foreign origin (never fetched), lottie failing to load, a
 * stalled server — shows the gift image instead and throws nothing; destroy() mid-effect destroys
 * the instance; reduced motion shows the card; cached data is cloned per play.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import { createEffectCache } from '../../src/gifts/effect-cache.ts';
import { createEffectPlayer, type EffectOutcome, type EffectPlayer, type EffectPlayerOptions } from '../../src/gifts/effect-player.ts';
import { createAssetGate } from '../../src/gifts/gift-catalog.ts';
import { giftResources } from '../../src/gifts/gift-resources.ts';
import { loadLottie, type LottieLib } from '../../src/gifts/lottie-loader.ts';
import { asset, demoCatalog, mountStage, paintedShare, unmountStages, type Stage } from './gifts-helpers.ts';

const TMP = 'test/browser/gifts-tmp';
let gate: (url: unknown) => string | undefined;
const players: EffectPlayer[] = [];
const errors: unknown[] = [];
const onError = (e: ErrorEvent | PromiseRejectionEvent): void => void errors.push('reason' in e ? e.reason : e.error);

beforeAll(async () => {
  await page.viewport(1000, 700);
  const catalog = await demoCatalog();
  gate = createAssetGate({ origin: location.origin, catalog, allowUrl: (u) => u.startsWith(`${location.origin}/${TMP}/`) });
  // A same-origin JSON larger than the 512 KB cap, served by the vitest server.
  await commands.writeFile(
    `${TMP}/big.json`,
    JSON.stringify({ fr: 30, ip: 0, op: 60, w: 10, h: 10, layers: [{ ty: 4, pad: 'x'.repeat(700 * 1024) }] }),
  );
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onError);
});

afterAll(async () => {
  removeEventListener('error', onError);
  removeEventListener('unhandledrejection', onError);
  await commands.removeFile(`${TMP}/big.json`);
});

afterEach(() => {
  for (const p of players.splice(0)) p.destroy();
  unmountStages();
  expect(giftResources()).toEqual({ lottieInstances: 0, timers: 0, fetches: 0 });
  expect(errors.splice(0)).toEqual([]);
});

function player(stage: Stage, options: EffectPlayerOptions = {}): EffectPlayer {
  const p = createEffectPlayer(stage.effects, { gate, cache: createEffectCache(), fallbackMs: 300, ...options });
  players.push(p);
  return p;
}

const canvasOf = (stage: Stage): HTMLCanvasElement | null => stage.root.querySelector('.gift-effect-anim canvas');
const card = (stage: Stage): HTMLElement | null => stage.root.querySelector('.gift-effect-card');

describe('a gift effect', () => {
  it('plays: the canvas is painted mid-animation, one Lottie instance, none once complete', async () => {
    const stage = mountStage();
    const p = player(stage);
    const done = p.play({ effectUrl: asset('rocket.json'), imageUrl: asset('rocket.svg'), glyph: true });
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    expect(p.busy).toBe(true);
    await expect.poll(() => paintedShare(canvasOf(stage)!), { timeout: 5000 }).toBeGreaterThan(0.01);
    expect(stage.root.querySelector('[part="gift-effect"]')).not.toBeNull();
    expect(await done).toEqual({ kind: 'played' });
    expect(giftResources().lottieInstances).toBe(0);
    expect(canvasOf(stage)).toBeNull();
    expect(card(stage)).toBeNull();
    expect(p.stats()).toMatchObject({ busy: false, played: 1 });
  });

  it('fetches once and clones the cached data for every play (lottie mutates what it plays)', async () => {
    const stage = mountStage();
    const spy = vi.fn((u: string, init?: RequestInit) => fetch(u, init));
    const cache = createEffectCache();
    const given: Array<Record<string, unknown>> = [];
    const lottie = await loadLottie();
    const recording: LottieLib = {
      loadAnimation: (params) => {
        given.push((params as { animationData: Record<string, unknown> }).animationData);
        return lottie.loadAnimation(params);
      },
    };
    const p = player(stage, { fetch: spy, cache, loadLottie: async () => recording });
    for (let i = 0; i < 2; i++) {
      const done = p.play({ effectUrl: asset('castle.json') });
      await expect.poll(() => paintedShare(canvasOf(stage) ?? document.createElement('canvas')), { timeout: 5000 }).toBeGreaterThan(0.01);
      expect(await done).toEqual({ kind: 'played' });
    }
    expect(spy).toHaveBeenCalledTimes(1);
    const cached = cache.get(asset('castle.json'))!.data;
    expect(given).toHaveLength(2);
    expect(given[0]).not.toBe(given[1]);
    expect(given).not.toContain(cached);
    // Lottie marks the data it prepared; the cached copy stays pristine for the next play.
    expect(given[0]!.__complete).toBe(true);
    expect(cached.__complete).toBeUndefined();
  });

  it('a newer play cancels the current one and destroys its instance', async () => {
    const stage = mountStage();
    const p = player(stage);
    const first = p.play({ effectUrl: asset('fireworks.json') });
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    const second = p.play({ effectUrl: asset('rocket.json') });
    expect(await first).toEqual({ kind: 'cancelled' });
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    expect(stage.root.querySelectorAll('.gift-effect-anim')).toHaveLength(1);
    p.stop();
    expect(await second).toEqual({ kind: 'cancelled' });
    expect(giftResources().lottieInstances).toBe(0);
  });

  it('destroy() during an effect destroys the Lottie instance and removes the layer', async () => {
    const stage = mountStage();
    const p = player(stage);
    const done = p.play({ effectUrl: asset('rocket.json') });
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    p.destroy();
    expect(giftResources().lottieInstances).toBe(0);
    expect(await done).toEqual({ kind: 'cancelled' });
    expect(stage.effects.childElementCount).toBe(0);
    p.destroy(); // idempotent
    expect(await p.play({ effectUrl: asset('rocket.json') })).toEqual({ kind: 'cancelled' });
  });

  it('takes a screenshot mid-play', async () => {
    const stage = mountStage(640, 360);
    const p = player(stage);
    const done = p.play({ effectUrl: asset('rocket.json') });
    await expect.poll(() => paintedShare(canvasOf(stage)!), { timeout: 5000 }).toBeGreaterThan(0.05);
    await page.screenshot({ element: stage.host, path: '__screenshots__/gift-effect.png' });
    await done;
  });
});

describe('every failure falls back to the gift image and throws nothing', () => {
  const cases: Array<[string, string, EffectOutcome]> = [
    ['404', `${TMP}/missing.json`, { kind: 'fallback', reason: 'http' }],
    ['too large', `${TMP}/big.json`, { kind: 'fallback', reason: 'too-large' }],
    ['malformed JSON (an SVG)', 'demo/public/gifts/rocket.svg', { kind: 'fallback', reason: 'bad-json' }],
    ['JSON that is not Lottie', 'demo/public/gifts/catalog.json', { kind: 'fallback', reason: 'not-lottie' }],
  ];

  it.each(cases)('%s', async (_, path, outcome) => {
    const stage = mountStage();
    const p = player(stage, { gate: (u) => (u === `${location.origin}/${path}` ? u : gate(u)) });
    const done = p.play({ effectUrl: `${location.origin}/${path}`, imageUrl: asset('rocket.svg'), glyph: true });
    await expect.poll(() => card(stage), { timeout: 5000 }).not.toBeNull();
    const img = card(stage)!.querySelector('img')!;
    expect(img.src).toBe(asset('rocket.svg'));
    expect(giftResources().lottieInstances).toBe(0);
    expect(await done).toEqual(outcome);
    expect(card(stage)).toBeNull();
  });

  it('a foreign origin is never fetched; a foreign image is not shown either (glyph)', async () => {
    const stage = mountStage();
    const spy = vi.fn((u: string, init?: RequestInit) => fetch(u, init));
    const p = player(stage, { fetch: spy });
    const done = p.play({ effectUrl: 'https://evil.example/x.json', imageUrl: 'https://evil.example/x.png', glyph: true });
    await expect.poll(() => card(stage)).not.toBeNull();
    expect(card(stage)!.querySelector('img')).toBeNull();
    expect(card(stage)!.textContent).toBe('🎁');
    expect(await done).toEqual({ kind: 'fallback', reason: 'not-allowed' });
    expect(spy).not.toHaveBeenCalled();
    expect(stage.root.innerHTML).not.toContain('evil.example');
  });

  it('lottie failing to load', async () => {
    const stage = mountStage();
    const p = player(stage, { loadLottie: () => Promise.reject(new Error('chunk blocked')) });
    const done = p.play({ effectUrl: asset('rocket.json'), imageUrl: asset('rocket.svg') });
    await expect.poll(() => card(stage)?.querySelector('img')?.src).toBe(asset('rocket.svg'));
    expect(await done).toEqual({ kind: 'fallback', reason: 'load-error' });
  });

  it('lottie throwing while loading the animation', async () => {
    const stage = mountStage();
    const p = player(stage, {
      loadLottie: async () => ({
        loadAnimation: () => {
          throw new Error('bad data');
        },
      }),
    });
    expect(await p.play({ effectUrl: asset('rocket.json'), glyph: true })).toEqual({ kind: 'fallback', reason: 'load-error' });
    expect(stage.root.querySelector('.gift-effect-anim')).toBeNull();
  });

  it('a server that never answers times out', async () => {
    const stage = mountStage();
    const p = player(stage, { fetch: () => new Promise<Response>(() => {}), timeoutMs: 50 });
    expect(await p.play({ effectUrl: asset('rocket.json'), imageUrl: asset('rocket.svg') })).toEqual({
      kind: 'fallback',
      reason: 'timeout',
    });
  });

  it('no effect URL and no image: nothing to show, resolves at once', async () => {
    const stage = mountStage();
    const p = player(stage);
    expect(await p.play({})).toEqual({ kind: 'fallback', reason: 'no-url' });
    expect(card(stage)).toBeNull();
  });
});

describe('reduced motion and the host path', () => {
  it('reduced motion: the image card (fade only), nothing fetched, no Lottie', async () => {
    const stage = mountStage();
    const spy = vi.fn((u: string, init?: RequestInit) => fetch(u, init));
    const p = player(stage, { fetch: spy, reducedMotion: true });
    const done = p.play({ effectUrl: asset('rocket.json'), imageUrl: asset('rocket.svg') });
    await expect.poll(() => card(stage)).not.toBeNull();
    expect(card(stage)!.classList.contains('reduced')).toBe(true);
    expect(getComputedStyle(card(stage)!).animationName).toBe('lcr-gift-card-fade');
    expect(await done).toEqual({ kind: 'fallback', reason: 'reduced-motion' });
    expect(spy).not.toHaveBeenCalled();
  });

  it('playEffect(url): any same-origin or https URL plays without the catalog; others are refused unfetched', async () => {
    const stage = mountStage();
    const spy = vi.fn((u: string, init?: RequestInit) => fetch(u, init));
    const p = player(stage, { gate: () => undefined, fetch: spy });
    const done = p.playEffect('/demo/public/gifts/fireworks.json');
    await expect.poll(() => giftResources().lottieInstances, { timeout: 5000 }).toBe(1);
    expect(await done).toEqual({ kind: 'played' });
    expect(await p.playEffect('http://evil.example/x.json')).toEqual({ kind: 'fallback', reason: 'not-allowed' });
    expect(await p.playEffect('javascript:alert(1)')).toEqual({ kind: 'fallback', reason: 'not-allowed' });
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
