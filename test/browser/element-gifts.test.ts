/**
 * Gifts inside the element (issue #5): the panel, merged taps (99 rapid taps → 5 requests), presets
 * (one request), the cancelable `lcr-gift-request`, the local echo only once billed, banners and
 * effects from the room, `playEffect`, and teardown of a playing effect on disconnect.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { giftResources } from '../../src/gifts/index.ts';
import { CMD } from '../../src/protocol/index.ts';
import {
  $,
  $$,
  billedGift,
  CATALOG,
  chatLines,
  customMessage,
  giftsOf,
  ME,
  mount,
  resetPage,
  stubGiftEndpoint,
  textMessage,
  until,
} from './element-helpers.ts';

let stub: ReturnType<typeof stubGiftEndpoint> | undefined;
afterEach(() => {
  stub?.restore();
  stub = undefined;
  resetPage();
});

async function mountWithGifts(answer?: Parameters<typeof stubGiftEndpoint>[0]) {
  stub = stubGiftEndpoint(answer);
  const m = await mount({ userId: ME.id, props: { gifts: CATALOG as never, giftEndpoint: '/bill' } });
  return m;
}

/** A text from another viewer, shown once the room processed everything pushed before it. */
async function marker(el: HTMLElement, transport: { push(m: unknown): void }, text = 'marker'): Promise<void> {
  transport.push(textMessage('fan', text));
  await until(() => chatLines(el).some((l) => l.includes(text)));
}

async function openPanel(el: HTMLElement): Promise<void> {
  $<HTMLButtonElement>(el, '[part~="gift-button"]')!.click();
  await until(() => $(el, '[part~="gift-panel"]') !== null);
}

/** Through the panel: choose a gift, a preset count, and send. */
async function sendPreset(el: HTMLElement & { updateComplete: Promise<unknown> }, gift: string, count: string): Promise<void> {
  await openPanel(el);
  tile(el, gift).click();
  await el.updateComplete;
  $$<HTMLButtonElement>(el, '[part~="gift-count"]')
    .find((b) => b.textContent?.trim() === count)!
    .click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, '[part~="gift-send"]')!.click();
}

function tile(el: HTMLElement, name: string): HTMLButtonElement {
  return $$<HTMLButtonElement>(el, '[part~="gift-tile"]').find((b) => b.textContent?.includes(name))!;
}

