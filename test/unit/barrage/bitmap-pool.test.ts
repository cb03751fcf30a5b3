import { expect, test } from 'vitest';
import { BitmapPool, type Surface } from '../../../src/barrage/bitmap-pool.ts';

function fakeSurface(width: number, height: number): Surface {
  return { width, height } as unknown as Surface;
}

test('surfaces are reused when they fit, and sizes are rounded up for reuse', () => {
  const pool = new BitmapPool(fakeSurface, 4);
  const a = pool.acquire(100, 30);
  expect([a.width, a.height]).toEqual([128, 32]);
  pool.release(a);
  const b = pool.acquire(120, 28);
  expect(b).toBe(a);
  expect(pool.created).toBe(1);
  expect(pool.inUse).toBe(1);
});

test('a spare that is far too big is resized rather than wasted; too small is resized too', () => {
  const pool = new BitmapPool(fakeSurface, 4);
  const big = pool.acquire(2000, 200);
  pool.release(big);
  const small = pool.acquire(50, 20);
  expect(small).toBe(big);
  expect([small.width, small.height]).toEqual([64, 24]);
  pool.release(small);
  const larger = pool.acquire(500, 40);
  expect(larger).toBe(big);
  expect([larger.width, larger.height]).toEqual([512, 40]);
  expect(pool.created).toBe(1);
});

test('bounded: past maxSpare, returned surfaces are shrunk to 0×0 and dropped; drain frees the rest', () => {
  const pool = new BitmapPool(fakeSurface, 2);
  const all = [1, 2, 3].map(() => pool.acquire(64, 8));
  for (const s of all) pool.release(s);
  expect(pool.spareCount).toBe(2);
  expect([all[2]!.width, all[2]!.height]).toEqual([0, 0]);
  pool.drain();
  expect(pool.spareCount).toBe(0);
  expect(all.every((s) => s.width === 0)).toBe(true);
});
