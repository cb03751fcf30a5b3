/**
 * The room's like total as the viewer sees it, reconciled without double counting. Pure: a
 * reducer over inputs plus a small class around it; no DOM, no clock.
 *
 * The model. Every like is in exactly one place:
 * - `base`: the last authoritative total (group counter / `like-total`), which the server keeps;
 * - `others`: likes from other clients received since that total (aggregated bursts);
 * - `unsent`: own taps still in the client's aggregation window (the server cannot know them);
 * - `sends`: own aggregated messages handed to the transport (in flight or acknowledged) that no
 *   server total is known to include yet.
 * `computed = base + others + Σ sends + unsent`.
 *
 * A new total T (> base) means the server counted Δ = T − base more likes. Only likes that left
 * this client (`sends`, acknowledged ones first, oldest first) or arrived from others (`others`)
 * can be among them; up to Δ of those pending likes are taken as included and leave the pending
 * pool; unsent taps never are. What Δ explains beyond the pool is likes this client never saw
 * (the room drops Low-priority messages). A total that is not larger than `base` carries no news
 * and is ignored (repeated room snapshots, stale counters). A failed send leaves the pool: the
 * server will never count it.
 *
 * What is shown: `shown = max(shown + own taps, computed)`. Own taps always add at once
 * (optimistic); everything else can only raise the number; it never goes down.
 *
 * Guarantees (property-tested in test/unit/likes): `shown` is monotone; each tap raises it by its
 * count; `shown` never exceeds the likes that exist (server count + own likes not yet counted), so
 * a total that already counts an own message never gets it added again, whether that total comes
 * before or after the acknowledgement; once a total counts everything and nothing is unsent or in
 * flight, `shown` equals it. Why: `base + pending` stays ≤ what the server has counted plus own
 * sends in flight (a new total T makes it max(T, base + pending)); it is a count, so it holds
 * whichever pending likes T really contains.
 *
 * Assumptions, and what happens outside them: totals are truthful and monotone over time (a
 * larger total is a later one); `sent` is called when the message is handed off, before the
 * server can count it; a like message from others reaches this client before a total that counts
 * it (if a total overtakes it, that message is shown once too many until the room's count passes
 * the number); own messages are not echoed back as `received` (Tencent does not echo to the
 * sending instance). A failed send keeps its taps shown (the number never drops) until the room's
 * count passes it. The price of never double counting own likes: when a total lags behind likes
 * already shown, a few later likes from others may not raise the number until the next total.
 */

export interface PendingSend {
  readonly id: number;
  readonly count: number;
  readonly acked: boolean;
}

export interface LikeCounterState {
  readonly base: number;
  readonly others: number;
  readonly unsent: number;
  readonly sends: readonly PendingSend[];
  readonly nextSendId: number;
  readonly shown: number;
}

export type LikeInput =
  /** Own taps (optimistic). */
  | { readonly type: 'tap'; readonly count: number }
  /** One aggregated like message handed to the transport; it gets id `state.nextSendId`. */
  | { readonly type: 'sent'; readonly count: number }
  | { readonly type: 'acked'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number }
  /** Likes from others (an inbound burst). */
  | { readonly type: 'received'; readonly count: number }
  /** An authoritative room total. */
  | { readonly type: 'total'; readonly total: number };

export const INITIAL_LIKES: LikeCounterState = { base: 0, others: 0, unsent: 0, sends: [], nextSendId: 1, shown: 0 };

const count = (n: number): number => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

export function computedLikes(s: LikeCounterState): number {
  let pending = 0;
  for (const send of s.sends) pending += send.count;
  return s.base + s.others + pending + s.unsent;
}

export function reduceLikes(s: LikeCounterState, input: LikeInput): LikeCounterState {
  switch (input.type) {
    case 'tap': {
      const n = count(input.count);
      return n === 0 ? s : { ...s, unsent: s.unsent + n, shown: s.shown + n };
    }
    case 'sent': {
      const n = count(input.count);
      if (n === 0) return s;
      // Taps the counter never saw (another tap source) still become real pending likes.
      return {
        ...s,
        unsent: Math.max(0, s.unsent - n),
        sends: [...s.sends, { id: s.nextSendId, count: n, acked: false }],
        nextSendId: s.nextSendId + 1,
      };
    }
    case 'acked':
      return s.sends.some((x) => x.id === input.id && !x.acked)
        ? { ...s, sends: s.sends.map((x) => (x.id === input.id ? { ...x, acked: true } : x)) }
        : s;
    case 'failed':
      return s.sends.some((x) => x.id === input.id) ? { ...s, sends: s.sends.filter((x) => x.id !== input.id) } : s;
    case 'received': {
      const n = count(input.count);
      if (n === 0) return s;
      return raise({ ...s, others: s.others + n });
    }
    case 'total':
      return applyTotal(s, input.total);
  }
}

function applyTotal(s: LikeCounterState, rawTotal: number): LikeCounterState {
  if (!Number.isFinite(rawTotal) || rawTotal < 0) return s;
  const total = Math.floor(rawTotal);
  if (total <= s.base) return s;
  let delta = total - s.base;
  // Acknowledged sends are surely on the server; in-flight ones may be. Oldest first.
  const order = [...s.sends.filter((x) => x.acked), ...s.sends.filter((x) => !x.acked)];
  const left = new Map<number, number>();
  for (const send of order) {
    const taken = Math.min(delta, send.count);
    delta -= taken;
    left.set(send.id, send.count - taken);
  }
  const othersTaken = Math.min(delta, s.others);
  const sends = s.sends.filter((x) => (left.get(x.id) ?? x.count) > 0).map((x) => ({ ...x, count: left.get(x.id) ?? x.count }));
  return raise({ ...s, base: total, others: s.others - othersTaken, sends });
}

function raise(s: LikeCounterState): LikeCounterState {
  const c = computedLikes(s);
  return c > s.shown ? { ...s, shown: c } : s;
}

/** A stateful wrapper for the element: feed it taps, sends, results, bursts and totals. */
export class LikeCounter {
  private s: LikeCounterState;

  constructor(initialTotal?: number) {
    this.s = initialTotal !== undefined ? reduceLikes(INITIAL_LIKES, { type: 'total', total: initialTotal }) : INITIAL_LIKES;
  }

  /** The number to show. */
  get total(): number {
    return this.s.shown;
  }

  get state(): LikeCounterState {
    return this.s;
  }

  tap(n = 1): number {
    return this.apply({ type: 'tap', count: n });
  }

  /** An aggregated like message left (e.g. `likeSends$`); returns its id for `acked`/`failed`. */
  sent(n: number): number {
    const id = this.s.nextSendId;
    this.apply({ type: 'sent', count: n });
    return this.s.nextSendId > id ? id : 0;
  }

  acked(id: number): number {
    return this.apply({ type: 'acked', id });
  }

  failed(id: number): number {
    return this.apply({ type: 'failed', id });
  }

  /** Likes from others (e.g. each `likes$` burst's `count`). */
  received(n: number): number {
    return this.apply({ type: 'received', count: n });
  }

  /** An authoritative total (e.g. `RoomView.likeTotal` when it changes). */
  serverTotal(total: number): number {
    return this.apply({ type: 'total', total });
  }

  private apply(input: LikeInput): number {
    this.s = reduceLikes(this.s, input);
    return this.s.shown;
  }
}
