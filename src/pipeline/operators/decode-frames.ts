/**
 * `decodeFrames`: untrusted transport frames → validated room events, or counted drops.
 * The decode context (who I am, the URL policy) comes from the latest value of `context$`.
 */
import { map, Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { decodeFrame, type DecodeContext, type InboundFrame, type RoomEvent } from '../../protocol/index.ts';
import type { Drop } from '../types.ts';

export type Decoded = { readonly ok: true; readonly event: RoomEvent } | { readonly ok: false; readonly drop: Drop };

export type ContextInfo = Omit<DecodeContext, 'now'>;

/**
 * Frames that arrive before the first context are skipped (as `withLatestFrom` would). Written as
 * one subscriber rather than `withLatestFrom` + `concatMap`: this is the hottest step of the room
 * (every frame passes it) and an inner subscription per frame cost more than decoding it.
 */
export function decodeFrames(context$: Observable<ContextInfo>, scheduler: SchedulerLike): OperatorFunction<InboundFrame, Decoded> {
  // One context object per context change (not per frame): `now` reads the scheduler lazily.
  const contexts$ = context$.pipe(
    map((info): DecodeContext => Object.defineProperty({ ...info }, 'now', { get: () => scheduler.now(), enumerable: true }) as DecodeContext),
  );
  return (frames) =>
    new Observable<Decoded>((out) => {
      let ctx: DecodeContext | undefined;
      const contextSub = contexts$.subscribe({ next: (c) => (ctx = c), error: (err: unknown) => out.error(err) });
      const frameSub = frames.subscribe({
        next(frame) {
          if (!ctx) return;
          const result = decodeFrame(frame, ctx);
          if (!result.ok) {
            out.next({ ok: false, drop: { reason: result.reason, priority: priorityOfRaw(frame) } });
            return;
          }
          for (const event of result.events) out.next({ ok: true, event });
        },
        error: (err: unknown) => out.error(err),
        complete: () => out.complete(),
      });
      return () => {
        frameSub.unsubscribe();
        contextSub.unsubscribe();
      };
    });
}

/** Best-effort priority of a frame we could not decode, for the per-priority drop counters. */
function priorityOfRaw(frame: InboundFrame): Drop['priority'] {
  if (frame && typeof frame === 'object' && 'message' in frame) {
    const p = (frame.message as { priority?: unknown } | null)?.priority;
    if (p === 'High') return 'high';
    if (p === 'Normal') return 'normal';
    if (p === 'Low') return 'low';
    if (p === 'Lowest') return 'lowest';
  }
  return 'unknown';
}
