/**
 * One fresh page per run: opens a bench page in its own browser context (1280×720), attaches a
 * CDP session (Performance, HeapProfiler, Memory) and measures a run from node: main-thread CDP
 * metric deltas, JS heap and DOM counters (after a forced GC where asked). Every page, ours and
 * peers alike, is let settle after its setup (`settle`): the workloads measure a room in its
 * steady state; its start is W7's and W9's business.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { PageRunResult, PlayerResult, SetupInfo, SetupOptions } from './pages/bench-api.ts';
import type { SettleRule } from './pages/probe.ts';
import type { Plan } from './pages/workload-gen.ts';

export const CDP_METRICS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const;
export type CdpDeltas = Record<(typeof CDP_METRICS)[number], number>;

export interface MemorySample {
  /** Runtime.getHeapUsage usedSize of the page's main isolate, bytes. */
  readonly heap: number;
  /** Memory.getDOMCounters nodes. */
  readonly nodes: number;
}

/** Steady state (`settle` in pages/probe.ts): a second of frames of ≤ 25 ms, then an idle period; at most 5 s. */
export const SETTLE: SettleRule = { calmFrames: 60, maxFrameMs: 25, capMs: 5000 };

export class BenchSession {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly cdp: CDPSession,
    readonly consoleErrors: string[],
  ) {}

  static async open(browser: Browser, baseUrl: string, pageName: string, query = ''): Promise<BenchSession> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e.message).slice(0, 300)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text().slice(0, 300)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' } as never).catch(() => cdp.send('Performance.enable'));
    await page.goto(`${baseUrl}/${pageName}.html${query}`);
    await page.waitForFunction(() => window.__benchReady === true, undefined, { timeout: 20_000 });
    return new BenchSession(context, page, cdp, errors);
  }

  /** The page's setup, then its settling (`SETTLE`); `settleMs` is how long the settling took. */
  async setup(options: SetupOptions): Promise<SetupInfo & { settleMs: number }> {
    const info = await this.page.evaluate((o) => window.__bench.setup(o), options);
    const settleMs = await this.page.evaluate((rule) => window.__benchSettle(rule), SETTLE);
    return { ...info, settleMs };
  }

  async cdpMetrics(): Promise<Record<string, number>> {
    const { metrics }: { metrics: { name: string; value: number }[] } = await this.cdp.send('Performance.getMetrics');
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }

  async memory(gc: boolean): Promise<MemorySample> {
    if (gc) {
      await this.cdp.send('HeapProfiler.collectGarbage');
      await this.cdp.send('HeapProfiler.collectGarbage');
    }
    const heap = (await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await this.cdp.send('Memory.getDOMCounters')) as { nodes: number };
    return { heap: heap.usedSize, nodes: dom.nodes };
  }

  /** Runs a plan in the page; CDP deltas cover exactly the page's run (ms of main-thread time). */
  async run(plan: Plan): Promise<{ page: PageRunResult; cdp: CdpDeltas }> {
    const before = await this.cdpMetrics();
    const page = await this.page.evaluate((p) => window.__bench.run(p), plan);
    const after = await this.cdpMetrics();
    const cdp = Object.fromEntries(CDP_METRICS.map((k) => [k, ((after[k] ?? NaN) - (before[k] ?? NaN)) * 1000])) as CdpDeltas;
    return { page, cdp };
  }

  player(url: string, watchMs: number): Promise<PlayerResult> {
    return this.page.evaluate(([u, w]) => window.__bench.player(u, w), [url, watchMs] as const);
  }

  /** Opens a page that starts playing `url` as soon as its module has run (W7, from navigation). */
  static async openPlaying(
    browser: Browser,
    baseUrl: string,
    pageName: string,
    url: string,
    watchMs: number,
  ): Promise<{ session: BenchSession; result: Promise<PlayerResult> }> {
    const session = await BenchSession.open(browser, baseUrl, pageName, `?play=${encodeURIComponent(url)}&watch=${watchMs}`);
    const result = session.page.evaluate(() => window.__benchPlayer ?? Promise.reject(new Error('the page did not start its player')));
    return { session, result };
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}
