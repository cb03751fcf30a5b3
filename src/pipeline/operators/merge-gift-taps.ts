/**
 * `mergeGiftTaps`: outbound gift batching (SPEC §5). A preset count (e.g. 99) is one request at
 * once. Single taps of the same gift accumulate and flush when they reach `flushAt` (20) or after
 * `idleMs` (1 s) without a tap of that gift; 99 rapid taps → 5 requests summing to 99. A pending
 * batch also flushes when the source completes.
 */
import { connect, debounceTime, filter, from, groupBy, map, merge, mergeMap, type OperatorFunction, scan, type SchedulerLike } from 'rxjs';

export interface GiftTap {
  readonly giftId: string;
  readonly count: number;
  /** A chosen preset ("×99"): sent as one request, never merged. */
  readonly preset?: boolean;
}

export interface GiftBatch {
  readonly giftId: string;
  readonly count: number;
}

export interface MergeGiftOptions {
  readonly flushAt?: number;
  readonly idleMs?: number;
  readonly scheduler: SchedulerLike;
}

type Step = { readonly tap: GiftTap } | { readonly flush: true };

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
            (acc: { pending: number; out: number[] }, step: Step) => {
              const out: number[] = [];
              let pending = acc.pending;
              if ('flush' in step) {
                if (pending > 0) out.push(pending);
                pending = 0;
              } else if (step.tap.preset) {
                if (pending > 0) out.push(pending);
                out.push(step.tap.count);
                pending = 0;
              } else {
                pending += step.tap.count;
                if (pending >= flushAt) {
                  out.push(pending);
                  pending = 0;
                }
              }
              return { pending, out };
            },
            { pending: 0, out: [] },
          ),
          mergeMap(({ out }) => from(out.map((count): GiftBatch => ({ giftId: group.key, count })))),
        ),
      ),
    );
}
