/**
 * The gift banners' lane model: which combo shows in which lane and until when. A combo update with
 * a new key takes a free lane (or waits), a later update of the same key grows that banner and
 * extends its life (`holdMs` after its last update); expired banners free their lane for the next
 * waiting one. Two lanes by default, one in narrow layouts (`setLanes`): a lane that is switched
 * off keeps its banner until it expires, then stays empty. Waiting is bounded (own gifts first;
 * drops counted) and a banner that waited past `staleMs` is dropped rather than shown late.
 *
 * Pure: time is passed in (`now`, ms), nothing is scheduled here — the renderer asks
 * `nextDeadline()` and calls `tick(now)`. Must not: show more banners than lanes, or two banners
 * for one key.
 */

export interface BannerUpdate<P> {
  readonly key: string;
  readonly own: boolean;
  /** The combo's count so far ("×N"). */
  readonly total: number;
  readonly payload: P;
}

export type BannerChange<P> =
  | { readonly type: 'show'; readonly lane: number; readonly key: string; readonly total: number; readonly payload: P }
  | { readonly type: 'grow'; readonly lane: number; readonly key: string; readonly total: number; readonly payload: P }
  | { readonly type: 'hide'; readonly lane: number; readonly key: string };

export interface BannerLanesOptions {
  /** Lanes in use (default 2; at least 1). */
  readonly lanes?: number;
  /** A banner stays this long after its last update (default 3000 ms). */
  readonly holdMs?: number;
  /** Banners waiting for a lane at most (default 4). */
  readonly waitBound?: number;
  /** A waiting banner not updated for this long is dropped instead of shown (default 8000 ms). */
  readonly staleMs?: number;
}

export interface BannerStats {
  readonly lanes: number;
  /** Banners on screen (including ones in a lane being switched off). */
  readonly active: number;
  readonly waiting: number;
  readonly shown: number;
  /** Updates that grew a banner on screen. */
  readonly grown: number;
  /** Banners that never showed: no place to wait, evicted by an own gift, or stale. */
  readonly dropped: number;
}

export interface ActiveBanner<P> {
  readonly lane: number;
  readonly key: string;
  readonly total: number;
  readonly until: number;
  readonly payload: P;
}

export interface BannerLanes<P> {
  update(u: BannerUpdate<P>, now: number): BannerChange<P>[];
  /** Expires banners due at `now` and fills freed lanes. */
  tick(now: number): BannerChange<P>[];
  setLanes(lanes: number, now: number): BannerChange<P>[];
  /** When the next banner expires (for the renderer's one timer), or undefined when idle. */
  nextDeadline(): number | undefined;
  active(): ActiveBanner<P>[];
  stats(): BannerStats;
  /** Hides everything and forgets the waiting ones. */
  clear(): BannerChange<P>[];
}

interface Slot<P> {
  key: string;
  total: number;
  until: number;
  payload: P;
}

interface Waiting<P> {
  key: string;
  own: boolean;
  total: number;
  payload: P;
  updatedAt: number;
}

export function createBannerLanes<P>(options: BannerLanesOptions = {}): BannerLanes<P> {
  const holdMs = options.holdMs ?? 3000;
  const waitBound = Math.max(0, options.waitBound ?? 4);
  const staleMs = options.staleMs ?? 8000;
  let laneCount = Math.max(1, Math.floor(options.lanes ?? 2));
  /** Index = lane; may be longer than `laneCount` while a switched-off lane drains. */
  const slots: (Slot<P> | undefined)[] = [];
  let waiting: Waiting<P>[] = [];
  let shown = 0;
  let grown = 0;
  let dropped = 0;

  const expire = (now: number, out: BannerChange<P>[]): void => {
    slots.forEach((s, lane) => {
      if (s && s.until <= now) {
        slots[lane] = undefined;
        out.push({ type: 'hide', lane, key: s.key });
      }
    });
    while (slots.length > laneCount && slots[slots.length - 1] === undefined) slots.pop();
  };

  const fill = (now: number, out: BannerChange<P>[]): void => {
    for (let lane = 0; lane < laneCount && waiting.length > 0; lane++) {
      if (slots[lane]) continue;
      let w = waiting.shift();
      while (w && now - w.updatedAt > staleMs) {
        dropped++;
        w = waiting.shift();
      }
      if (!w) return;
      slots[lane] = { key: w.key, total: w.total, until: now + holdMs, payload: w.payload };
      shown++;
      out.push({ type: 'show', lane, key: w.key, total: w.total, payload: w.payload });
    }
  };

  const enqueue = (u: BannerUpdate<P>, now: number): void => {
    const w: Waiting<P> = { key: u.key, own: u.own, total: u.total, payload: u.payload, updatedAt: now };
    if (waiting.length >= waitBound) {
      // Only an own gift may take a place, from the newest waiting gift of someone else.
      const victim = u.own ? waiting.map((x) => x.own).lastIndexOf(false) : -1;
      dropped++;
      if (victim < 0) return;
      waiting.splice(victim, 1);
    }
    const at = u.own ? waiting.findIndex((x) => !x.own) : -1;
    if (at < 0) waiting.push(w);
    else waiting.splice(at, 0, w);
  };

  const tick = (now: number): BannerChange<P>[] => {
    const out: BannerChange<P>[] = [];
    expire(now, out);
    fill(now, out);
    return out;
  };

  return {
    update(u, now) {
      const out = tick(now);
      const lane = slots.findIndex((s) => s?.key === u.key);
      if (lane >= 0) {
        const s = slots[lane]!;
        s.until = now + holdMs;
        s.payload = u.payload;
        if (u.total !== s.total) {
          s.total = u.total;
          grown++;
          out.push({ type: 'grow', lane, key: u.key, total: u.total, payload: u.payload });
        }
        return out;
      }
      const w = waiting.find((x) => x.key === u.key);
      if (w) {
        w.total = u.total;
        w.payload = u.payload;
        w.updatedAt = now;
        return out;
      }
      enqueue(u, now);
      fill(now, out);
      return out;
    },
    tick,
    setLanes(lanes, now) {
      laneCount = Math.max(1, Math.floor(lanes));
      return tick(now);
    },
    nextDeadline() {
      let min: number | undefined;
      for (const s of slots) if (s && (min === undefined || s.until < min)) min = s.until;
      return min;
    },
    active: () => slots.flatMap((s, lane) => (s ? [{ lane, key: s.key, total: s.total, until: s.until, payload: s.payload }] : [])),
    stats: () => ({
      lanes: laneCount,
      active: slots.filter(Boolean).length,
      waiting: waiting.length,
      shown,
      grown,
      dropped,
    }),
    clear() {
      const out: BannerChange<P>[] = [];
      slots.forEach((s, lane) => s && out.push({ type: 'hide', lane, key: s.key }));
      slots.length = 0;
      waiting = [];
      return out;
    },
  };
}
