/**
 * G11: the element from a CDN is as fast as from the page's own origin (issue 22). X1@40 and X7
 * run ours from a second origin (`ours` role: the page's origin differs from the files') against
 * ours from the page's origin (`peer` role), interleaved in the same run, so each ratio is
 * cross-origin / same-origin.
 */
import type { CheckInput } from './gates.ts';
import { median } from './stats.ts';
import type { RunRecord } from './workloads/page-runs.ts';
import type { PlayerRecord } from './workloads/player.ts';

type Pair = <T extends { rep: number; role: string }>(rs: readonly T[], value: (r: T) => number) => number[];

export function crossOriginChecks(
  x1: readonly RunRecord[] | undefined,
  x7: readonly PlayerRecord[] | undefined,
  pairRatios: Pair,
): CheckInput[] {
  const task = (r: RunRecord): number => r.cdp.TaskDuration;
  const side = <T extends { role: string }>(rs: readonly T[], role: string, v: (r: T) => number): number =>
    median(rs.filter((r) => r.role === role).map(v));
  const x7s = x7 ?? [];
  const ttff = (r: PlayerRecord): number => r.ttffFromNavMs;
  return [
    {
      id: 'G11.main',
      label: 'main-thread TaskDuration @40/s, cross-origin vs same-origin',
      workload: 'X1@40',
      kind: 'ratio',
      op: '<=',
      threshold: 1.1,
      values: pairRatios(x1 ?? [], task),
      unmeasured: !x1 || x1.length === 0 ? 'X1@40 did not run' : undefined,
      note: x1?.length ? `cross ${side(x1, 'ours', task).toFixed(0)} ms vs same ${side(x1, 'peer', task).toFixed(0)} ms` : '',
    },
    {
      id: 'G11.ttff',
      label: 'time to first frame from navigation, cross-origin vs same-origin',
      workload: 'X7',
      kind: 'ratio',
      op: '<=',
      threshold: 1.1,
      values: pairRatios(x7s, ttff),
      unmeasured: x7s.length === 0 ? 'X7 did not run' : undefined,
      note: x7s.length ? `cross ${side(x7s, 'ours', ttff).toFixed(0)} ms vs same ${side(x7s, 'peer', ttff).toFixed(0)} ms` : '',
    },
  ];
}
