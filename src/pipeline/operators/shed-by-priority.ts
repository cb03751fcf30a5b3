/**
 * `shedByPriority`: a bounded, demand-driven buffer with one FIFO queue per priority.
 *
 * - Each `demand$` value n is a level: "downstream can take n items now" (e.g. free barrage
 *   lanes). The buffer releases up to n waiting items, highest priority first, and keeps what is
 *   left of n, so items arriving later pass straight through until it is used up.
 * - Over `capacity`, the oldest item of the lowest non-empty priority is shed. High items and
 *   protected items (own messages) are never shed; protected items skip the queue entirely.
 * - With `maxAgeMs`, items waiting longer than that are dropped as stale on each demand, so a
 *   viewer never sees a burst of old comments (High and protected items excepted).
 * - The output completes with the source; items still waiting then are reported as stale drops.
 */
import { Observable, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { PRIORITIES, type Priority } from '../../protocol/index.ts';

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

/**
 * One subscriber over the source and `demand$` that emits straight to the output: every room
 * message passes here, so there is no closure, array or inner subscription per item.
 */
export function shedByPriority<T>(options: ShedOptions<T>): OperatorFunction<T, Shed<T>> {
  const { capacity, priorityOf, isProtected = () => false, demand$, maxAgeMs, scheduler } = options;
  return (source) =>
    new Observable<Shed<T>>((out) => {
      const queues = new Map<Priority, Queued<T>[]>(PRIORITIES.map((p) => [p, []]));
      let size = 0;
      let available = 0;

      const onItem = (item: T): void => {
        if (isProtected(item)) {
          if (available > 0) available--; // it takes a lane too
          out.next({ type: 'item', item });
          return;
        }
        if (available > 0 && size === 0) {
          available--;
          out.next({ type: 'item', item });
          return;
        }
        queues.get(priorityOf(item))!.push({ item, at: scheduler.now() });
        size++;
        while (size > capacity && shedOne()) {
          // only High items left: they are never shed
        }
      };

      const shedOne = (): boolean => {
        for (let i = PRIORITIES.length - 1; i > 0; i--) {
          const priority = PRIORITIES[i]!;
          const victim = queues.get(priority)!.shift();
          if (victim) {
            size--;
            out.next({ type: 'drop', item: victim.item, reason: 'shed', priority });
            return true;
          }
        }
        return false;
      };

      const onDemand = (n: number): void => {
        // Collected, then emitted once the state is final: a listener may push demand again
        // while we emit (re-entrancy), and must then see the budget this call left.
        const emit: Shed<T>[] = [];
        if (maxAgeMs !== undefined) {
          const oldest = scheduler.now() - maxAgeMs;
          for (const priority of PRIORITIES) {
            if (priority === 'high') continue;
            const q = queues.get(priority)!;
            while (q.length > 0 && q[0]!.at < oldest) {
              size--;
              emit.push({ type: 'drop', item: q.shift()!.item, reason: 'stale', priority });
            }
          }
        }
        let budget = Math.max(0, Math.floor(n));
        for (const priority of PRIORITIES) {
          const q = queues.get(priority)!;
          while (budget > 0 && q.length > 0) {
            size--;
            budget--;
            emit.push({ type: 'item', item: q.shift()!.item });
          }
        }
        available = budget;
        emit.push({ type: 'depth', depth: size });
        for (const e of emit) out.next(e);
      };

      // When the source ends, whatever still waits is reported as stale and the output ends too.
      const onEnd = (): void => {
        const waiting = PRIORITIES.flatMap((priority) => queues.get(priority)!.splice(0).map((q) => ({ item: q.item, priority })));
        size = 0;
        for (const { item, priority } of waiting) out.next({ type: 'drop', item, reason: 'stale', priority });
        out.complete();
      };

      const sourceSub = source.subscribe({ next: onItem, error: (err: unknown) => out.error(err), complete: onEnd });
      const demandSub = demand$.subscribe({ next: onDemand, error: (err: unknown) => out.error(err) });
      return () => {
        sourceSub.unsubscribe();
        demandSub.unsubscribe();
      };
    });
}
