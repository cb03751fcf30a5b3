/**
 * The barrage's drawing code — the only one, used in the worker and in the main-thread fallback.
 *
 * Owns: the stage canvas's 2D context and backing size (CSS size × device pixel ratio), the items
 * being drawn, and their pre-rendered surfaces (from a `BitmapPool`). Each item is rendered once,
 * when it arrives (text with `strokeText`/`fillText`, never markup); every frame then only clears
 * and `drawImage`s the surfaces at their current positions, snapped to device pixels so the text
 * stays crisp. Items that have left give their surface back to the pool at once.
 * Does not decide where items go (the allocator did) nor when frames happen (the host's loop).
 */
import type { BitmapPool, Surface } from './bitmap-pool.ts';
import type { ItemLayout } from './item-layout.ts';
import type { PaintItem, StageSize } from './barrage-protocol.ts';
import type { InspectedItem } from './barrage-types.ts';

type Ctx2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

interface Live {
  readonly item: PaintItem;
  /** Undefined only between giving a too-small surface back and taking a new one (prerender). */
  surface: Surface | undefined;
  sw: number;
  sh: number;
  x: number;
  y: number;
  alpha: number;
  started: boolean;
}

/** Largest surface side we render (device px); longer items are clipped, not failed. */
const MAX_SURFACE = 8192;

function context(surface: Surface): Ctx2D {
  const ctx = surface.getContext('2d') as Ctx2D | null;
  if (!ctx) throw new Error('barrage: no 2d context');
  return ctx;
}

function roundedRect(ctx: Ctx2D, x: number, y: number, w: number, h: number, r: number): void {
  const radius = Math.max(0, Math.min(r, w / 2, h / 2));
  ctx.beginPath();
  ctx.moveTo(x + radius, y);
  ctx.arcTo(x + w, y, x + w, y + h, radius);
  ctx.arcTo(x + w, y + h, x, y + h, radius);
  ctx.arcTo(x, y + h, x, y, radius);
  ctx.arcTo(x, y, x + w, y, radius);
  ctx.closePath();
}

/** Renders one laid-out item into `ctx` at the origin, scaled by `dpr`. */
export function renderItem(ctx: Ctx2D, layout: ItemLayout, dpr: number): void {
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  if (layout.box) {
    const b = layout.box;
    roundedRect(ctx, b.x, b.y, b.width, b.height, b.height / 2);
    ctx.fillStyle = b.fill;
    ctx.fill();
    ctx.lineWidth = b.lineWidth;
    ctx.strokeStyle = b.stroke;
    ctx.stroke();
  }
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'left';
  if (layout.badge) {
    const b = layout.badge;
    roundedRect(ctx, b.x, b.y, b.width, b.height, b.height / 2);
    ctx.fillStyle = b.fill;
    ctx.fill();
    ctx.font = b.font;
    ctx.fillStyle = b.textFill;
    ctx.fillText(b.text, b.textX, layout.middle);
  }
  ctx.lineJoin = 'round';
  ctx.miterLimit = 2;
  ctx.lineWidth = layout.strokeWidth;
  ctx.strokeStyle = layout.stroke;
  for (const run of layout.runs) {
    ctx.font = run.font;
    ctx.strokeText(run.text, run.x, layout.middle);
    ctx.fillStyle = run.fill;
    ctx.fillText(run.text, run.x, layout.middle);
  }
}

export class BarragePainter {
  private readonly ctx: Ctx2D;
  private items: Live[] = [];
  private size: StageSize = { width: 0, height: 0, dpr: 1 };
  private drewLast = false;
  private lastNow = 0;

  constructor(
    private readonly canvas: Surface,
    private readonly pool: BitmapPool,
  ) {
    this.ctx = context(canvas);
  }

  get live(): number {
    return this.items.length;
  }

  get stageSize(): StageSize {
    return this.size;
  }

  get backing(): { width: number; height: number } {
    return { width: this.canvas.width, height: this.canvas.height };
  }

