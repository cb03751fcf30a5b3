/**
 * Interleaved page runs: for each repetition, ours then the peer (ours, peer, ours, peer…), each
 * in a fresh page, with the same plan (same seed). Turns what a page and CDP report into one flat
 * record per run.
 */
import type { Browser } from 'playwright-core';
import type { PageRunResult, SetupInfo } from '../pages/bench-api.ts';
import type { LongFrame } from '../pages/probe.ts';
import type { Plan } from '../pages/workload-gen.ts';
import { BenchSession, type CdpDeltas, type MemorySample } from '../session.ts';
import { maxInWindow, median, summarizeFrames, type FrameSummary } from '../stats.ts';

export interface Side {
  /** `ours` or the peer's role. */
  readonly role: 'ours' | 'peer';
  /** Bench page name (pages/<name>.html). */
  readonly page: string;
  /** Where the page is served from, when not the run's `baseUrl` (the cross-origin workloads). */
  readonly baseUrl?: string;
}

export interface RunRecord {
  readonly workload: string;
  readonly role: 'ours' | 'peer';
  readonly engine: string;
  readonly rep: number;
  readonly setup: SetupInfo & { readonly settleMs: number };
  readonly frames: FrameSummary;
  /** Ours: median of the barrage painter's fps reports; peers: main-thread rAF fps. */
  readonly barrageFps: number;
  readonly cdp: CdpDeltas;
  readonly loaf: { readonly type: string; readonly count: number; readonly maxMs: number; readonly worst: readonly LongFrame[] };
  readonly longTasks: { readonly count: number; readonly maxMs: number };
  readonly memory: { readonly before: MemorySample; readonly after: MemorySample; readonly afterGc: MemorySample };
  readonly counters: unknown;
  readonly sent: PageRunResult['sent'];
  readonly shown: PageRunResult['shown'];
  readonly effects: PageRunResult['effects'];
  readonly likes: { readonly mode: string; readonly sends: number; readonly maxPerWindow: number };
  readonly droppedVideoFrames: number | null;
  readonly runMs: number;
  readonly maxLateMs: number;
  readonly errors: readonly string[];
}

export interface PageRunOptions {
  readonly browser: Browser;
  readonly baseUrl: string;
  readonly liveUrl: string;
  readonly effectUrl: string;
  /** Fed (and let leave the stage) before the "before" memory sample. */
  readonly warmup?: Plan;
  /** Wait after the run before the "after" samples (e.g. for items to leave the stage). */
  readonly settleMs?: number;
  readonly log: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runOnce(workload: string, side: Side, rep: number, plan: Plan, o: PageRunOptions): Promise<RunRecord> {
  const session = await BenchSession.open(o.browser, side.baseUrl ?? o.baseUrl, side.page);
  try {
    const setup = await session.setup({ liveUrl: o.liveUrl, effectUrl: o.effectUrl });
    if (o.warmup) await session.run(o.warmup);
    const before = await session.memory(true);
    const { page, cdp } = await session.run(plan);
    if (o.settleMs) await sleep(o.settleMs);
    const after = await session.memory(false);
    const afterGc = await session.memory(true);
    const frames = summarizeFrames(page.probe.intervals);
    const ownFps = median(page.barrageFps);
    const likeTimes = page.likes.sendTimes;
    const rec: RunRecord = {
      workload,
      role: side.role,
      engine: page.engine,
      rep,
      setup,
      frames,
      barrageFps: page.engine === 'ours' ? ownFps : frames.fps,
      cdp,
      loaf: { type: page.probe.loafType, count: page.probe.loafCount, maxMs: page.probe.loafMaxMs, worst: page.probe.worst ?? [] },
      longTasks: { count: page.probe.longTaskCount, maxMs: page.probe.longTaskMaxMs },
      memory: { before, after, afterGc },
      counters: page.metrics,
      sent: page.sent,
      shown: page.shown,
      effects: page.effects,
      // A 950 ms window absorbs timer jitter around a 1 s aggregation window.
      likes: { mode: page.likes.mode, sends: likeTimes.length, maxPerWindow: maxInWindow(likeTimes, 950) },
      droppedVideoFrames: page.video.after && page.video.before ? page.video.after.dropped - page.video.before.dropped : null,
      runMs: page.runMs,
      maxLateMs: page.maxLateMs,
      errors: [...session.consoleErrors, ...page.notes].slice(0, 10),
    };
    o.log(
      `  ${workload.padEnd(10)} ${rep} ${page.engine.padEnd(22)} fps ${frames.fps.toFixed(1)} p95 ${frames.p95Ms.toFixed(1)}ms barrage ${rec.barrageFps.toFixed(1)} ` +
        `task ${cdp.TaskDuration.toFixed(0)}ms loaf ${rec.loaf.count} settle ${setup.settleMs.toFixed(0)}ms heapΔgc ${((afterGc.heap - before.heap) / 1e6).toFixed(2)}MB nodes ${before.nodes}→${afterGc.nodes}`,
    );
    // Ours only: where a long frame's time went (the peer's long frames are the peer's business).
    if (side.role === 'ours')
      for (const f of rec.loaf.worst)
        o.log(
          `             long frame ${f.ms}ms (blocking ${f.blocking}ms) at ${f.at}ms: ${f.scripts.join(' | ') || 'no script attributed'}`,
        );
    return rec;
  } finally {
    await session.close();
  }
}

/** reps × (ours, peer…) in that order; `sides` may hold one side (ours only) or ours twice (self-check). */
export async function interleaved(
  workload: string,
  sides: readonly Side[],
  reps: number,
  plan: Plan,
  o: PageRunOptions,
): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  for (let rep = 0; rep < reps; rep++) {
    for (const side of sides) {
      try {
        out.push(await runOnce(workload, side, rep, plan, o));
      } catch (err) {
        o.log(`  ${workload} ${rep} ${side.page}: run failed: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  }
  return out;
}
