import { describe, it } from 'vitest';
import { countMetrics, type MetricSignal } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

describe('countMetrics', () => {
  it('counts drops by reason and priority, at most once per interval', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const v: Record<string, MetricSignal> = {
        d: { type: 'decoded' },
        a: { type: 'admitted' },
        x: { type: 'drop', drop: { reason: 'shed', priority: 'low' } },
        y: { type: 'drop', drop: { reason: 'bad-json', priority: 'unknown' } },
        q: { type: 'depth', depth: 7 },
        f: { type: 'folded', count: 3 },
      };
      const src = cold('daxyqf 20ms |', v);
      expectObservable(src.pipe(countMetrics(10, ts))).toBe('10ms m 15ms |', {
        m: {
          dropped: { shed: 1, 'bad-json': 1 },
          droppedByPriority: { high: 0, normal: 0, low: 1, lowest: 0, unknown: 1 },
          decoded: 1,
          admitted: 1,
          folded: 3,
          queueDepth: 7,
          admittedPerSecond: 100,
        },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 25ms !');
    });
  });
});
