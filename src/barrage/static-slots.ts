/**
 * Pure slot allocator for the static (reduced-motion) barrage: no DOM, time passed in.
 *
 * Owns: a few fixed rows at the top of the stage where items appear in place, stay for a dwell
 * time (fading in and out) and go. Used instead of `LaneAllocator` when the viewer prefers reduced
 * motion (`motion: 'static'`): nothing flies, and only a few items are visible at once.
 * Own items follow the same rule as in the lanes: when every slot is busy, the own item takes the
 * slot that frees first and appears when it frees (never dropped, never drawn over another item).
 */

export interface SlotPlacement {
  readonly slot: number;
  readonly startAt: number;
  readonly endAt: number;
  readonly delayed: boolean;
}

export interface StaticSlotsConfig {
  /** How many items may be visible at once. */
  readonly slots: number;
  /** How long each item stays, ms (fades included). */
  readonly dwellMs: number;
}

export class StaticSlots {
  private config: StaticSlotsConfig;
  private busyUntil: number[];

  constructor(config: StaticSlotsConfig) {
    this.config = config;
    this.busyUntil = Array.from({ length: Math.max(0, config.slots) }, () => -Infinity);
  }

  get slotCount(): number {
    return this.busyUntil.length;
  }

  configure(next: Partial<StaticSlotsConfig>): void {
    this.config = { ...this.config, ...next };
    const n = Math.max(0, this.config.slots);
    this.busyUntil = Array.from({ length: n }, (_, i) => this.busyUntil[i] ?? -Infinity);
  }

  freeCapacity(now: number): number {
    return this.busyUntil.filter((t) => t <= now).length;
  }

  nextFreeAt(now: number): number | null {
    const later = this.busyUntil.filter((t) => t > now);
    return later.length > 0 ? Math.min(...later) : null;
  }

  tryPlace(now: number, opts: { own?: boolean } = {}): SlotPlacement | null {
    if (this.busyUntil.length === 0) return null;
    let slot = this.busyUntil.findIndex((t) => t <= now);
    let startAt = now;
    if (slot < 0) {
      if (!opts.own) return null;
      const earliest = Math.min(...this.busyUntil);
      slot = this.busyUntil.indexOf(earliest);
      startAt = earliest;
    }
    const endAt = startAt + this.config.dwellMs;
    this.busyUntil[slot] = endAt;
    return { slot, startAt, endAt, delayed: startAt > now };
  }

  clear(): void {
    this.busyUntil.fill(-Infinity);
  }
}
