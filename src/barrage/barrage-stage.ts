/**
 * The barrage's admission desk, on the main thread and without DOM: it decides synchronously
 * whether an item gets on stage and turns it into a `PaintItem` for the painter.
 *
 * Owns: the lane allocator (flying) and the slot allocator (static, reduced motion), the layout
 * of each item (through the `measure` it is given), the list of placed items until they leave
 * (for `onScreen` and for replaying the stage into a fallback painter), own items that arrived
 * before the stage had a size, and the counters behind `stats()`.
 * Time is stage time, passed in. Whether non-own items are admitted at all (paused, hidden, off)
 * is the controller's call: it passes `admit: false`.
 */
import { LaneAllocator, laneCountFor } from './lane-allocator.ts';
import { StaticSlots } from './static-slots.ts';
import { laneMetrics, layoutItem, type Measure } from './item-layout.ts';
import type { PaintItem } from './barrage-protocol.ts';
import type { BarrageItem, BarrageRuntimeSettings } from './barrage-types.ts';
import { DEFAULT_BARRAGE_THEME, type BarrageTheme } from './barrage-theme.ts';

/** At most this many items stand at once in static mode. */
export const STATIC_SLOTS = 3;
export const STATIC_FADE_MS = 300;
/** Own items kept while the stage has no size yet (more than a sender can type in that time). */
const MAX_PENDING_OWN = 32;

export interface StageCounters {
  pushed: number;
  placed: number;
  rejected: number;
  disabled: number;
  ownDelayed: number;
}

interface Placed {
  readonly paint: PaintItem;
  readonly exitAt: number;
}

export class BarrageStage {
  private width = 0;
  private height = 0;
  private settings: BarrageRuntimeSettings;
  private readonly lanes: LaneAllocator;
  private readonly slots: StaticSlots;
  private placed: Placed[] = [];
  private pendingOwn: BarrageItem[] = [];
  private nextKey = 1;
  readonly counters: StageCounters = { pushed: 0, placed: 0, rejected: 0, disabled: 0, ownDelayed: 0 };

  constructor(
    private readonly measure: Measure,
    settings: BarrageRuntimeSettings,
    private readonly theme: BarrageTheme = DEFAULT_BARRAGE_THEME,
  ) {
    this.settings = settings;
    const { laneHeight, gap } = laneMetrics(settings.fontSize);
    this.lanes = new LaneAllocator({ width: 0, height: 0, laneHeight, area: settings.area, travelMs: settings.speed * 1000, gap });
    this.slots = new StaticSlots({ slots: 0, dwellMs: this.dwellMs() });
  }

  private dwellMs(): number {
    // Long enough to read a line; tied to the viewer's speed setting so "slower" means longer.
    return Math.max(3000, (this.settings.speed * 1000) / 2);
  }

  private slotCount(): number {
    const { laneHeight } = laneMetrics(this.settings.fontSize);
    return this.width > 0 ? Math.min(STATIC_SLOTS, laneCountFor(this.height, laneHeight, this.settings.area)) : 0;
  }

  get laneCount(): number {
    return this.settings.motion === 'fly' ? this.lanes.laneCount : this.slots.slotCount;
  }

  get current(): BarrageRuntimeSettings {
    return this.settings;
  }

  /**
   * New stage size (CSS px). Returns the own items that were waiting for a size, now placed.
   * Items in flight keep their course; new ones enter at the new right edge.
   */
  resize(width: number, height: number, now: number): PaintItem[] {
    this.width = Math.max(0, width);
    this.height = Math.max(0, height);
    this.lanes.configure({ width: this.width, height: this.height });
    this.slots.configure({ slots: this.slotCount() });
    const waiting = this.pendingOwn;
    this.pendingOwn = [];
    const out: PaintItem[] = [];
    for (const item of waiting) {
      const paint = this.place(item, now);
      if (paint) out.push(paint);
    }
    return out;
  }

