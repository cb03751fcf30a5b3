/**
 * `mergeGiftTaps`: outbound gift batching (docs/gift-protocol.md#batching). A preset count (e.g. 99) is one request at
 * once. Single taps of the same gift accumulate and flush when they reach `flushAt` (20) or after
 * `idleMs` (1 s) without a tap of that gift; 99 rapid taps → 5 requests summing to 99. A pending
 * batch also flushes when the source completes.
 */
import { connect, debounceTime, filter, from, groupBy, map, merge, mergeMap, type OperatorFunction, scan, type SchedulerLike } from 'rxjs';

export interface GiftTap {
  /** The tap's own id: its batch names it, so the caller is settled by id, never by count. */
  readonly id: string;
  readonly giftId: string;
  readonly count: number;
  /** A chosen preset ("×99"): sent as one request, never merged. */
  readonly preset?: boolean;
}

export interface GiftBatch {
  readonly giftId: string;
  readonly count: number;
  /** The taps merged into this batch (their counts sum to `count`). */
  readonly tapIds: readonly string[];
}

export interface MergeGiftOptions {
  readonly flushAt?: number;
  readonly idleMs?: number;
  readonly scheduler: SchedulerLike;
}

type Step = { readonly tap: GiftTap } | { readonly flush: true };
type Pending = { readonly count: number; readonly tapIds: readonly string[] };
const EMPTY: Pending = { count: 0, tapIds: [] };

export function mergeGiftTaps(options: MergeGiftOptions): OperatorFunction<GiftTap, GiftBatch> {
  const { flushAt = 20, idleMs = 1000, scheduler } = options;
  return (source) =>
    source.pipe(
      filter((t) => Number.isInteger(t.count) && t.count > 0),
      groupBy((t) => t.giftId),
      mergeMap((group) =>
        group.pipe(
          connect((taps) =>
            merge(
              taps.pipe(map((tap): Step => ({ tap }))),
              taps.pipe(
                debounceTime(idleMs, scheduler),
                map((): Step => ({ flush: true })),
              ),
            ),
          ),
          scan(
            (acc: { pending: Pending; out: Pending[] }, step: Step) => {
              const out: Pending[] = [];
              let pending = acc.pending;
              if ('flush' in step) {
                if (pending.count > 0) out.push(pending);
                pending = EMPTY;
              } else if (step.tap.preset) {
                if (pending.count > 0) out.push(pending);
                out.push({ count: step.tap.count, tapIds: [step.tap.id] });
                pending = EMPTY;
              } else {
                pending = { count: pending.count + step.tap.count, tapIds: [...pending.tapIds, step.tap.id] };
                if (pending.count >= flushAt) {
                  out.push(pending);
                  pending = EMPTY;
                }
              }
              return { pending, out };
            },
            { pending: EMPTY, out: [] },
          ),
          mergeMap(({ out }) => from(out.map((p): GiftBatch => ({ giftId: group.key, count: p.count, tapIds: p.tapIds })))),
        ),
      ),
    );
}
