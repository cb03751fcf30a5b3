/**
 * Results on disk: `test/bench/results/<date>.json` (everything measured) and `<date>.md` (tables:
 * per workload and engine, medians with spread; player; bundle; gates).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GateRow } from './run-gates.ts';
import { summarize } from './stats.ts';
import type { BundleResult } from './workloads/bundle.ts';
import type { RunRecord } from './workloads/page-runs.ts';
import type { PipelineResult } from './workloads/pipeline.ts';
import type { PlayerRecord } from './workloads/player.ts';

export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export interface Report {
  readonly date: string;
  readonly profile: string;
  readonly mode: 'gates' | 'self-check';
  readonly machine: Record<string, unknown>;
  readonly runs: Record<string, RunRecord[]>;
  readonly player: PlayerRecord[];
  /** X7 (G11.ttff): ours cross-origin (`ours`) vs same-origin (`peer`). */
  readonly crossPlayer?: PlayerRecord[];
  readonly bundle?: BundleResult;
  readonly pipeline?: PipelineResult;
  readonly gates: GateRow[];
  readonly selfCheck?: string[];
  readonly durationS: number;
}

const f = (x: number, d = 1): string => (Number.isFinite(x) ? x.toFixed(d) : String(x));
/** `median (×spread)` of a metric over runs. */
const ms = (rs: readonly RunRecord[], v: (r: RunRecord) => number, d = 1): string => {
  const s = summarize(rs.map(v));
  return `${f(s.median, d)} (×${f(s.spread, 2)})`;
};

