/**
 * `--self-check`: ours vs ours through the same harness. Every ratio should be ≈ 1.0; a median
 * ratio outside 0.8–1.25 prints SKEW (the harness, the machine or the order biases one side).
 */
import { summarize } from './stats.ts';
import { pairRatios } from './gate-checks.ts';
import type { RunRecord } from './workloads/page-runs.ts';
import type { PlayerRecord } from './workloads/player.ts';

const METRICS: [string, (r: RunRecord) => number][] = [
  ['TaskDuration', (r) => r.cdp.TaskDuration],
  ['ScriptDuration', (r) => r.cdp.ScriptDuration],
  ['barrage fps', (r) => r.barrageFps],
  ['main fps', (r) => r.frames.fps],
  ['main p95', (r) => r.frames.p95Ms],
];

export function selfCheckLines(runs: Record<string, RunRecord[]>, player: readonly PlayerRecord[]): string[] {
  const lines: string[] = [];
  const line = (what: string, ratios: number[]): void => {
    const s = summarize(ratios);
    const ok = s.median >= 0.8 && s.median <= 1.25;
    lines.push(
      `${ok ? 'OK  ' : 'SKEW'}  ${what.padEnd(28)} ratio ${s.median.toFixed(3)} (spread ${s.spread.toFixed(2)}; ${ratios.map((x) => x.toFixed(2)).join(' ')})`,
    );
  };
  for (const [key, rs] of Object.entries(runs)) for (const [name, v] of METRICS) line(`${key} ${name}`, pairRatios(rs, v));
  if (player.length)
    line(
      'W7 time to first frame',
      pairRatios(player, (r) => r.ttffMs),
    );
  return lines;
}
