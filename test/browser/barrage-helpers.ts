/** Shared helpers for the barrage browser tests. */
import { expect } from 'vitest';
import { createBarrage, type BarrageRenderer, type BarrageOptions } from '../../src/barrage/create-barrage.ts';
import type { BarrageInspection, BarrageItem } from '../../src/barrage/barrage-types.ts';

export const mounted: { host: HTMLElement; barrage: BarrageRenderer }[] = [];

/** A dark, positioned stage of a fixed size with a barrage in it, ready (sized) when it resolves. */
export async function mount(
  options: BarrageOptions = {},
  width = 640,
  height = 360,
): Promise<{ host: HTMLElement; barrage: BarrageRenderer; firstCanvas: HTMLCanvasElement }> {
  const host = document.createElement('div');
  host.style.cssText = `position:relative;width:${width}px;height:${height}px;background:#102030;overflow:hidden;`;
  document.body.append(host);
  const barrage = createBarrage(host, { devicePixelRatio: 1, ...options });
  const firstCanvas = barrage.canvas;
  mounted.push({ host, barrage });
  await expect.poll(() => barrage.stats().lanes, { timeout: 5000 }).toBeGreaterThan(0);
  return { host, barrage, firstCanvas };
}

export function unmountAll(): void {
  for (const { host, barrage } of mounted.splice(0)) {
    barrage.destroy();
    host.remove();
  }
}

const TEXTS = ['hello 👋', '主播好！', '666', 'こんにちは', 'so cute', '这个颜色好看', 'link pls', '来了来了', 'wow', '안녕하세요'];

export function item(i: number, extra: Partial<BarrageItem> = {}): BarrageItem {
  return { id: `m${i}`, text: TEXTS[i % TEXTS.length]!, level: (i * 7) % 60, ...extra };
}

export const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/** `n` animation frames of the page: proof that the page went on rendering meanwhile. */
export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/**
 * Inspects frame by frame until the painter has drawn `ms` of stage time past `from` (the
 * barrage's own clock, which stands still while paused): time that passed where it matters.
 */
export async function untilStageTime(barrage: BarrageRenderer, from: number, ms: number, maxFrames = 900): Promise<BarrageInspection> {
  let inspection = await barrage.inspect();
  for (let f = 0; inspection.stageTime - from < ms; f++) {
    if (f >= maxFrames) throw new Error(`stage time moved ${inspection.stageTime - from} ms of ${ms} in ${maxFrames} frames`);
    await nextFrame();
    inspection = await barrage.inspect();
  }
  return inspection;
}

/** Pixels whose alpha is above `min` (the canvas is transparent where nothing is drawn). */
export function opaqueCount(pixels: { data: Uint8ClampedArray }, min = 32): number {
  let n = 0;
  for (let i = 3; i < pixels.data.length; i += 4) if (pixels.data[i]! > min) n++;
  return n;
}

/** Decodes a base64 PNG (from page.screenshot) to RGBA pixels. */
export async function decodePng(base64: string): Promise<ImageData> {
  const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** Pixels within `tolerance` (per channel) of an RGB colour. */
export function countColour(image: { data: Uint8ClampedArray }, hex: string, tolerance = 40): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let n = 0;
  const d = image.data;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3]! > 200 && Math.abs(d[i]! - r) <= tolerance && Math.abs(d[i + 1]! - g) <= tolerance && Math.abs(d[i + 2]! - b) <= tolerance)
      n++;
  }
  return n;
}
