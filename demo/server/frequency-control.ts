/**
 * A room's frequency control (docs/avchatroom.md#frequency-control): at most `rate` messages delivered per second; above it
 * higher priorities go first (High, Normal, Low, Lowest) and equals are picked at random; the
 * rest are shed. Pure and clock-free: the owner calls `offer()` and `tick(now)`.
 *
 * Shape of the algorithm (ours; Tencent does not publish its own):
 * - messages wait in a small pool and are released on ticks (every `tickMs`);
 * - a tick releases at most `min(perTick, rate − delivered in the last 1000 ms)`, where
 *   `perTick = ceil(rate × tickMs / 1000)`, so delivery stays smooth and no sliding second ever
 *   holds more than `rate` deliveries;
 * - High goes first; of the others, the pool keeps at most one second's worth (`rate`): the
 *   victims are the lowest priorities, picked at random among equals;
 * - survivors are released in priority, then arrival order (a burst the room can absorb keeps
 *   its order);
 * - nothing waits longer than `holdMs` (ordinary) or `highHoldMs` (High: gifts must reach
 *   everyone, so they wait rather than vanish while the room is saturated); after that, or when
 *   the pool overflows `maxPending`, messages are shed.
 */

export type WirePriorityName = 'High' | 'Normal' | 'Low' | 'Lowest';
export const PRIORITY_RANK: Readonly<Record<WirePriorityName, number>> = { High: 0, Normal: 1, Low: 2, Lowest: 3 };

export interface FrequencyOptions {
  /** Deliveries per second. */
  readonly rate: number;
  readonly tickMs?: number;
  readonly holdMs?: number;
  readonly highHoldMs?: number;
  /** Pool bound; beyond it the worst waiting message is shed at once. */
  readonly maxPending?: number;
  /** Uniform [0, 1): breaks ties among equal priorities. */
  readonly random: () => number;
}

interface Waiting<T> {
  readonly item: T;
  readonly rank: number;
  readonly key: number;
  readonly at: number;
  /** Arrival order: what is chosen is delivered in the order it came. */
  readonly seq: number;
}

export interface TickResult<T> {
  readonly deliver: T[];
  readonly shed: T[];
}

const WINDOW_MS = 1000;

export class FrequencyControl<T> {
  readonly rate: number;
  readonly tickMs: number;
  private readonly perTick: number;
  private readonly holdMs: number;
  private readonly highHoldMs: number;
  private readonly maxPending: number;
  private readonly random: () => number;
  private pool: Waiting<T>[] = [];
  /** Delivery times (ms) within the last window, ascending. */
  private recent: number[] = [];
  private seq = 0;

  constructor(opts: FrequencyOptions) {
    this.rate = Math.max(1, Math.floor(opts.rate));
    this.tickMs = Math.max(1, opts.tickMs ?? 100);
    this.perTick = Math.max(1, Math.ceil((this.rate * this.tickMs) / WINDOW_MS));
    this.holdMs = opts.holdMs ?? 1000;
    this.highHoldMs = opts.highHoldMs ?? 2000;
    this.maxPending = Math.max(1, opts.maxPending ?? this.rate * 10);
    this.random = opts.random;
  }

  get pending(): number {
    return this.pool.length;
  }

  /** Queues `item`; answers what had to be shed at once because the pool is full (maybe `item`). */
  offer(item: T, priority: WirePriorityName, now: number): T[] {
    this.pool.push({ item, rank: PRIORITY_RANK[priority] ?? 1, key: this.random(), at: now, seq: this.seq++ });
    if (this.pool.length <= this.maxPending) return [];
    // Shed the worst: lowest priority, then the unluckiest key (same rule as a tick).
    let worst = 0;
    for (let i = 1; i < this.pool.length; i++) {
      if (compare(this.pool[i]!, this.pool[worst]!) > 0) worst = i;
    }
    const [gone] = this.pool.splice(worst, 1);
    return gone ? [gone.item] : [];
  }

  tick(now: number): TickResult<T> {
    while (this.recent.length > 0 && this.recent[0]! <= now - WINDOW_MS) this.recent.shift();
    if (this.pool.length === 0) return { deliver: [], shed: [] };
    let budget = Math.max(0, Math.min(this.perTick, this.rate - this.recent.length));
    const shed: T[] = [];
    // 1. What waited too long goes.
    const live: Waiting<T>[] = [];
    for (const w of this.pool) {
      if (now - w.at < (w.rank === 0 ? this.highHoldMs : this.holdMs)) live.push(w);
      else shed.push(w.item);
    }
    // 2. High first, oldest first.
    const high = live.filter((w) => w.rank === 0).sort(bySeq);
    const chosen = high.splice(0, budget);
    budget -= chosen.length;
    // 3. Of the rest, keep at most what this tick and the next second can deliver; the victims
    //    are the lowest priorities, at random among equals. Survivors go out in priority, then
    //    arrival order — so a burst the room can absorb keeps its order.
    const rest = live.filter((w) => w.rank !== 0).sort(compare);
    for (const w of rest.splice(budget + this.rate)) shed.push(w.item);
    rest.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
    chosen.push(...rest.splice(0, budget));
    for (let i = 0; i < chosen.length; i++) this.recent.push(now);
    this.pool = [...high, ...rest];
    return { deliver: chosen.sort(bySeq).map((w) => w.item), shed };
  }

  /** Drops everything waiting (room destroyed). */
  clear(): T[] {
    const items = this.pool.map((w) => w.item);
    this.pool = [];
    return items;
  }
}

function bySeq<T>(a: Waiting<T>, b: Waiting<T>): number {
  return a.seq - b.seq;
}

function compare<T>(a: Waiting<T>, b: Waiting<T>): number {
  return a.rank - b.rank || a.key - b.key;
}
