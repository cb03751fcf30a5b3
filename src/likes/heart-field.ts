/**
 * The hearts' simulation: a capped pool of rising hearts, as pure data over a given clock.
 *
 * Owns: which hearts are alive, where each one is at a time, and the merge rule. No DOM, no
 * timers, no randomness of its own (a `random` source is injected), so node tests can drive it.
 *
 * Every tap animates at once: while fewer than `max` hearts are alive a tap starts a new heart at
 * the origin; at the cap it is merged into the youngest living heart (still next to the button),
 * which pops, grows a little and shows "+N". So a flood of taps never makes more than `max`
 * hearts, and no tap goes without a visible reaction.
 */

export interface Heart {
  readonly id: number;
  /** Clock time (ms) the heart started. */
  readonly born: number;
  /** Lifetime in ms. */
  readonly life: number;
  /** Start x (CSS px in the field). */
  readonly x0: number;
  /** Horizontal drift over its life (px). */
  readonly drift: number;
  /** Sway amplitude (px) and phase (rad). */
  readonly sway: number;
  readonly phase: number;
  /** Base size (px). */
  readonly size: number;
  readonly color: string;
  /** Taps merged into this heart beyond its own. */
  extra: number;
  /** Clock time of the last merge (for the pop), or -Infinity. */
  poppedAt: number;
}

export interface HeartPose {
  readonly x: number;
  readonly y: number;
  /** Size in px, pops and merges included. */
  readonly size: number;
  readonly alpha: number;
  readonly rotation: number;
}

export interface HeartFieldOptions {
  /** Most hearts alive at once (default 40). */
  readonly max?: number;
  /** Field size (CSS px): hearts start at the bottom centre and rise to the top. */
  readonly width: number;
  readonly height: number;
  /** Origin x in the field (px); default its centre. */
  readonly originX?: number;
  /** Distance of the origin above the field's bottom edge (px), e.g. the button's centre. */
  readonly originOffset?: number;
  readonly colors?: readonly string[];
  /** Lifetime range (ms). */
  readonly lifeMs?: readonly [number, number];
  /** Uniform [0, 1); default Math.random. */
  readonly random?: () => number;
}

export const DEFAULT_HEART_COLORS: readonly string[] = [
  '#ff3d6e',
  '#ff6b9a',
  '#ff8a3d',
  '#ffd166',
  '#c77dff',
  '#4cc9f0',
  '#7cf29a',
  '#ff4d4d',
];

const POP_MS = 240;
const APPEAR_MS = 180;
const MAX_GROWTH_STEPS = 6;

export type TapOutcome = 'spawned' | 'merged';

export class HeartField {
  readonly max: number;
  /** Hearts alive, oldest first. */
  readonly hearts: Heart[] = [];
  /** New hearts started. */
  spawned = 0;
  /** Taps merged into a living heart because the pool was full. */
  merged = 0;
  /** The most hearts ever alive at once. */
  peak = 0;
  private nextId = 1;
  private readonly colors: readonly string[];
  private readonly life: readonly [number, number];
  private readonly random: () => number;

  constructor(private readonly o: HeartFieldOptions) {
    this.max = Math.max(1, Math.floor(o.max ?? 40));
    this.colors = o.colors && o.colors.length > 0 ? o.colors : DEFAULT_HEART_COLORS;
    this.life = o.lifeMs ?? [1500, 2300];
    this.random = o.random ?? Math.random;
  }

  get alive(): number {
    return this.hearts.length;
  }

  /** Every tap animated so far (new hearts plus merges): one per tap. */
  get started(): number {
    return this.spawned + this.merged;
  }

  /** One tap at clock time `now`. Prunes finished hearts first, so a free slot is reused. */
  tap(now: number): TapOutcome {
    this.prune(now);
    if (this.hearts.length >= this.max) {
      const youngest = this.hearts[this.hearts.length - 1]!;
      youngest.extra++;
      youngest.poppedAt = now;
      this.merged++;
      return 'merged';
    }
    const r = this.random;
    const { width } = this.o;
    const origin = this.o.originX ?? width / 2;
    const jitter = Math.min(8, width * 0.1);
    const size = 20 + r() * 10;
    // Half its size plus the ~10 % the appear animation overshoots: what must stay inside.
    const half = size * 0.56;
    // Near an edge the sway shrinks to the room there (it is full before the drift has moved
    // the heart away from the edge).
    const room = Math.min(origin, width - origin) - jitter - half;
    const sway = Math.max(0, Math.min(4 + r() * 8, room));
    // Drift anywhere the whole heart stays inside the field: a centred origin fans out both
    // ways, an origin near an edge fans out away from it.
    const margin = half + sway + jitter;
    const left = Math.max(0, origin - margin);
    const right = Math.max(0, width - origin - margin);
    this.hearts.push({
      id: this.nextId++,
      born: now,
      life: this.life[0] + r() * (this.life[1] - this.life[0]),
      x0: origin + (r() * 2 - 1) * jitter,
      drift: -left + r() * (left + right),
      sway,
      phase: r() * Math.PI * 2,
      size,
      color: this.colors[Math.floor(r() * this.colors.length) % this.colors.length]!,
      extra: 0,
      poppedAt: -Infinity,
    });
    this.spawned++;
    if (this.hearts.length > this.peak) this.peak = this.hearts.length;
    return 'spawned';
  }

  /** Drops the hearts whose life is over; returns how many are still alive. */
  prune(now: number): number {
    let keep = 0;
    for (const h of this.hearts) if (now - h.born < h.life) this.hearts[keep++] = h;
    this.hearts.length = keep;
    return keep;
  }

  clear(): void {
    this.hearts.length = 0;
  }

  /** Where a heart is at `now` (field CSS px, y down). */
  pose(h: Heart, now: number): HeartPose {
    const age = Math.max(0, now - h.born);
    const p = Math.min(1, age / h.life);
    const originY = this.o.height - (this.o.originOffset ?? 22);
    const rise = originY - h.size * 0.6;
    // Fast off the button, slowing near the top.
    const y = originY - rise * (1 - Math.pow(1 - p, 1.7));
    const x = h.x0 + h.drift * p + h.sway * Math.sin(h.phase + p * Math.PI * 2.4) * Math.min(1, p * 4);
    const appear = Math.min(1, age / APPEAR_MS);
    const grow = appear < 1 ? 0.35 + 0.65 * easeOutBack(appear) : 1;
    const sincePop = now - h.poppedAt;
    const pop = sincePop >= 0 && sincePop < POP_MS ? 1 + 0.4 * (1 - sincePop / POP_MS) ** 2 : 1;
    const merged = 1 + 0.1 * Math.min(h.extra, MAX_GROWTH_STEPS);
    const alpha = p < 0.6 ? 1 : Math.max(0, (1 - p) / 0.4);
    const rotation = 0.22 * Math.sin(h.phase * 1.7 + p * Math.PI * 2);
    return { x, y, size: h.size * grow * pop * merged, alpha, rotation };
  }
}

function easeOutBack(t: number): number {
  const c1 = 1.70158;
  const c3 = c1 + 1;
  return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2;
}
