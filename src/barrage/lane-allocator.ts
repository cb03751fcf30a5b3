/**
 * Pure lane allocator for flying barrage items (no DOM, no clock of its own).
 *
 * Owns: which lane a new item of a given width may enter *now* without ever touching the item
 * ahead of it, how many items could enter now (`freeCapacity`), and when the next lane frees.
 * Time is always passed in: the caller feeds a pause-aware stage clock, so a frozen clock freezes
 * the lanes too.
 *
 * Motion model — constant speed. Every item moves at v = stageWidth / travelMs (a point crosses
 * the stage in the travel time); longer items simply take longer to leave. Why not "every item
 * crosses in T" (longer = faster)? With one speed the gap between two items in a lane never
 * shrinks, so a lane is free exactly when the previous item's tail (plus a gap) has entered, for
 * any newcomer width: capacity is exact and width-independent, throughput per lane is maximal, and
 * the reading rhythm is even. Speeds can still differ between items (the viewer changes the travel
 * time, or the stage is resized mid-flight), so `freeAt` also checks that a faster newcomer never
 * catches the previous item before that one has left the stage.
 *
 * Geometry: x is the item's left edge in CSS px; it enters at x0 = stage width (just off the right
 * edge) at `startAt` and moves left: x(t) = x0 − v·(t − startAt). It has left when x + width ≤ 0.
 *
 * Own messages never get `null`: when no lane is free, the own item takes the lane that frees
 * first and enters as soon as it frees (`delayed: true`; the wait is at most the time the previous
 * item's tail takes to enter, typically 1–3 s). The no-overlap invariant therefore holds for every
 * item, own or not — an own item is never drawn over someone else's.
 */
import type { BarrageArea } from './barrage-settings.ts';

export const AREA_FRACTION: Readonly<Record<BarrageArea, number>> = { third: 1 / 3, half: 1 / 2, full: 1 };

export interface LaneGeometry {
  /** Stage width, CSS px. */
  readonly width: number;
  /** Stage height, CSS px. */
  readonly height: number;
  /** Height of one lane (line height + spacing), CSS px. */
  readonly laneHeight: number;
  readonly area: BarrageArea;
  /** Time for a point to cross the stage, ms. */
  readonly travelMs: number;
  /** Minimum horizontal space between consecutive items in a lane, px. */
  readonly gap: number;
}

export interface Placement {
  readonly lane: number;
  /** Top of the lane, CSS px. */
  readonly y: number;
  /** Left edge at `startAt` (the stage width then). */
  readonly x0: number;
  /** Stage time at which the item starts moving (= now unless `delayed`). */
  readonly startAt: number;
  /** px per ms. */
  readonly speed: number;
  readonly width: number;
  /** Stage time at which its tail leaves the left edge. */
  readonly exitAt: number;
  /** An own item that had to wait for its lane to free. */
  readonly delayed: boolean;
}

/** What the allocator remembers of a lane: only its last item (see `freeAt` for why that suffices). */
interface Occupant {
  readonly x0: number;
  readonly startAt: number;
  readonly speed: number;
  readonly width: number;
}

/** Number of lanes the area holds; at least one whenever one line fits on the stage at all. */
export function laneCountFor(height: number, laneHeight: number, area: BarrageArea): number {
  if (!(height > 0) || !(laneHeight > 0) || height < laneHeight) return 0;
  return Math.max(1, Math.floor((height * AREA_FRACTION[area]) / laneHeight));
}

/** Left edge of an item at stage time t (it waits at x0 until it starts). */
export function positionAt(item: Occupant, t: number): number {
  return item.x0 - item.speed * Math.max(0, t - item.startAt);
}

/**
 * Earliest stage time at which a newcomer with `speed`, entering at `stageWidth`, may follow
 * `prev` in its lane. Two conditions, both monotone in the entry time t (entering later is always
 * safer), so the answer is the max of three bounds:
 *  1. prev's tail plus the gap has entered: x_prev(t) + w_prev + gap ≤ stageWidth;
 *  2. a faster newcomer has not caught prev when prev's tail leaves (the distance between them
 *     shrinks linearly, so checking that instant suffices): x_new(exit_prev) ≥ gap;
 *  3. never before prev itself starts (delayed own items).
 * Items behind prev stay behind it, and prev stays behind its own predecessor, so checking the
 * last occupant covers the whole lane.
 */
