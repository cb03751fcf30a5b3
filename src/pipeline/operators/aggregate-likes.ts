/**
 * `aggregateLikes`: sums counts over a window that opens with the first tap and closes
 * `windowMs` later; one sum per window, nothing while idle, and the last partial window is
 * flushed when the source completes, so no tap is ever lost.
 */
import { buffer, connect, exhaustMap, filter, map, type OperatorFunction, type SchedulerLike, timer } from 'rxjs';

export function aggregateLikes(windowMs: number, scheduler: SchedulerLike): OperatorFunction<number, number> {
  return (source) =>
    source.pipe(
      connect((taps) =>
        taps.pipe(
          buffer(taps.pipe(exhaustMap(() => timer(windowMs, scheduler)))),
          map((counts) => counts.reduce((a, b) => a + b, 0)),
          filter((sum) => sum > 0),
        ),
      ),
    );
}
