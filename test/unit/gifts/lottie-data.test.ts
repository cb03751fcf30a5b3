/**
 * `checkLottie` (src/gifts/lottie-data.ts): the demo effects pass; malformed JSON, non-Lottie JSON
 * and animations that would make lottie fetch by itself (image or font by URL) are refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLottie } from '../../../src/gifts/lottie-data.ts';

const read = (name: string) => readFileSync(new URL(`../../../demo/public/gifts/${name}`, import.meta.url), 'utf8');
const base = { v: '5.7.0', fr: 30, ip: 0, op: 60, w: 400, h: 400, layers: [{ ty: 4 }] };
const text = (o: unknown) => JSON.stringify(o);

describe('checkLottie', () => {
  it.each(['rocket.json', 'fireworks.json', 'castle.json'])('accepts the demo effect %s with its duration', (name) => {
    const r = checkLottie(read(name));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.durationMs).toBeGreaterThanOrEqual(2000);
      expect(r.durationMs).toBeLessThanOrEqual(3000);
    }
  });

  it('accepts a minimal animation and embedded images', () => {
    expect(checkLottie(text(base))).toMatchObject({ ok: true, durationMs: 2000 });
    expect(
      checkLottie(
        text({
          ...base,
          assets: [
            { id: 'i', e: 1, p: 'data:image/png;base64,AAAA' },
            { id: 'p', layers: [] },
          ],
        }),
      ).ok,
    ).toBe(true);
  });

  it.each([
    ['broken JSON', '{"v":', 'bad-json'],
    ['empty body', '', 'bad-json'],
    ['an array', '[1,2]', 'not-lottie'],
    ['a gift catalog', read('catalog.json'), 'not-lottie'],
    ['no layers', text({ ...base, layers: [] }), 'not-lottie'],
    ['op before ip', text({ ...base, op: 0, ip: 10 }), 'not-lottie'],
    ['zero frame rate', text({ ...base, fr: 0 }), 'not-lottie'],
    ['a huge canvas', text({ ...base, w: 100000 }), 'not-lottie'],
    ['ten minutes long', text({ ...base, op: 30 * 600 }), 'not-lottie'],
    ['assets not an array', text({ ...base, assets: {} }), 'not-lottie'],
    ['an image by URL', text({ ...base, assets: [{ id: 'i', u: 'https://evil.example/', p: 'x.png' }] }), 'unsafe'],
    ['a non-image data URL', text({ ...base, assets: [{ id: 'i', e: 1, p: 'data:text/html;base64,AAAA' }] }), 'unsafe'],
    ['a font by URL', text({ ...base, fonts: { list: [{ fName: 'x', fPath: 'https://evil.example/f.css' }] } }), 'unsafe'],
  ])('refuses %s', (_, body, reason) => {
    expect(checkLottie(body)).toEqual({ ok: false, reason });
  });
});
