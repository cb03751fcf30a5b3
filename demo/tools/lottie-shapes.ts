/**
 * A tiny builder for Bodymovin (Lottie) JSON made of shape layers only: no images, no text, no
 * expressions, so the light canvas build of lottie-web plays it. Used by make-gift-effects.ts to
 * draw the demo's full-screen gift effects. Only what those effects need; numbers are rounded to
 * keep the files small.
 */

type Vec = number[];
type Json = Record<string, unknown>;

/** A keyframe: frame, value, and an optional easing ('out' decelerates, 'in' accelerates, 'hold' jumps). */
export type Key = [t: number, value: number | Vec, ease?: 'linear' | 'out' | 'in' | 'inout' | 'hold'];

const EASES = {
  linear: { o: { x: 0.33, y: 0.33 }, i: { x: 0.67, y: 0.67 } },
  out: { o: { x: 0.2, y: 0.6 }, i: { x: 0.3, y: 1 } },
  in: { o: { x: 0.6, y: 0 }, i: { x: 0.8, y: 0.6 } },
  inout: { o: { x: 0.5, y: 0 }, i: { x: 0.5, y: 1 } },
} as const;

const r2 = (n: number): number => Math.round(n * 100) / 100;
const arr = (v: number | Vec): Vec => (Array.isArray(v) ? v.map(r2) : [r2(v)]);

/** A static property value. */
export function value(v: number | Vec): Json {
  return { a: 0, k: Array.isArray(v) ? v.map(r2) : r2(v) };
}

/** An animated property; the easing of a key applies to the segment that leaves it. */
export function keys(list: Key[]): Json {
  return {
    a: 1,
    k: list.map(([t, v, ease = 'inout'], idx) => {
      const kf: Json = { t, s: arr(v) };
      if (idx === list.length - 1) return kf;
      if (ease === 'hold') kf.h = 1;
      else Object.assign(kf, EASES[ease]);
      return kf;
    }),
  };
}

type Prop = number | Vec | Json;
const prop = (p: Prop): Json => (typeof p === 'object' && !Array.isArray(p) ? p : value(p));

/** Colour from '#rrggbb' to Lottie's 0..1 RGBA. */
export function rgb(hex: string): Vec {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255, 1].map((c) => Math.round(c * 1000) / 1000);
}

export const ellipse = (p: Prop, size: Prop): Json => ({ ty: 'el', d: 1, p: prop(p), s: prop(size) });
export const rect = (p: Prop, size: Prop, radius = 0): Json => ({ ty: 'rc', d: 1, p: prop(p), s: prop(size), r: value(radius) });

/** A star (points ≥ 3); with 4 points and a small inner radius it is a sparkle. */
export function star(p: Prop, points: number, outer: number, inner: number, rotation = 0): Json {
  return {
    ty: 'sr',
    sy: 1,
    d: 1,
    pt: value(points),
    p: prop(p),
    r: value(rotation),
    ir: value(inner),
    is: value(0),
    or: value(outer),
    os: value(0),
  };
}

/**
 * A path through `pts`; `curve` (0 = sharp corners … 1 = smooth) sets tangents along the line from
 * the previous to the next point, so silhouettes look drawn rather than polygonal.
 */
export function path(pts: Vec[], curve = 0, closed = true): Json {
  const n = pts.length;
  const ins: Vec[] = [];
  const outs: Vec[] = [];
  for (let i = 0; i < n; i++) {
    const prev = pts[(i - 1 + n) % n] as Vec;
    const next = pts[(i + 1) % n] as Vec;
    const tx = ((next[0] ?? 0) - (prev[0] ?? 0)) * curve * 0.5;
    const ty = ((next[1] ?? 0) - (prev[1] ?? 0)) * curve * 0.5;
    ins.push([r2(-tx * 0.5), r2(-ty * 0.5)]);
    outs.push([r2(tx * 0.5), r2(ty * 0.5)]);
  }
  return { ty: 'sh', d: 1, ks: { a: 0, k: { i: ins, o: outs, v: pts.map((p) => p.map(r2)), c: closed } } };
}

export const fill = (hex: string, opacity: Prop = 100): Json => ({ ty: 'fl', c: value(rgb(hex)), o: prop(opacity), r: 1 });
export const stroke = (hex: string, width: number, opacity: Prop = 100): Json => ({
  ty: 'st',
  c: value(rgb(hex)),
  o: prop(opacity),
  w: value(width),
  lc: 2,
  lj: 2,
});

export interface TransformSpec {
  p?: Prop;
  a?: Prop;
  s?: Prop;
  r?: Prop;
  o?: Prop;
}

/** A group: shapes first (topmost first), then its own transform (animatable). */
export function group(items: Json[], tr: TransformSpec = {}): Json {
  return {
    ty: 'gr',
    it: [
      ...items,
      {
        ty: 'tr',
        p: prop(tr.p ?? [0, 0]),
        a: prop(tr.a ?? [0, 0]),
        s: prop(tr.s ?? [100, 100]),
        r: prop(tr.r ?? 0),
        o: prop(tr.o ?? 100),
        sk: value(0),
        sa: value(0),
      },
    ],
  };
}

export interface LayerSpec extends TransformSpec {
  name: string;
  shapes: Json[];
  ip?: number;
  op?: number;
  parent?: number;
}

/** A shape layer; `ind` is assigned by `composition`. */
export function layer(spec: LayerSpec): LayerSpec {
  return spec;
}

/** The whole animation. Layers are listed topmost first, as in Lottie. */
export function composition(name: string, size: number, frames: number, layers: LayerSpec[]): Json {
  return {
    v: '5.7.4',
    fr: 30,
    ip: 0,
    op: frames,
    w: size,
    h: size,
    nm: name,
    ddd: 0,
    assets: [],
    layers: layers.map((l, i) => {
      const out: Json = {
        ddd: 0,
        ind: i + 1,
        ty: 4,
        nm: l.name,
        sr: 1,
        ks: {
          o: prop(l.o ?? 100),
          r: prop(l.r ?? 0),
          p: prop(l.p ?? [size / 2, size / 2, 0]),
          a: prop(l.a ?? [0, 0, 0]),
          s: prop(l.s ?? [100, 100, 100]),
        },
        ao: 0,
        shapes: l.shapes,
        ip: l.ip ?? 0,
        op: l.op ?? frames,
        st: 0,
        bm: 0,
      };
      if (l.parent !== undefined) out.parent = l.parent;
      return out;
    }),
  };
}
