/**
 * Paints one heart (and its "+N" when taps were merged into it) on a 2D context.
 * Owns the heart shape, shared with the like button's icon. No state besides the cached Path2D.
 */
import type { Heart, HeartPose } from './heart-field.ts';

/** Material "favorite" heart in a 24×24 box: spans x 2…22, y 3…21.35. */
export const HEART_SVG_PATH =
  'M12 21.35l-1.45-1.32C5.4 15.36 2 12.28 2 8.5 2 5.42 4.42 3 7.5 3c1.74 0 3.41.81 4.5 2.09C13.09 3.81 14.76 3 16.5 3 19.58 3 22 5.42 22 8.5c0 3.78-3.4 6.86-8.55 11.54L12 21.35z';

const SHAPE_WIDTH = 20;
const CENTRE_X = 12;
const CENTRE_Y = 12.2;

let shape: Path2D | null = null;
let gloss: Path2D | null = null;

function paths(): { shape: Path2D; gloss: Path2D } {
  if (!shape || !gloss) {
    shape = new Path2D(HEART_SVG_PATH);
    gloss = new Path2D();
    gloss.ellipse(7.4, 7.6, 2.6, 1.7, -0.7, 0, Math.PI * 2);
  }
  return { shape, gloss };
}

/** Draws `heart` at `pose` (CSS px); `dpr` maps CSS px to backing-store pixels. */
export function paintHeart(ctx: CanvasRenderingContext2D, heart: Heart, pose: HeartPose, dpr: number): void {
  if (pose.alpha <= 0 || pose.size <= 0) return;
  const { shape, gloss } = paths();
  const k = (dpr * pose.size) / SHAPE_WIDTH;
  const cos = Math.cos(pose.rotation) * k;
  const sin = Math.sin(pose.rotation) * k;
  ctx.globalAlpha = pose.alpha;
  ctx.setTransform(cos, sin, -sin, cos, pose.x * dpr, pose.y * dpr);
  ctx.translate(-CENTRE_X, -CENTRE_Y);
  ctx.fillStyle = heart.color;
  ctx.fill(shape);
  ctx.lineWidth = 1.2;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.55)';
  ctx.stroke(shape);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.5)';
  ctx.fill(gloss);
  if (heart.extra > 0) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.font = '800 12px system-ui, sans-serif';
    ctx.textBaseline = 'middle';
    const label = `+${heart.extra}`;
    const lx = pose.x + pose.size * 0.42;
    const ly = pose.y - pose.size * 0.42;
    ctx.lineWidth = 3;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.6)';
    ctx.strokeText(label, lx, ly);
    ctx.fillStyle = '#fff';
    ctx.fillText(label, lx, ly);
  }
  ctx.globalAlpha = 1;
}
