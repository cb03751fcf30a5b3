/**
 * A bounded pool of scratch canvases that hold pre-rendered barrage items.
 *
 * Owns: every item surface the painter uses. Items take one when they enter and give it back
 * when they leave; at most `maxSpare` wait for reuse (the rest are shrunk to 0×0 so their memory
 * goes at once rather than whenever the GC runs). Sizes are rounded up so a returned surface
 * usually fits the next item without a resize (a resize reallocates and resets the context).
 */

export type Surface = OffscreenCanvas | HTMLCanvasElement;
export type SurfaceFactory = (width: number, height: number) => Surface;

const W_STEP = 64;
const H_STEP = 8;
/** Never keep a surface that is more than this many times the area asked for. */
const WASTE = 4;

function roundUp(n: number, step: number): number {
  return Math.max(step, Math.ceil(n / step) * step);
}

export class BitmapPool {
  private readonly spare: Surface[] = [];
  private made = 0;
  private out = 0;

  constructor(
    private readonly create: SurfaceFactory,
    private readonly maxSpare = 48,
  ) {}

  /** A surface at least `width`×`height` device px; its content is undefined (clear before use). */
  acquire(width: number, height: number): Surface {
    const w = roundUp(width, W_STEP);
    const h = roundUp(height, H_STEP);
    this.out++;
    let best = -1;
    for (let i = this.spare.length - 1; i >= 0; i--) {
      const s = this.spare[i]!;
      if (s.width >= w && s.height >= h && s.width * s.height <= WASTE * w * h) {
        best = i;
        break;
      }
    }
    if (best >= 0) return this.spare.splice(best, 1)[0]!;
    const recycled = this.spare.pop();
    if (recycled) {
      recycled.width = w;
      recycled.height = h;
      return recycled;
    }
    this.made++;
    return this.create(w, h);
  }

  release(surface: Surface): void {
    this.out = Math.max(0, this.out - 1);
    if (this.spare.length < this.maxSpare) this.spare.push(surface);
    else shrink(surface);
  }

  /** Surfaces waiting for reuse. */
  get spareCount(): number {
    return this.spare.length;
  }

  /** Surfaces handed out and not returned. */
  get inUse(): number {
    return this.out;
  }

  /** Surfaces ever created (reuse keeps this low). */
  get created(): number {
    return this.made;
  }

  /** Frees every spare surface. Surfaces still handed out are the caller's to release. */
  drain(): void {
    for (const s of this.spare.splice(0)) shrink(s);
  }
}

function shrink(surface: Surface): void {
  surface.width = 0;
  surface.height = 0;
}