describe('element gifts', () => {
  it('99 rapid taps on send (count 1) → 5 billing requests summing to 99', async () => {
    const { el } = await mountWithGifts();
    await openPanel(el);
    tile(el, 'Rose').click();
    await el.updateComplete;
    const send = $<HTMLButtonElement>(el, '[part~="gift-send"]')!;
    for (let i = 0; i < 99; i++) {
      send.click();
      await el.updateComplete; // each tap taken and rendered before the next
    }
    await until(() => stub!.requests.reduce((a, r) => a + (r.count as number), 0) === 99, 4000);
    expect(stub!.requests.length).toBe(5);
    expect(stub!.requests.map((r) => r.count)).toEqual([20, 20, 20, 20, 19]);
    expect(
      stub!.requests.every((r) => r.giftId === 'rose' && r.userID === ME.id && r.roomId === 'room-1' && typeof r.clientId === 'string'),
    ).toBe(true);
  });

  it('preset 99 → one request; the sender sees the gift at once, once', async () => {
    const { el } = await mountWithGifts();
    await sendPreset(el, 'Rose', '99');
    // The echo is shown once the batch was billed: by then every request the preset makes was made.
    await until(() => chatLines(el).some((l) => l.includes('Rose') && l.includes('99')));
    expect(stub!.requests.length).toBe(1);
    expect(stub!.requests[0]!.count).toBe(99);
    expect(chatLines(el).filter((l) => l.includes('Rose')).length).toBe(1);
  });

  it('the server copy of an own gift (same client id) is not shown twice', async () => {
    const { el, transport } = await mountWithGifts();
    const result = await el.sendGift('rose', 3);
    expect(result.ok).toBe(true);
    const cid = stub!.requests[0]!.clientId as string;
    // The room's copy, as the business server sends it once billed: trusted, naming the payer and
    // carrying the request's client id (an untrusted copy would be dropped whatever its id).
    const copy = billedGift(ME.id, {
      type: 1,
      giftUrl: '/demo/public/gifts/rose.svg',
      giftCount: 3,
      giftSEUrl: '',
      giftName: 'Rose',
      giftUnits: '',
    });
    transport.push({ ...copy, cloudCustomData: JSON.stringify({ lcr: { level: 1, cid } }) });
    // A later gift from someone else takes the same path: once it shows, the copy was handled.
    transport.push(billedGift('fan', { type: 1, giftUrl: '', giftCount: 1, giftSEUrl: '', giftName: 'Tulip', giftUnits: '' }));
    await until(() => chatLines(el).some((l) => l.includes('Tulip')));
    expect(chatLines(el).filter((l) => l.includes('Rose')).length).toBe(1);
  });

  it('a cancelled lcr-gift-request sends nothing and shows nothing', async () => {
    const { el, transport } = await mountWithGifts();
    const asked: unknown[] = [];
    el.addEventListener('lcr-gift-request', (e) => {
      asked.push(e.detail);
      e.preventDefault();
    });
    expect(await el.sendGift('crown', 2)).toEqual({ ok: false, reason: 'cancelled' });
    expect(asked).toMatchObject([{ giftId: 'crown', count: 2, gift: { price: 99, type: 2 }, userId: ME.id }]);
    await marker(el, transport);
    expect(stub!.requests).toEqual([]);
    expect(chatLines(el).some((l) => l.includes('Crown'))).toBe(false);
  });

  it('insufficient balance: clear inline error; nothing of the gift is shown', async () => {
    const { el, transport } = await mountWithGifts(() => ({ status: 402, body: { ok: false, error: 'insufficient-balance', balance: 3 } }));
    await sendPreset(el, 'Rose', '10');
    await until(() => $(el, '[part~="gift-error"]') !== null);
    expect($(el, '[part~="gift-error"]')!.textContent).toMatch(/balance/i);
    await marker(el, transport);
    expect(chatLines(el).some((l) => l.includes('Rose'))).toBe(false);
  });

  it('a network failure resolves with its reason; nothing throws', async () => {
    stub = stubGiftEndpoint();
    const { el } = await mount({ userId: ME.id, props: { gifts: CATALOG as never, giftEndpoint: 'https://billing.invalid/charge' } });
    const r = await el.sendGift('rose', 1);
    expect(r).toMatchObject({ ok: false, reason: 'network' });
  });

  it('room gifts: type 2 shows a banner with a growing combo; lcr-gift fires', async () => {
    const { el, transport } = await mountWithGifts();
    const gifts: string[] = [];
    el.addEventListener('lcr-gift', (e) => gifts.push(e.detail.gift.name));
    const crown = { type: 2, giftUrl: '/demo/public/gifts/crown.svg', giftCount: 1, giftSEUrl: '', giftName: 'Crown', giftUnits: '' };
    // The same gift claimed by a viewer's own client (not billed): shows nothing, counts a drop.
    transport.push(customMessage('mallory', CMD.gift, { ...crown, giftCount: 99 }));
    transport.push(billedGift('fan', crown));
    transport.push(billedGift('fan', crown));
    transport.push(billedGift('fan', { ...crown, giftCount: 3 }));
    await until(() => ($(el, '.gift-banners-host')?.textContent ?? '').includes('5'));
    expect($(el, '.gift-banners-host')!.textContent).toContain('Crown');
    expect($(el, '.gift-banners-host')!.textContent).toContain('fan');
    expect($(el, '.gift-banners-host')!.textContent).not.toContain('mallory');
    expect(gifts).toEqual(['Crown', 'Crown', 'Crown']);
  });

  it('playEffect plays; disconnecting during an effect destroys the Lottie instance', async () => {
    const { el } = await mountWithGifts();
    const done = el.playEffect('/demo/public/gifts/rocket.json');
    await until(() => giftResources().lottieInstances === 1, 8000);
    el.remove();
    await done;
    expect(giftResources().lottieInstances).toBe(0);
  });

  it('an effect from a foreign origin is never fetched; a still card is shown and nothing is thrown', async () => {
    const { el, transport } = await mountWithGifts();
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    transport.push(
      billedGift('fan', {
        type: 3,
        giftUrl: '/demo/public/gifts/heart.svg',
        giftCount: 1,
        giftSEUrl: 'https://evil.example/x.json',
        giftName: 'Mystery',
        giftUnits: '',
      }),
    );
    // The effect URL is refused before any fetch; a still card is shown instead.
    // (heart.svg is not in this catalog either, so the card shows the generic gift glyph.)
    await until(() => $(el, '.gift-effect-host .gift-effect-card') !== null, 4000);
    await until(() => (giftsOf(el).stats()!.effects.fallbacks['no-url'] ?? 0) === 1, 4000);
    expect(performance.getEntriesByType('resource').some((r) => r.name.includes('evil.example'))).toBe(false);
    expect(giftsOf(el).stats()!.effects.played).toBe(0);
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
  });

  it('a guest pressing the gift button is routed to login', async () => {
    stub = stubGiftEndpoint();
    const { el } = await mount({ props: { gifts: CATALOG as never, giftEndpoint: '/bill' } });
    const asked: string[] = [];
    el.addEventListener('lcr-login-request', (e) => asked.push(e.detail.reason));
    $<HTMLButtonElement>(el, '[part~="gift-button"]')!.click();
    await el.updateComplete;
    expect(asked).toEqual(['gift']);
    expect($(el, '[part~="gift-panel"]')).toBeNull();
  });

  it("gifts-src loads the catalog (read back as `catalog`) and never writes the host's `gifts`", async () => {
    const { el } = await mount({ userId: ME.id, attrs: { 'gifts-src': '/demo/public/gifts/catalog.json' } });
    await until(() => el.catalog.length > 0);
    expect(el.catalog.map((g) => g.id)).toContain('rocket');
    expect(el.gifts).toBeUndefined();
    expect($(el, '[part~="gift-button"]')).not.toBeNull();
  });

  it("the host's `gifts` win over gifts-src, at mount and when set later", async () => {
    const { el } = await mount({
      userId: ME.id,
      attrs: { 'gifts-src': '/demo/public/gifts/catalog.json' },
      props: { gifts: CATALOG.slice(0, 1) as never },
    });
    await until(() => el.catalog.length > 0);
    expect(el.catalog.map((g) => g.id)).toEqual([CATALOG[0]!.id]);
    el.gifts = CATALOG.slice(0, 2) as never;
    await until(() => el.catalog.length === 2);
    expect((el.gifts as readonly { id: string }[] | undefined)?.map((g) => g.id)).toEqual(CATALOG.slice(0, 2).map((g) => g.id));
    el.gifts = undefined; // unset: the catalog at gifts-src is loaded
    await until(() => el.catalog.some((g) => g.id === 'rocket') && el.catalog.length > 2);
  });
});

describe('element gifts, keyboard', () => {
  it('opening the panel focuses a gift; Escape closes it and focus returns to the gift button', async () => {
    stub = stubGiftEndpoint();
    const { el } = await mount({ userId: ME.id, props: { gifts: CATALOG as never, giftEndpoint: '/bill' } });
    const button = $<HTMLButtonElement>(el, '[part~="gift-button"]')!;
    button.click();
    await until(() => el.shadowRoot!.activeElement?.getAttribute('part')?.includes('gift-tile') === true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await until(() => $(el, '[part~="gift-panel"]') === null);
    await until(() => el.shadowRoot!.activeElement === $(el, '[part~="gift-button"]'));
  });
});