  /** New CSS size / pixel ratio: resizes the backing store; a new ratio re-renders every item. */
  resize(size: StageSize): void {
    const dprChanged = size.dpr !== this.size.dpr;
    this.size = size;
    this.canvas.width = Math.max(0, Math.round(size.width * size.dpr));
    this.canvas.height = Math.max(0, Math.round(size.height * size.dpr));
    this.drewLast = true; // the resize cleared the canvas; the next frame must redraw
    if (dprChanged) for (const live of this.items) this.prerender(live);
  }

  add(items: readonly PaintItem[]): void {
    for (const item of items) {
      const m = item.motion;
      const x = m.kind === 'fly' ? m.x0 : m.x;
      const live: Live = { item, surface: undefined, sw: 0, sh: 0, x, y: m.y, alpha: 0, started: false };
      this.prerender(live);
      this.items.push(live);
    }
  }

  private prerender(live: Live): void {
    const { layout } = live.item;
    const dpr = this.size.dpr;
    const sw = Math.min(MAX_SURFACE, Math.max(1, Math.ceil(layout.width * dpr)));
    const sh = Math.min(MAX_SURFACE, Math.max(1, Math.ceil(layout.height * dpr)));
    if (live.surface && (live.surface.width < sw || live.surface.height < sh)) {
      this.pool.release(live.surface);
      live.surface = undefined;
    }
    const surface = (live.surface ??= this.pool.acquire(sw, sh));
    live.sw = sw;
    live.sh = sh;
    const ctx = context(surface);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, sw, sh);
    renderItem(ctx, layout, dpr);
  }

  /** Drops every item and returns their surfaces. */
  clear(): void {
    for (const live of this.items) if (live.surface) this.pool.release(live.surface);
    this.items = [];
  }

  /** Draws the stage at stage time `now`; returns how many items were drawn. */
  frame(now: number): number {
    this.lastNow = now;
    const { ctx } = this;
    const { width: cw, height: ch } = this.canvas;
    const dpr = this.size.dpr;
    if (this.items.length === 0 && !this.drewLast) return 0;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.clearRect(0, 0, cw, ch);
    let drawn = 0;
    let kept = 0;
    for (const live of this.items) {
      if (!this.place(live, now)) {
        if (live.surface) this.pool.release(live.surface);
        continue;
      }
      this.items[kept++] = live;
      if (!live.started || live.alpha <= 0) continue;
      const dx = Math.round(live.x * dpr);
      const dy = Math.round(live.y * dpr);
      if (!live.surface || dx >= cw || dx + live.sw <= 0 || dy >= ch) continue;
      ctx.globalAlpha = live.alpha;
      ctx.drawImage(live.surface, 0, 0, live.sw, live.sh, dx, dy, live.sw, live.sh);
      drawn++;
    }
    this.items.length = kept;
    this.drewLast = drawn > 0;
    return drawn;
  }

  /** Updates an item's position and alpha for `now`; false once it has left for good. */
  private place(live: Live, now: number): boolean {
    const m = live.item.motion;
    live.started = now >= m.startAt;
    if (m.kind === 'fly') {
      live.x = m.x0 - m.speed * Math.max(0, now - m.startAt);
      live.y = m.y;
      live.alpha = 1;
      return live.x + live.item.layout.width > 0;
    }
    live.x = m.x;
    live.y = m.y;
    if (now >= m.endAt) return false;
    const fade = Math.max(1, m.fadeMs);
    live.alpha = Math.max(0, Math.min(1, (now - m.startAt) / fade, (m.endAt - now) / fade));
    return true;
  }

  inspectItems(): InspectedItem[] {
    return this.items.map((l) => ({
      id: l.item.id,
      x: l.x,
      y: l.y,
      width: l.item.layout.width,
      height: l.item.layout.height,
      alpha: l.alpha,
      started: l.started,
    }));
  }

  get lastStageTime(): number {
    return this.lastNow;
  }

  pixels(): { width: number; height: number; data: Uint8ClampedArray } | undefined {
    const { width, height } = this.canvas;
    if (width === 0 || height === 0) return undefined;
    const image = this.ctx.getImageData(0, 0, width, height);
    return { width, height, data: image.data };
  }

  destroy(): void {
    this.clear();
    this.pool.drain();
  }
}
