/**
 * `shedByPriority`: a bounded, demand-driven buffer with one FIFO queue per priority.
 *
 * - Each `demand$` value n is a level: "downstream can take n items now" (e.g. free barrage
 *   lanes). The buffer releases up to n waiting items, highest priority first, and keeps what is
 *   left of n, so items arriving later pass straight through until it is used up.
 * - Over `capacity`, the oldest item of the lowest non-empty priority is shed — High last, but
 *   High too: a wire priority is a claim, and a flood of High comments must not grow the buffer
 *   without bound. Protected items (own messages) skip the queue and are never dropped.
 * - With `maxAgeMs`, items of every priority waiting longer than that are dropped as stale on
 *   each demand, so a viewer never sees a burst of old comments.
 * - The output completes with the source; items still waiting then are reported as stale drops.
 */
import { defer, endWith, map, merge, type Observable, type OperatorFunction, type SchedulerLike, takeWhile } from 'rxjs';
import { PRIORITIES, type Priority } from '../../protocol/index.ts';
import { emitSome, type Some } from './emit-some.ts';

export type Shed<T> =
  | { readonly type: 'item'; readonly item: T }
  /** Queue depth, after each demand (for metrics). */
  | { readonly type: 'depth'; readonly depth: number }
  | { readonly type: 'drop'; readonly item: T; readonly reason: 'shed' | 'stale'; readonly priority: Priority };

export interface ShedOptions<T> {
  readonly capacity: number;
  readonly priorityOf: (item: T) => Priority;
  /** Own messages: never queued, never dropped. */
  readonly isProtected?: (item: T) => boolean;
  readonly demand$: Observable<number>;
  readonly maxAgeMs?: number;
  readonly scheduler: SchedulerLike;
}

interface Queued<T> {
  readonly item: T;
  readonly at: number;
}

/** Marks the end of the source inside the merged stream. */
const END = Symbol('end');

/**
 * Each input (an item, a demand, the end) is handled at once and its outputs emitted after, so a
 * listener that pushes demand while we emit sees the state this step left. Every room message
 * passes here: a step makes no closure and, for one output or none, no array or inner subscription.
 */
export function shedByPriority<T>(options: ShedOptions<T>): OperatorFunction<T, Shed<T>> {
  const { capacity, priorityOf, isProtected = () => false, demand$, maxAgeMs, scheduler } = options;
  return (source) =>
    defer(() => {
      const queues = new Map<Priority, Queued<T>[]>(PRIORITIES.map((p) => [p, []]));
      let size = 0;
      let available = 0;

      const onItem = (item: T): Some<Shed<T>> => {
        if (isProtected(item)) {
          if (available > 0) available--; // it takes a lane too
          return { type: 'item', item };
        }
        if (available > 0 && size === 0) {
          available--;
          return { type: 'item', item };
        }
        queues.get(priorityOf(item))!.push({ item, at: scheduler.now() });
        size++;
        let shed: Shed<T> | null = null;
        let more: Shed<T>[] | null = null;
        while (size > capacity) {
          const victim = shedOne();
          if (!victim) break; // cannot happen while size > capacity ≥ 0; kept as a loop guard
          if (!shed) shed = victim;
          else (more ??= [shed]).push(victim);
        }
        return more ?? shed;
      };

      const shedOne = (): Shed<T> | undefined => {
        for (let i = PRIORITIES.length - 1; i >= 0; i--) {
          const priority = PRIORITIES[i]!;
          const victim = queues.get(priority)!.shift();
          if (victim) {
            size--;
            return { type: 'drop', item: victim.item, reason: 'shed', priority };
          }
        }
        return undefined;
      };

      const onDemand = (n: number): Shed<T>[] => {
        const out: Shed<T>[] = [];
        if (maxAgeMs !== undefined) {
          const oldest = scheduler.now() - maxAgeMs;
          for (const priority of PRIORITIES) {
            const q = queues.get(priority)!;
            while (q.length > 0 && q[0]!.at < oldest) {
              out.push({ type: 'drop', item: q.shift()!.item, reason: 'stale', priority });
              size--;
            }
          }
        }
        let budget = Math.max(0, Math.floor(n));
        for (const priority of PRIORITIES) {
          const q = queues.get(priority)!;
          while (budget > 0 && q.length > 0) {
            out.push({ type: 'item', item: q.shift()!.item });
            size--;
            budget--;
          }
        }
        available = budget;
        out.push({ type: 'depth', depth: size });
        return out;
      };

      // When the source ends, whatever still waits is reported as stale and the output ends too.
      const onEnd = (): Shed<T>[] => {
        const out: Shed<T>[] = [];
        for (const priority of PRIORITIES) {
          for (const q of queues.get(priority)!.splice(0)) out.push({ type: 'drop', item: q.item, reason: 'stale', priority });
        }
        size = 0;
        return out;
      };

      return merge(source.pipe(map(onItem), endWith(END)), demand$.pipe(map(onDemand))).pipe(
        takeWhile((step) => step !== END, true),
        map((step) => (step === END ? onEnd() : step)),
        emitSome(),
      );
    });
}