export function markdown(r: Report): string {
  const lines: string[] = [];
  lines.push(`# Bench ${r.date} — ${r.profile} profile, ${r.mode}`, '');
  lines.push(
    `Machine: ${Object.entries(r.machine)
      .map(([k, v]) => `${k} ${Array.isArray(v) ? v.join('/') : String(v)}`)
      .join('; ')}. Took ${f(r.durationS, 0)} s.`,
    '',
  );
  lines.push(
    'Medians over repetitions, (×spread = max/min). Frame stats are the page main thread (rAF); barrage fps is our worker painter (lcr-metrics) and the peer main-thread fps. CDP times are main-thread ms over the run.',
    '',
  );
  lines.push(
    '| workload | engine | n | fps | p95 ms | p99 ms | >20 ms % | barrage fps | Task ms | Script ms | Layout ms | Style ms | LoAF | longest task ms | heap Δ after GC MB | nodes before→after GC | dropped video frames |',
  );
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [key, rs] of Object.entries(r.runs)) {
    for (const engine of [...new Set(rs.map((x) => `${x.role}:${x.engine}`))]) {
      const g = rs.filter((x) => `${x.role}:${x.engine}` === engine);
      const nodes = `${f(summarize(g.map((x) => x.memory.before.nodes)).median, 0)}→${f(summarize(g.map((x) => x.memory.afterGc.nodes)).median, 0)}`;
      lines.push(
        `| ${key} | ${engine} | ${g.length} | ${ms(g, (x) => x.frames.fps)} | ${ms(g, (x) => x.frames.p95Ms)} | ${ms(g, (x) => x.frames.p99Ms)} | ${ms(g, (x) => x.frames.over20Pct)} | ${ms(g, (x) => x.barrageFps)} | ` +
          `${ms(g, (x) => x.cdp.TaskDuration, 0)} | ${ms(g, (x) => x.cdp.ScriptDuration, 0)} | ${ms(g, (x) => x.cdp.LayoutDuration, 0)} | ${ms(g, (x) => x.cdp.RecalcStyleDuration, 0)} | ` +
          `${ms(g, (x) => x.loaf.count, 0)} | ${ms(g, (x) => x.longTasks.maxMs, 0)} | ${ms(g, (x) => (x.memory.afterGc.heap - x.memory.before.heap) / 1e6, 2)} | ${nodes} | ${ms(g, (x) => x.droppedVideoFrames ?? NaN, 0)} |`,
      );
    }
  }
  const counters = Object.entries(r.runs).flatMap(([key, rs]) =>
    rs
      .filter((x) => x.engine === 'ours' && x.counters)
      .map((x) => ({
        key,
        rep: x.rep,
        c: x.counters as Record<string, unknown>,
        shown: x.shown,
        sent: x.sent,
        effects: x.effects,
        likes: x.likes,
      })),
  );
  if (counters.length) {
    lines.push(
      '',
      '### Our element counters (last lcr-metrics of each run)',
      '',
      '| workload | rep | admitted | folded | queue depth | dropped by priority | barrage placed / rejected / onScreen | gifts shown/sent | own shown/sent | effects | likes |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const x of counters) {
      const b = (x.c.barrage ?? {}) as Record<string, unknown>;
      lines.push(
        `| ${x.key} | ${x.rep} | ${String(x.c.admitted)} | ${String(x.c.folded)} | ${String(x.c.queueDepth)} | ${JSON.stringify(x.c.droppedByPriority)} | ${String(b.placed)}/${String(b.rejected)}/${String(b.onScreen)} | ${x.shown.gift}/${x.sent.gift} | ${x.shown.own}/${x.sent.own} | ${x.effects.started} (${x.effects.mode || '-'}) | ${x.likes.sends} sends (${x.likes.mode || '-'}) |`,
      );
    }
  }
  if (r.player.length) {
    lines.push(
      '',
      '### W7 player start (live HLS origin)',
      '',
      '| engine | n | time to first frame ms | from navigation ms | live latency s | stalls | dropped frames |',
      '|---|---|---|---|---|---|---|',
    );
    for (const role of ['ours', 'peer'] as const) {
      const g = r.player.filter((x) => x.role === role);
      if (!g.length) continue;
      const s = (v: (x: PlayerRecord) => number, d = 0): string =>
        `${f(summarize(g.map(v)).median, d)} (×${f(summarize(g.map(v)).spread, 2)})`;
      lines.push(
        `| ${role}:${g[0]!.engine} | ${g.length} | ${s((x) => x.ttffMs)} | ${s((x) => x.ttffFromNavMs)} | ${s((x) => x.latencyMedian, 2)} | ${g.map((x) => x.stalls).join('/')} | ${g.map((x) => x.video?.dropped ?? '?').join('/')} |`,
      );
    }
  }
  if (r.bundle) {
    lines.push(
      '',
      '### W8 bundle (project vite.config.ts)',
      '',
      `Initial gzip per entry: ${Object.entries(r.bundle.initialGzip)
        .map(([n, v]) => `${n} ${f(v / 1024, 1)} KB`)
        .join(', ')}${r.bundle.error ? ` — error: ${r.bundle.error}` : ''}`,
      '',
    );
    lines.push('| file | kind | initial for | raw KB | gzip KB | brotli KB | heavy packages |', '|---|---|---|---|---|---|---|');
    for (const c of [...r.bundle.chunks].sort((a, b) => b.gzip - a.gzip)) {
      lines.push(
        `| ${c.file} | ${c.kind} | ${c.initialFor.join(', ') || 'lazy'} | ${f(c.raw / 1024)} | ${f(c.gzip / 1024)} | ${f(c.brotli / 1024)} | ${c.heavy.join(', ')} |`,
      );
    }
  }
  if (r.pipeline) lines.push('', `### W6 pipeline`, '', r.pipeline.error ? `error: ${r.pipeline.error}` : `\`${r.pipeline.lastLine}\``);
  if (r.selfCheck?.length) lines.push('', '### Self-check (ours vs ours)', '', '```', ...r.selfCheck, '```');
  if (r.gates.length) lines.push('', '### Gates', '', '```', ...r.gates.map((g) => g.line), '```');
  return lines.join('\n') + '\n';
}

export function writeReport(r: Report): { json: string; md: string } {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const base = join(RESULTS_DIR, r.date.replace(/[:]/g, '-'));
  const json = `${base}.json`;
  const md = `${base}.md`;
  writeFileSync(json, JSON.stringify(r, null, 1));
  writeFileSync(md, markdown(r));
  return { json, md };
}
