/**
 * `parseCatalog` / `createAssetGate` (src/gifts/gift-catalog.ts): bad entries are dropped and
 * counted, URLs are resolved and held to `https:`/same-origin, lookups work by id, name and asset
 * URL, and the allow-list admits exactly the catalog's assets and the configured origins.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAssetGate, giftEffectUrl, giftImageUrl, giftValue, parseCatalog } from '../../../src/gifts/gift-catalog.ts';
import type { GiftInfo } from '../../../src/protocol/index.ts';

const ORIGIN = 'http://127.0.0.1:8080';
const demo = JSON.parse(readFileSync(new URL('../../../demo/public/gifts/catalog.json', import.meta.url), 'utf8')) as unknown;
const gift = (over: Partial<GiftInfo> = {}): GiftInfo => ({ type: 3, name: 'Super Rocket', count: 1, units: '', ...over });

describe('parseCatalog', () => {
  it('accepts the demo catalog whole, resolving root-relative URLs against the page origin', () => {
    const c = parseCatalog(demo, { origin: ORIGIN });
    expect(c.dropped).toBe(0);
    expect(c.gifts).toHaveLength(8);
    expect(c.byId('rocket')).toEqual({
      id: 'rocket',
      name: 'Super Rocket',
      price: 520,
      type: 3,
      image: `${ORIGIN}/gifts/rocket.svg`,
      effect: `${ORIGIN}/gifts/rocket.json`,
    });
  });

  const good = { id: 'g', name: 'G', image: 'https://cdn.example/g.png', price: 1, type: 2 };
  it.each([
    ['not an object', 'x'],
    ['null', null],
    ['missing id', { ...good, id: undefined }],
    ['id with spaces', { ...good, id: 'a b' }],
    ['empty name', { ...good, name: '   ' }],
    ['type 4', { ...good, type: 4 }],
    ['type as string', { ...good, type: '2' }],
    ['negative price', { ...good, price: -1 }],
    ['NaN price', { ...good, price: Number.NaN }],
    ['price as string', { ...good, price: '5' }],
    ['no image', { ...good, image: undefined }],
    ['javascript: image', { ...good, image: 'javascript:alert(1)' }],
    ['data: image', { ...good, image: 'data:image/png;base64,AAAA' }],
    ['http: foreign image', { ...good, image: 'http://cdn.example/g.png' }],
    ['credentials in URL', { ...good, image: 'https://u:p@cdn.example/g.png' }],
    ['unsafe effect', { ...good, type: 3, effect: 'http://evil.example/x.json' }],
  ])('drops an entry with %s', (_, entry) => {
    const c = parseCatalog([good, entry], { origin: ORIGIN });
    expect(c.gifts.map((g) => g.id)).toEqual(['g']);
    expect(c.dropped).toBe(1);
  });

  it('drops duplicate ids (first wins), counts a non-array as one drop, and caps entries', () => {
    const dup = parseCatalog([good, { ...good, name: 'Other' }]);
    expect(dup.gifts.map((g) => g.name)).toEqual(['G']);
    expect(dup.dropped).toBe(1);
    expect(parseCatalog({ gifts: [] }).dropped).toBe(1);
    const many = parseCatalog(
      Array.from({ length: 10 }, (_, i) => ({ ...good, id: `g${i}` })),
      { maxEntries: 3 },
    );
    expect(many.gifts).toHaveLength(3);
    expect(many.dropped).toBe(7);
  });

  it('cleans names (bidi overrides removed) and resolves relative URLs against baseUrl', () => {
    const c = parseCatalog([{ ...good, name: 'Ro\u202Ese', image: 'img/g.png' }], { baseUrl: 'https://cdn.example/shop/catalog.json' });
    expect(c.gifts[0]).toMatchObject({ name: 'Rose', image: 'https://cdn.example/shop/img/g.png' });
  });

  it('finds a message gift by giftId, else by name (any case), else by asset URL', () => {
    const c = parseCatalog(demo, { origin: ORIGIN });
    expect(c.find(gift({ giftId: 'castle', name: 'whatever' }))?.id).toBe('castle');
    expect(c.find(gift({ name: 'super rocket' }))?.id).toBe('rocket');
    expect(c.find(gift({ name: 'Renamed', effectUrl: '/gifts/fireworks.json' }))?.id).toBe('fireworks');
    expect(c.find(gift({ name: 'Renamed', imageUrl: `${ORIGIN}/gifts/crown.svg` }))?.id).toBe('crown');
    expect(c.find(gift({ name: 'Unknown', giftId: 'nope' }))).toBeUndefined();
  });

  it('values a gift as price × count, unknown gifts as 0', () => {
    const c = parseCatalog(demo, { origin: ORIGIN });
    expect(giftValue(c, gift({ giftId: 'rocket', count: 3 }))).toBe(1560);
    expect(giftValue(c, gift({ name: 'Mystery', count: 99 }))).toBe(0);
  });

  it('allowUrl: the catalog assets and configured origins, nothing else', () => {
    const c = parseCatalog(demo, { origin: ORIGIN, assetOrigins: ['https://cdn.example', 'http://insecure.example', 'not a url'] });
    expect(c.allowUrl(`${ORIGIN}/gifts/rocket.json`)).toBe(true);
    expect(c.allowUrl('/gifts/rocket.svg')).toBe(true);
    expect(c.allowUrl(`${ORIGIN}/gifts/secret.json`)).toBe(false); // same origin, but not in the catalog
    expect(c.allowUrl('https://cdn.example/any/effect.json')).toBe(true);
    expect(c.allowUrl('http://insecure.example/x.json')).toBe(false); // http origins are refused
    expect(c.allowUrl('https://evil.example/x.json')).toBe(false);
    expect(c.allowUrl('https://user:pw@cdn.example/x.json')).toBe(false);
  });
});

describe('createAssetGate', () => {
  const catalog = parseCatalog(demo, { origin: ORIGIN });

  it('answers absolute URLs for allowed assets, undefined for the rest', () => {
    const gate = createAssetGate({ origin: ORIGIN, catalog });
    expect(gate('/gifts/rocket.json')).toBe(`${ORIGIN}/gifts/rocket.json`);
    expect(gate('https://evil.example/x.json')).toBeUndefined();
    expect(gate('javascript:alert(1)')).toBeUndefined();
    expect(gate(42)).toBeUndefined();
    expect(gate(undefined)).toBeUndefined();
  });

  it('adds the host allow-list, still only for https: or same-origin, and survives a throwing hook', () => {
    const gate = createAssetGate({
      origin: ORIGIN,
      catalog,
      allowUrl: (u) => u.startsWith('https://kit.example/') || u.startsWith('http://'),
    });
    expect(gate('https://kit.example/a.json')).toBe('https://kit.example/a.json');
    expect(gate('http://kit.example/a.json')).toBeUndefined();
    const throwing = createAssetGate({
      origin: ORIGIN,
      allowUrl: () => {
        throw new Error('host bug');
      },
    });
    expect(throwing('https://kit.example/a.json')).toBeUndefined();
  });

  it('refuses root-relative URLs when it does not know the page origin', () => {
    expect(createAssetGate({ allowUrl: () => true })('/gifts/rocket.json')).toBeUndefined();
  });

  it('picks the message asset when allowed, else the catalog one', () => {
    const gate = createAssetGate({ origin: ORIGIN, catalog, allowUrl: (u) => u.startsWith('https://kit.example/') });
    const entry = catalog.byId('rocket');
    const own = gift({ imageUrl: 'https://kit.example/r.png', effectUrl: 'https://kit.example/r.json' });
    expect(giftImageUrl(gate, own, entry)).toBe('https://kit.example/r.png');
    expect(giftEffectUrl(gate, own, entry)).toBe('https://kit.example/r.json');
    const foreign = gift({ imageUrl: 'https://evil.example/r.png', effectUrl: 'https://evil.example/r.json' });
    expect(giftImageUrl(gate, foreign, entry)).toBe(`${ORIGIN}/gifts/rocket.svg`);
    expect(giftEffectUrl(gate, foreign, entry)).toBe(`${ORIGIN}/gifts/rocket.json`);
    expect(giftEffectUrl(gate, foreign, undefined)).toBeUndefined();
  });
});
