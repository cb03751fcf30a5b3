/**
 * The demo gift catalog and its assets: well-formed entries, an SVG per gift, and for type-3 gifts a
 * Lottie effect the light build can play (shape layers only, no images, no expressions), small and
 * 2–3 s long. That they actually render is checked in Chromium by test/e2e/gift-effects.e2e.test.ts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const publicDir = fileURLToPath(new URL('../../../demo/public/', import.meta.url));
const file = (url: string) => publicDir + url.replace(/^\//, '');

interface Gift {
  id: string;
  name: string;
  price: number;
  type: 1 | 2 | 3;
  image: string;
  effect?: string;
}
const catalog = JSON.parse(readFileSync(file('/gifts/catalog.json'), 'utf8')) as Gift[];

/** Walks any JSON value, calling `visit` on every object. */
function walk(v: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v && typeof v === 'object') {
    visit(v as Record<string, unknown>);
    Object.values(v).forEach((x) => walk(x, visit));
  }
}

describe('gift catalog', () => {
  it('has about eight well-formed gifts of every type', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(6);
    expect(new Set(catalog.map((g) => g.id)).size).toBe(catalog.length);
    for (const g of catalog) {
      expect(g.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(g.name.trim().length).toBeGreaterThan(0);
      expect(Number.isInteger(g.price) && g.price > 0).toBe(true);
      expect([1, 2, 3]).toContain(g.type);
      expect(g.image).toBe(`/gifts/${g.id}.svg`);
      if (g.type === 3) expect(g.effect).toBe(`/gifts/${g.id}.json`);
      else expect(g.effect).toBeUndefined();
    }
    expect(new Set(catalog.map((g) => g.type))).toEqual(new Set([1, 2, 3]));
  });

  it.each(catalog)('$id has a small SVG image without script', ({ image }) => {
    const svg = readFileSync(file(image), 'utf8');
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/<script|on[a-z]+=|href=/i);
    expect(statSync(file(image)).size).toBeLessThan(4_096);
  });

  it.each(catalog.filter((g) => g.effect))('$id effect is light-build Lottie: shapes only, < 60 KB, 2–3 s', ({ effect }) => {
    const path = file(effect as string);
    expect(existsSync(path)).toBe(true);
    expect(statSync(path).size).toBeLessThan(60 * 1024);
    const anim = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> & { layers: Array<Record<string, unknown>> };
    expect(anim.fr).toBe(30);
    const seconds = ((anim.op as number) - (anim.ip as number)) / (anim.fr as number);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThanOrEqual(3);
    expect([400, 720]).toContain(anim.w);
    expect(anim.h).toBe(anim.w);
    expect(anim.assets).toEqual([]);
    expect(anim.layers.length).toBeGreaterThan(0);
    expect(anim.layers.every((l) => l.ty === 4)).toBe(true);
    walk(anim, (o) => {
      // Expressions live in an "x" string on a property; the light build cannot run them.
      expect(typeof o.x === 'string').toBe(false);
      expect(o.ty === 'im' || o.ty === 2 || o.ty === 5).toBe(false);
    });
  });
});