export function freeAt(prev: Occupant, speed: number, stageWidth: number, gap: number): number {
  let t = prev.startAt;
  const overhang = prev.x0 + prev.width + gap - stageWidth;
  if (overhang > 0) t = Math.max(t, prev.startAt + overhang / prev.speed);
  if (speed > prev.speed) {
    const prevExit = prev.startAt + (prev.x0 + prev.width) / prev.speed;
    t = Math.max(t, prevExit - (stageWidth - gap) / speed);
  }
  return t;
}

export class LaneAllocator {
  private geometry: LaneGeometry;
  private lanes: (Occupant | undefined)[] = [];

  constructor(geometry: LaneGeometry) {
    this.geometry = geometry;
    this.lanes = Array.from({ length: this.laneCount }, () => undefined);
  }

  get laneCount(): number {
    const g = this.geometry;
    if (!(g.width > 0) || !(g.travelMs > 0)) return 0;
    return laneCountFor(g.height, g.laneHeight, g.area);
  }

  /** Speed of an item entering now (px/ms). */
  get speed(): number {
    return this.geometry.width / this.geometry.travelMs;
  }

  get current(): LaneGeometry {
    return this.geometry;
  }

  /**
   * New stage size, area, travel time or gap. Occupants stay where they are (in-flight items keep
   * their own speed), new lanes start empty. A different
   * lane height moves every lane, so it forgets all occupants: the caller clears the stage then.
   */
  configure(next: Partial<LaneGeometry>): void {
    const relayout = next.laneHeight !== undefined && next.laneHeight !== this.geometry.laneHeight;
    this.geometry = { ...this.geometry, ...next };
    const n = this.laneCount;
    // Lanes past the new count keep their occupant (only the first n are used): shrinking the
    // area and growing it back within a flight must not let a newcomer overlap an item still there.
    if (relayout) this.lanes = Array.from({ length: n }, () => undefined);
    else while (this.lanes.length < n) this.lanes.push(undefined);
  }

  private laneFreeAt(lane: number): number {
    const prev = this.lanes[lane];
    if (!prev) return -Infinity;
    return freeAt(prev, this.speed, this.geometry.width, this.geometry.gap);
  }

  /** How many items could enter right now (each free lane takes exactly one). */
  freeCapacity(now: number): number {
    let free = 0;
    for (let i = 0, n = this.laneCount; i < n; i++) if (this.laneFreeAt(i) <= now) free++;
    return free;
  }

  /** Earliest stage time after `now` at which a busy lane frees, or null when none is busy. */
  nextFreeAt(now: number): number | null {
    let next = Infinity;
    for (let i = 0, n = this.laneCount; i < n; i++) {
      const t = this.laneFreeAt(i);
      if (t > now && t < next) next = t;
    }
    return next === Infinity ? null : next;
  }

  /**
   * Places an item of `width` px entering at `now`: the topmost free lane, or null.
   * With `own`, never null while there is a lane at all (see the module header).
   */
  tryPlace(width: number, now: number, opts: { own?: boolean } = {}): Placement | null {
    const n = this.laneCount;
    if (n === 0 || !(width >= 0)) return null;
    let lane = -1;
    let startAt = now;
    let earliest = Infinity;
    let earliestLane = -1;
    for (let i = 0; i < n; i++) {
      const t = this.laneFreeAt(i);
      if (t <= now) {
        lane = i;
        break;
      }
      if (t < earliest) {
        earliest = t;
        earliestLane = i;
      }
    }
    let delayed = false;
    if (lane < 0) {
      if (!opts.own) return null;
      lane = earliestLane;
      startAt = earliest;
      delayed = true;
    }
    const { width: stageWidth, laneHeight } = this.geometry;
    const occupant: Occupant = { x0: stageWidth, startAt, speed: this.speed, width };
    this.lanes[lane] = occupant;
    return {
      lane,
      y: lane * laneHeight,
      x0: stageWidth,
      startAt,
      speed: occupant.speed,
      width,
      exitAt: startAt + (stageWidth + width) / occupant.speed,
      delayed,
    };
  }

  /** Forgets every occupant (the stage was cleared). */
  clear(): void {
    this.lanes.fill(undefined);
  }
}