  /**
   * Applies new settings. Returns true when the stage must be cleared: a new font size moves
   * every lane, and switching motion style starts over (a flying item cannot turn static).
   */
  configure(next: BarrageRuntimeSettings): boolean {
    const prev = this.settings;
    this.settings = next;
    const relayout = next.fontSize !== prev.fontSize || next.motion !== prev.motion || (!next.enabled && prev.enabled);
    const { laneHeight, gap } = laneMetrics(next.fontSize);
    this.lanes.configure({ laneHeight, gap, area: next.area, travelMs: next.speed * 1000 });
    this.slots.configure({ slots: this.slotCount(), dwellMs: this.dwellMs() });
    if (relayout) this.clear();
    return relayout;
  }

  freeCapacity(now: number): number {
    return this.settings.motion === 'fly' ? this.lanes.freeCapacity(now) : this.slots.freeCapacity(now);
  }

  nextFreeAt(now: number): number | null {
    return this.settings.motion === 'fly' ? this.lanes.nextFreeAt(now) : this.slots.nextFreeAt(now);
  }

  /**
   * Admits an item (its `PaintItem`) or refuses it (null). Own items are refused only when the
   * barrage is off; before the stage has a size they wait (`'queued'`, placed by `resize`).
   */
  push(item: BarrageItem, now: number, admit: boolean): PaintItem | 'queued' | null {
    this.counters.pushed++;
    if (!this.settings.enabled) {
      this.counters.disabled++;
      return null;
    }
    const own = item.own === true;
    if (!own && !admit) {
      this.counters.rejected++;
      return null;
    }
    if (own && this.laneCount === 0) {
      if (this.pendingOwn.length >= MAX_PENDING_OWN) this.pendingOwn.shift();
      this.pendingOwn.push(item);
      return 'queued';
    }
    const paint = this.place(item, now);
    if (!paint) this.counters.rejected++;
    return paint;
  }

  private place(item: BarrageItem, now: number): PaintItem | null {
    const own = item.own === true;
    const fly = this.settings.motion === 'fly';
    const maxWidth = fly ? Math.min(2000, Math.max(240, this.width)) : Math.max(120, this.width - 16);
    const layout = layoutItem(item, this.measure, { fontSize: this.settings.fontSize, maxWidth, theme: this.theme });
    const key = this.nextKey++;
    let paint: PaintItem;
    let exitAt: number;
    let delayed: boolean;
    if (fly) {
      const p = this.lanes.tryPlace(layout.width, now, { own });
      if (!p) return null;
      paint = { key, id: item.id, layout, motion: { kind: 'fly', x0: p.x0, y: p.y, startAt: p.startAt, speed: p.speed } };
      exitAt = p.exitAt;
      delayed = p.delayed;
    } else {
      const s = this.slots.tryPlace(now, { own });
      if (!s) return null;
      const { laneHeight } = laneMetrics(this.settings.fontSize);
      const x = Math.max(0, Math.round((this.width - layout.width) / 2));
      paint = {
        key,
        id: item.id,
        layout,
        motion: { kind: 'static', x, y: s.slot * laneHeight, startAt: s.startAt, endAt: s.endAt, fadeMs: STATIC_FADE_MS },
      };
      exitAt = s.endAt;
      delayed = s.delayed;
    }
    this.counters.placed++;
    if (delayed) this.counters.ownDelayed++;
    this.prune(now); // keeps the list as short as the stage, whether or not anyone reads stats
    this.placed.push({ paint, exitAt });
    return paint;
  }

  private prune(now: number): void {
    if (this.placed.length > 0 && this.placed.some((p) => p.exitAt <= now)) {
      this.placed = this.placed.filter((p) => p.exitAt > now);
    }
  }

  /** Placed items that have not left yet (including delayed own items still waiting). */
  onScreen(now: number): number {
    this.prune(now);
    return this.placed.length;
  }

  /** What is on stage now, to replay into a fresh painter (worker → main fallback). */
  liveItems(now: number): PaintItem[] {
    this.prune(now);
    return this.placed.map((p) => p.paint);
  }

  clear(): void {
    this.placed = [];
    this.pendingOwn = [];
    this.lanes.clear();
    this.slots.clear();
  }
}
