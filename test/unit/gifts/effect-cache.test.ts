/** The effect data LRU (src/gifts/effect-cache.ts): bounded by entries and by bytes, recency kept. */
import { describe, expect, it } from 'vitest';
import { createEffectCache } from '../../../src/gifts/effect-cache.ts';

const entry = (bytes: number) => ({ data: { bytes }, bytes, durationMs: 1000 });

describe('effect cache', () => {
  it('evicts the least recently used past maxEntries', () => {
    const c = createEffectCache({ maxEntries: 2 });
    c.set('a', entry(1));
    c.set('b', entry(1));
    expect(c.get('a')).toBeDefined(); // a is now the most recent
    c.set('c', entry(1));
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBeDefined();
    expect(c.stats()).toEqual({ entries: 2, bytes: 2 });
  });

  it('evicts by bytes, never keeps an entry bigger than the budget, and replaces in place', () => {
    const c = createEffectCache({ maxEntries: 8, maxBytes: 100 });
    c.set('a', entry(40));
    c.set('b', entry(40));
    c.set('c', entry(40));
    expect(c.get('a')).toBeUndefined();
    expect(c.stats()).toEqual({ entries: 2, bytes: 80 });
    c.set('huge', entry(101));
    expect(c.get('huge')).toBeUndefined();
    c.set('b', entry(10));
    expect(c.stats()).toEqual({ entries: 2, bytes: 50 });
    c.clear();
    expect(c.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('defaults to 8 entries', () => {
    const c = createEffectCache();
    for (let i = 0; i < 12; i++) c.set(`u${i}`, entry(10));
    expect(c.stats().entries).toBe(8);
    expect(c.get('u3')).toBeUndefined();
    expect(c.get('u4')).toBeDefined();
  });
});
