/**
 * `npm run bench` — the benchmark against peers (issue #7). Flags:
 *   --quick        short durations, 3 repetitions (a few minutes)
 *   --self-check   ours vs ours through the same harness: every ratio should be ≈ 1.0
 *   --only=W1,W8   run only these workloads (keys start with these prefixes; for debugging)
 * Builds the bench pages (vite), serves them and the live HLS origin on 127.0.0.1, drives headless
 * Chromium (playwright-core), writes test/bench/results/<date>.{json,md}, prints one line per gate
 * and exits 1 when a gate FAILs (NOISY does not fail the run).
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/find-chromium.ts';
import type { Measured } from './gate-checks.ts';
import { PROFILES } from './profiles.ts';
import { writeReport, type Report } from './report.ts';
import { gateRows, noisyWorkloads } from './run-gates.ts';
import { selfCheckLines } from './self-check.ts';
import { buildPages, startServer } from './server.ts';
import { measureBundle } from './workloads/bundle.ts';
import { pageWorkloads, runPageWorkload, type Env } from './workloads/index.ts';
import type { RunRecord } from './workloads/page-runs.ts';
import { runPipeline } from './workloads/pipeline.ts';
import { runPlayer } from './workloads/player.ts';

const args = process.argv.slice(2);
const profile = PROFILES[args.includes('--quick') ? 'quick' : 'full'];
const self = args.includes('--self-check');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const skipped = (key: string): boolean => profile.skip.includes(key);
const wanted = (key: string): boolean => !skipped(key) && (!only || only.some((o) => key.startsWith(o)));
const log = (s: string): void => void process.stdout.write(s + '\n');

function gitRev(): string {
  try {
    return (
      execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim() +
      (execFileSync('git', ['status', '--porcelain', 'src'], { encoding: 'utf8' }).trim() ? '+dirty-src' : '')
    );
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  log(`bench: ${profile.name} profile${self ? ', self-check (ours vs ours)' : ''}; building pages…`);
  await buildPages();
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    args: [...new Set([...CHROMIUM_ARGS, '--disable-gpu'])],
    headless: true,
  });
  const machine = {
    nproc: cpus().length,
    cpu: cpus()[0]?.model ?? '?',
    loadavgStart: loadavg().map((x) => +x.toFixed(2)),
    chromium: browser.version(),
    node: process.version,
    commit: gitRev(),
  };
  log(`machine: ${JSON.stringify(machine)}`);
  const env: Env = { browser, baseUrl: server.url, crossUrl: server.crossUrl, liveUrl: server.liveUrl, profile, log, self };
  const runs: Record<string, RunRecord[]> = {};
  const measured = (): Measured => ({
    runs,
    player,
    crossPlayer,
    ...(bundle ? { bundle } : {}),
    ...(pipeline ? { pipeline } : {}),
    w3Messages: profile.w3Messages,
  });
  let player: Awaited<ReturnType<typeof runPlayer>> = [];
  let crossPlayer: Awaited<ReturnType<typeof runPlayer>> = [];
  let bundle: Awaited<ReturnType<typeof measureBundle>> | undefined;
  let pipeline: Awaited<ReturnType<typeof runPipeline>> | undefined;
  const workloads = pageWorkloads(profile, self);
  const runW7 = async (): Promise<void> => {
    log(
      `W7: player start, ${self ? 'ours vs ours' : 'ours vs bare hls.js'} × ${profile.w7Reps} (${profile.w7Loads} page loads a side each)`,
    );
    player = await runPlayer(browser, server.url, server.liveUrl, profile.w7Reps, profile.w7WatchMs, log, self, profile.w7Loads);
  };
  const runX7 = async (): Promise<void> => {
    log(`X7: player start, ours cross-origin vs same-origin × ${profile.w7Reps} (${profile.w7Loads} page loads a side each)`);
    crossPlayer = await runPlayer(
      browser,
      server.url,
      server.liveUrl,
      profile.w7Reps,
      profile.w7WatchMs,
      log,
      false,
      profile.w7Loads,
      server.crossUrl,
    );
  };
  try {
    for (const w of workloads) if (wanted(w.key)) runs[w.key] = await runPageWorkload(w, env);
    if (wanted('W7')) await runW7();
    if (!self && wanted('X7')) await runX7();
    if (!self && wanted('W6')) {
      log(`W6: pipeline (${profile.pipelineMessages} messages × 3)`);
      pipeline = await runPipeline(profile.pipelineMessages);
      log(`  ${pipeline.lastLine}${pipeline.error ? ` (${pipeline.error})` : ''}`);
    }
    if (!self && wanted('W8')) {
      log('W8: bundle (vite build with vite.config.ts)');
      bundle = await measureBundle();
    }
    const rerun = new Set<string>();
    if (!self) {
      for (const key of noisyWorkloads(measured())) {
        const w = workloads.find((x) => x.key === key);
        if (!w && key !== 'W7' && key !== 'X7') continue;
        log(`re-running ${key} once (spread > 1.5×)`);
        if (w) runs[key] = await runPageWorkload(w, env);
        else if (key === 'X7') await runX7();
        else await runW7();
        rerun.add(key);
      }
    }
    const gates = self ? [] : gateRows(measured(), rerun).filter((g) => wanted(g.check.workload));
    const notRun = self
      ? []
      : gateRows(measured(), rerun)
          .filter((g) => skipped(g.check.workload))
          .map((g) => g.id);
    const selfCheck = self ? selfCheckLines(runs, player) : undefined;
    const loadavgEnd = loadavg().map((x) => +x.toFixed(2));
    const report: Report = {
      date,
      profile: profile.name,
      mode: self ? 'self-check' : 'gates',
      machine: { ...machine, loadavgEnd },
      runs,
      player,
      ...(crossPlayer.length ? { crossPlayer } : {}),
      ...(bundle ? { bundle } : {}),
      ...(pipeline ? { pipeline } : {}),
      gates,
      ...(selfCheck ? { selfCheck } : {}),
      durationS: (Date.now() - started) / 1000,
    };
    const files = writeReport(report);
    log('');
    log(
      `summary (${profile.name}${self ? ', self-check' : ''}; nproc ${machine.nproc}, load ${machine.loadavgStart.join('/')} → ${loadavgEnd.join('/')}, ${machine.chromium}):`,
    );
    for (const line of selfCheck ?? gates.map((g) => g.line)) log(line);
    if (notRun.length) log(`not run in the ${profile.name} profile: ${notRun.join(', ')} (npm run bench runs every gate)`);
    log(`results: ${files.json}\n         ${files.md}`);
    const failed = gates.filter((g) => g.verdict === 'FAIL').length;
    return failed > 0 || (selfCheck ?? []).some((l) => l.startsWith('SKEW')) ? 1 : 0;
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(2);
  },
);
