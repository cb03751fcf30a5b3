/**
 * `decodeFrames`: untrusted transport frames → validated room events, or counted drops.
 * The decode context (who I am, the URL policy) comes from the latest value of `context$`.
 */
import { map, type Observable, type OperatorFunction, type SchedulerLike, withLatestFrom } from 'rxjs';
import { decodeFrame, type DecodeContext, type InboundFrame, type RoomEvent } from '../../protocol/index.ts';
import type { Drop } from '../types.ts';
import { emitSome, type Some } from './emit-some.ts';

export type Decoded = { readonly ok: true; readonly event: RoomEvent } | { readonly ok: false; readonly drop: Drop };

export type ContextInfo = Omit<DecodeContext, 'now'>;

/**
 * Every frame of the room passes here, so a frame that decodes to one event (nearly all) is
 * emitted as is, without the inner subscription a flattening operator makes per value.
 */
export function decodeFrames(context$: Observable<ContextInfo>, scheduler: SchedulerLike): OperatorFunction<InboundFrame, Decoded> {
  // One context object per context change (not per frame): `now` reads the scheduler lazily.
  const contexts$ = context$.pipe(
    map(
      (info): DecodeContext => Object.defineProperty({ ...info }, 'now', { get: () => scheduler.now(), enumerable: true }) as DecodeContext,
    ),
  );
  return (frames) =>
    frames.pipe(
      withLatestFrom(contexts$),
      map(([frame, ctx]): Some<Decoded> => {
        const result = decodeFrame(frame, ctx);
        if (!result.ok) return { ok: false, drop: { reason: result.reason, priority: priorityOfRaw(frame) } };
        const events = result.events;
        return events.length === 1 ? { ok: true, event: events[0]! } : events.map((event): Decoded => ({ ok: true, event }));
      }),
      emitSome(),
    );
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
