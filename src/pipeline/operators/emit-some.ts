/**
 * `emitSome`: steps that produce none, one or several values → those values, in order.
 * `null` emits nothing, a single value passes straight through, an array is flattened. Only the
 * (rare) arrays pay for an inner subscription: the hot operators (decode, shedding) produce one
 * value or none for almost every message. `T` must not itself be an array.
 */
import { connect, filter, merge, mergeMap, type OperatorFunction } from 'rxjs';

export type Some<T> = T | readonly T[] | null;

export function emitSome<T>(): OperatorFunction<Some<T>, T> {
  return connect((steps) =>
    merge(
      steps.pipe(filter((s): s is T => s !== null && !Array.isArray(s))),
      steps.pipe(
        filter((s): s is readonly T[] => Array.isArray(s) && s.length > 0),
        mergeMap((s) => s),
      ),
    ),
  );
}
