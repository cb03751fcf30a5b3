/**
 * `countMetrics`: folds the pipeline's signals (decoded, admitted, folded, drops, queue depth)
 * into running counters, emitted at most once per `intervalMs` while anything happens.
 */
import { auditTime, map, type OperatorFunction, scan, type SchedulerLike } from 'rxjs';
import type { Drop, PipelineMetrics } from '../types.ts';

export type MetricSignal =
  | { readonly type: 'decoded' }
  | { readonly type: 'admitted' }
  | { readonly type: 'folded'; readonly count: number }
  | { readonly type: 'drop'; readonly drop: Drop }
  | { readonly type: 'depth'; readonly depth: number };

interface Counters {
  dropped: Record<string, number>;
  droppedByPriority: PipelineMetrics['droppedByPriority'];
  decoded: number;
  admitted: number;
  folded: number;
  queueDepth: number;
}

const zero = (): Counters => ({
  dropped: {},
  droppedByPriority: { high: 0, normal: 0, low: 0, lowest: 0, unknown: 0 },
  decoded: 0,
  admitted: 0,
  folded: 0,
  queueDepth: 0,
});

export function addSignal(c: Counters, s: MetricSignal): Counters {
  switch (s.type) {
    case 'decoded':
      return { ...c, decoded: c.decoded + 1 };
    case 'admitted':
      return { ...c, admitted: c.admitted + 1 };
    case 'folded':
      return { ...c, folded: c.folded + s.count };
    case 'depth':
      return { ...c, queueDepth: s.depth };
    case 'drop':
      return {
        ...c,
        dropped: { ...c.dropped, [s.drop.reason]: (c.dropped[s.drop.reason] ?? 0) + 1 },
        droppedByPriority: { ...c.droppedByPriority, [s.drop.priority]: c.droppedByPriority[s.drop.priority] + 1 },
      };
  }
}

export function countMetrics(intervalMs: number, scheduler: SchedulerLike): OperatorFunction<MetricSignal, PipelineMetrics> {
  return (source) =>
    source.pipe(
      scan(addSignal, zero()),
      auditTime(intervalMs, scheduler),
      scan(
        (prev: { m?: PipelineMetrics; at: number }, c: Counters) => {
          const now = scheduler.now();
          const seconds = prev.m ? Math.max(0.001, (now - prev.at) / 1000) : intervalMs / 1000;
          const admittedPerSecond = (c.admitted - (prev.m?.admitted ?? 0)) / seconds;
          return { m: { ...c, admittedPerSecond }, at: now };
        },
        { at: scheduler.now() },
      ),
      map((s) => s.m!),
    );
}
