/**
 * The full-screen effect queue: which gift effect plays next. Bounded (default 5 waiting); ranked
 * own gifts first, then higher value (catalog price × count; unknown = 0), then first come first
 * served. When full, a better-ranked offer evicts the worst waiting item; whatever does not get a
 * place (refused or evicted) is counted as overflow and shown as a banner only.
 *
 * Pure: no DOM, no timers; "one effect at a time" is the caller's loop (`next()` when the stage is
 * free). Must not: hold more than `bound` items, or let an own gift overflow while another's waits.
 */

export interface EffectQueueItem {
  /** Sent by the local user (or asked for by the host): always ahead of others. */
  readonly own: boolean;
  /** Price × count; non-finite or negative values count as 0. */
  readonly value: number;
}

export type OfferResult = 'queued' | 'overflow';

export interface EffectQueueStats {
  /** Items waiting now. */
  readonly size: number;
  readonly bound: number;
  readonly offered: number;
  /** Offers refused plus items evicted: these gifts got a banner only. */
  readonly overflow: number;
  /** Of `overflow`, items that had a place and lost it to a better-ranked offer. */
  readonly evicted: number;
  /** Items handed out by `next()`. */
  readonly taken: number;
}

export interface EffectQueueOptions<T> {
  /** Items waiting at most (default 5, at least 1). */
  readonly bound?: number;
  /** Told about an item that lost its place (its gift stays a banner only). */
  readonly onEvict?: (item: T) => void;
}

export interface EffectQueue<T extends EffectQueueItem> {
  offer(item: T): OfferResult;
  /** Removes and returns the best-ranked item. */
  next(): T | undefined;
  peek(): T | undefined;
  /** Waiting items, best first (a copy). */
  items(): T[];
  readonly size: number;
  stats(): EffectQueueStats;
  /** Empties the queue and returns what was waiting (not counted as overflow). */
  clear(): T[];
}

interface Entry<T> {
  readonly item: T;
  readonly own: boolean;
  readonly value: number;
  readonly seq: number;
}

/** Negative when `a` goes before `b`. */
function rank<T>(a: Entry<T>, b: Entry<T>): number {
  if (a.own !== b.own) return a.own ? -1 : 1;
  if (a.value !== b.value) return b.value - a.value;
  return a.seq - b.seq;
}

export const DEFAULT_EFFECT_QUEUE_BOUND = 5;

export function createEffectQueue<T extends EffectQueueItem>(options: EffectQueueOptions<T> = {}): EffectQueue<T> {
  const bound = Math.max(1, Math.floor(options.bound ?? DEFAULT_EFFECT_QUEUE_BOUND));
  /** Sorted best first; tiny (≤ bound), so insertion is a linear scan. */
  let waiting: Entry<T>[] = [];
  let seq = 0;
  let offered = 0;
  let overflow = 0;
  let evicted = 0;
  let taken = 0;

  const insert = (e: Entry<T>): void => {
    let i = waiting.length;
    while (i > 0 && rank(e, waiting[i - 1]!) < 0) i--;
    waiting.splice(i, 0, e);
  };

  return {
    offer(item) {
      offered++;
      const value = Number.isFinite(item.value) && item.value > 0 ? item.value : 0;
      const entry: Entry<T> = { item, own: item.own === true, value, seq: seq++ };
      if (waiting.length >= bound) {
        const worst = waiting[waiting.length - 1]!;
        if (rank(entry, worst) > 0) {
          overflow++;
          return 'overflow';
        }
        waiting.pop();
        overflow++;
        evicted++;
        options.onEvict?.(worst.item);
      }
      insert(entry);
      return 'queued';
    },
    next() {
      const e = waiting.shift();
      if (e) taken++;
      return e?.item;
    },
    peek: () => waiting[0]?.item,
    items: () => waiting.map((e) => e.item),
    get size() {
      return waiting.length;
    },
    stats: () => ({ size: waiting.length, bound, offered, overflow, evicted, taken }),
    clear() {
      const out = waiting.map((e) => e.item);
      waiting = [];
      return out;
    },
  };
}
