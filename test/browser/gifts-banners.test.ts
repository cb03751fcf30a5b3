/**
 * The gift banner renderer in real Chromium: a combo grows one banner ("×1" → "×3", with a bump)
 * instead of adding banners; hostile names stay literal text; images only from allowed URLs (else
 * the glyph); two lanes vs one; a banner leaves after its hold time; reduced motion fades only;
 * destroy() removes every node and timer.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { createGiftBanners, type GiftBanners, type GiftBannersOptions } from '../../src/gifts/gift-banners.ts';
import { createAssetGate, giftImageUrl, type GiftCatalog } from '../../src/gifts/gift-catalog.ts';
import { giftResources } from '../../src/gifts/gift-resources.ts';
import { animationsDone, asset, comboRun, demoCatalog, giftEvent, mountStage, sender, unmountStages, type Stage } from './gifts-helpers.ts';

let catalog: GiftCatalog;
const made: GiftBanners[] = [];

beforeAll(async () => {
  await page.viewport(1000, 700);
  catalog = await demoCatalog();
});

afterEach(() => {
  for (const b of made.splice(0)) b.destroy();
  unmountStages();
  expect(giftResources().timers).toBe(0);
});

function banners(stage: Stage, options: GiftBannersOptions = {}): GiftBanners {
  const gate = createAssetGate({ origin: location.origin, catalog });
  const b = createGiftBanners(stage.banners, { holdMs: 10_000, imageFor: (g) => giftImageUrl(gate, g, catalog.find(g)), ...options });
  made.push(b);
  return b;
}

const shown = (stage: Stage): HTMLElement[] => [...stage.root.querySelectorAll<HTMLElement>('[part="gift-banner"]:not(.leaving)')];
const countText = (el: HTMLElement): string | null | undefined => el.querySelector('.gift-banner-count')?.textContent;

describe('gift banners', () => {
  it('a combo grows one banner from ×1 to ×3, bumping the count, instead of adding banners', async () => {
    const stage = mountStage();
    const b = banners(stage);
    const [one, two, three] = comboRun(giftEvent({ name: 'Crown', giftId: 'crown', type: 2 }), [1, 1, 1]);
    b.push(one!);
    expect(shown(stage)).toHaveLength(1);
    expect(countText(shown(stage)[0]!)).toBe('×1');
    b.push(two!);
    b.push(three!);
    const list = shown(stage);
    expect(list).toHaveLength(1);
    expect(countText(list[0]!)).toBe('×3');
    const count = list[0]!.querySelector<HTMLElement>('.gift-banner-count')!;
    expect(count.getAnimations().length).toBeGreaterThan(0); // the bump
    expect(list[0]!.querySelector('.gift-banner-sender')?.textContent).toBe('Mina');
    expect(list[0]!.querySelector('.gift-banner-name')?.textContent).toBe('Crown');
    expect(list[0]!.querySelector<HTMLImageElement>('img.gift-banner-image')?.src).toBe(asset('crown.svg'));
    expect(b.stats()).toMatchObject({ shown: 1, grown: 2, active: 1 });
  });

  it('hostile gift names and nicks render as literal text', () => {
    const stage = mountStage();
    const b = banners(stage);
    const nick = '<img src=x onerror="window.__pwned=1">';
    const name = '<b>Free</b><script>window.__pwned=1</script>';
    b.push(comboRun(giftEvent({ name, type: 3 }, sender('h', nick)), [5])[0]!);
    const el = shown(stage)[0]!;
    expect(el.querySelector('.gift-banner-sender')?.textContent).toBe(nick);
    expect(el.querySelector('.gift-banner-name')?.textContent).toBe(name);
    expect(el.querySelector('.gift-banner-avatar')?.textContent).toBe('<');
    expect(el.querySelectorAll('b, script')).toHaveLength(0);
    expect(el.querySelectorAll('img')).toHaveLength(0); // unknown gift: glyph, and no avatar URL
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows an image only for an allowed URL: a foreign one becomes the catalog image or the glyph', () => {
    const stage = mountStage();
    const b = banners(stage);
    b.push(comboRun(giftEvent({ name: 'Sports Car', type: 2, imageUrl: 'https://evil.example/car.png' }), [1])[0]!);
    b.push(comboRun(giftEvent({ name: 'Mystery', type: 2, imageUrl: 'https://evil.example/m.png' }, sender('u2', 'Leo')), [1])[0]!);
    const [car, mystery] = shown(stage);
    expect(car!.querySelector<HTMLImageElement>('img.gift-banner-image')?.src).toBe(asset('car.svg'));
    expect(mystery!.querySelector('img')).toBeNull();
    expect(mystery!.querySelector('.gift-banner-glyph')?.textContent).toBe('🎁');
    expect(stage.root.innerHTML).not.toContain('evil.example');
  });

  it('two lanes by default, one when narrow: the rest wait, and a wider layout fills the free lane', () => {
    const stage = mountStage();
    const wide = banners(stage);
    for (const [i, nick] of ['Ann', 'Bo', 'Cy'].entries())
      wide.push(comboRun(giftEvent({ name: 'Crown', type: 2 }, sender(`w${i}`, nick)), [1])[0]!);
    const two = shown(stage);
    expect(two).toHaveLength(2);
    const [a, c] = two.map((el) => el.getBoundingClientRect().top);
    expect(c! - a!).toBeGreaterThanOrEqual(50); // stacked lanes, not overlapping
    expect(wide.stats()).toMatchObject({ lanes: 2, active: 2, waiting: 1 });
    wide.destroy();

    const narrow = banners(stage, { lanes: 1 });
    for (const [i, nick] of ['Ann', 'Bo', 'Cy'].entries())
      narrow.push(comboRun(giftEvent({ name: 'Crown', type: 2 }, sender(`n${i}`, nick)), [1])[0]!);
    expect(shown(stage)).toHaveLength(1);
    expect(narrow.stats()).toMatchObject({ lanes: 1, active: 1, waiting: 2 });
    narrow.setLanes(2);
    expect(shown(stage).map((el) => el.querySelector('.gift-banner-sender')?.textContent)).toEqual(['Ann', 'Bo']);
  });

  it('leaves after its hold time since the last update, then the next waiting banner shows', async () => {
    const stage = mountStage();
    const b = banners(stage, { lanes: 1, holdMs: 150 });
    b.push(comboRun(giftEvent({ name: 'Crown', type: 2 }), [1])[0]!);
    b.push(comboRun(giftEvent({ name: 'Crown', type: 2 }, sender('u9', 'Next')), [1])[0]!);
    expect(giftResources().timers).toBe(1); // one expiry timer, whatever the number of banners
    await expect
      .poll(() => shown(stage).map((el) => el.querySelector('.gift-banner-sender')?.textContent), { timeout: 3000 })
      .toEqual(['Next']);
    await expect.poll(() => b.stats().nodes, { timeout: 3000 }).toBe(0);
    expect(stage.banners.childElementCount).toBe(0);
    expect(giftResources().timers).toBe(0);
  });

  it('ignores type-1 gifts (they are inline in the chat)', () => {
    const stage = mountStage();
    const b = banners(stage);
    b.push(comboRun(giftEvent({ name: 'Rose', type: 1 }), [1])[0]!);
    expect(shown(stage)).toHaveLength(0);
  });

  it('reduced motion: fade only, no slide and no scale bump', () => {
    const stage = mountStage();
    const b = banners(stage, { reducedMotion: true });
    const [one, two] = comboRun(giftEvent({ name: 'Crown', type: 2 }), [1, 2]);
    b.push(one!);
    b.push(two!);
    const el = shown(stage)[0]!;
    expect(el.classList.contains('reduced')).toBe(true);
    expect(getComputedStyle(el).animationName).toBe('lcr-gift-fade-in');
    const bumps = el.querySelector<HTMLElement>('.gift-banner-count')!.getAnimations();
    const frames = bumps.flatMap((a) => (a.effect as KeyframeEffect).getKeyframes());
    expect(frames.some((f) => f.transform !== undefined)).toBe(false);
    b.setReducedMotion(false);
    expect(getComputedStyle(el).animationName).toBe('lcr-gift-slide-in');
  });

  it('destroy() removes every banner, the container class and the timers; it is idempotent', () => {
    const stage = mountStage();
    const b = banners(stage);
    for (let i = 0; i < 4; i++) b.push(comboRun(giftEvent({ name: 'Crown', type: 2 }, sender(`d${i}`, `D${i}`)), [1])[0]!);
    expect(stage.banners.classList.contains('gift-banners')).toBe(true);
    expect(giftResources().timers).toBeGreaterThan(0);
    b.destroy();
    b.destroy();
    expect(stage.banners.childElementCount).toBe(0);
    expect(stage.banners.classList.contains('gift-banners')).toBe(false);
    expect(giftResources().timers).toBe(0);
    b.push(comboRun(giftEvent({ name: 'Crown', type: 2 }), [1])[0]!);
    expect(stage.banners.childElementCount).toBe(0);
  });

  it('takes a screenshot of a banner combo', async () => {
    const stage = mountStage();
    const b = banners(stage);
    const rocket = comboRun(
      giftEvent({ name: 'Super Rocket', giftId: 'rocket', type: 3 }, sender('s1', 'Mina', { level: 24 })),
      [1, 1, 1, 2, 3],
    );
    const crown = comboRun(giftEvent({ name: 'Crown', giftId: 'crown', type: 2 }, sender('s2', '小龙'), true), [1, 1]);
    for (const c of rocket) b.push(c);
    for (const c of crown) b.push(c);
    await animationsDone(stage.root); // the slide-in and bumps are over
    await page.screenshot({ element: stage.host, path: '__screenshots__/gift-banner.png' });
    expect(shown(stage).map(countText)).toEqual(['×8', '×2']);
  });
});
