/**
 * The contract between the node runner and every bench page (`window.__bench`), plus the one
 * measurement loop the pages share: replay the generated items through an engine adapter while the
 * probe records frames. Pages differ only in their adapter.
 */
import { settle, startProbe, videoQuality, type ProbeResult, type VideoQuality } from './probe.ts';
import { generate, replay, type Item, type ItemKind, type Plan } from './workload-gen.ts';

export interface SetupOptions {
  /** Live HLS playlist every stage plays (the barrage of ours pauses without a playing video). */
  readonly liveUrl: string;
  /** Lottie JSON the gift workloads play. */
  readonly effectUrl?: string;
}

export interface SetupInfo {
  readonly engine: string;
  readonly stage: { readonly width: number; readonly height: number };
  readonly playing: boolean;
  readonly notes: readonly string[];
}

export interface PageRunResult {
  readonly engine: string;
  readonly probe: ProbeResult;
  readonly runMs: number;
  readonly maxLateMs: number;
  /** Ours: the barrage painter's fps samples (lcr-metrics) during the run; peers: empty. */
  readonly barrageFps: readonly number[];
  /** Ours: the last lcr-metrics detail of the run (pipeline counters + barrage stats). */
  readonly metrics: unknown;
  readonly video: { readonly before: VideoQuality | null; readonly after: VideoQuality | null };
  readonly sent: Readonly<Record<ItemKind, number>>;
  /** Ours: ids of gift/own items seen as chat lines; peers: what they were handed (no shedding). */
  readonly shown: { readonly gift: number; readonly own: number };
  readonly effects: { readonly started: number; readonly skipped: number; readonly mode: string };
  readonly likes: { readonly mode: string; readonly sendTimes: readonly number[] };
  readonly notes: readonly string[];
}

export interface PlayerResult {
  readonly engine: string;
  /** From the start call to the first presented frame (requestVideoFrameCallback), ms. */
  readonly ttffMs: number;
  /** From navigation start to the first frame, ms. */
  readonly ttffFromNavMs: number;
  /** Live latency each second after the playlist edge first moved: edge + its age − currentTime, s. */
  readonly latency: readonly number[];
  readonly stalls: number;
  readonly video: VideoQuality | null;
  readonly errors: readonly string[];
}

export interface BenchPage {
  setup(options: SetupOptions): Promise<SetupInfo>;
  run(plan: Plan): Promise<PageRunResult>;
  player(url: string, watchMs: number): Promise<PlayerResult>;
}

/** The harness lets every page settle after its setup the same way (session.ts). */
window.__benchSettle = settle;

declare global {
  interface Window {
    __bench: BenchPage;
    __benchReady: boolean;
    __benchPlayer?: Promise<PlayerResult>;
    __benchSettle: typeof settle;
  }
}

/**
 * W7 from navigation: with `?play=<url>&watch=<ms>`, a page starts its player as soon as its
 * module has run — as a page with a live room does — so no harness round trip sits between the
 * page being ready and the player's start. Every page calls this last, the same way.
 */
export function startPlayerFromQuery(): void {
  const q = new URLSearchParams(location.search);
  const url = q.get('play');
  if (url) window.__benchPlayer = window.__bench.player(url, Number(q.get('watch') ?? 0));
}

/** What a page plugs into the shared loop. */
export interface EngineAdapter {
  readonly name: string;
  emit(item: Item): void;
  video(): HTMLVideoElement | null;
  /** Called right before the run starts / after it ends (collect engine-specific results). */
  begin?(): void;
  end(): Pick<PageRunResult, 'barrageFps' | 'metrics' | 'shown' | 'effects' | 'likes' | 'notes'>;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function runPlan(plan: Plan, engine: EngineAdapter): Promise<PageRunResult> {
  const items = generate(plan);
  const sent: Record<ItemKind, number> = { text: 0, gift: 0, own: 0, effect: 0, like: 0 };
  engine.begin?.();
  const before = videoQuality(engine.video());
  const probe = startProbe();
  const t0 = performance.now();
  const { maxLateMs } = await replay(items, (item) => {
    sent[item.kind]++;
    engine.emit(item);
  });
  await sleep(plan.tailMs);
  const result = probe.stop();
  const runMs = performance.now() - t0;
  return {
    engine: engine.name,
    probe: result,
    runMs,
    maxLateMs,
    video: { before, after: videoQuality(engine.video()) },
    sent,
    ...engine.end(),
  };
}

/** Watches a starting player: first frame, live latency each second, stalls. */
export async function watchPlayer(
  engine: string,
  video: HTMLVideoElement,
  t0: number,
  watchMs: number,
  errors: string[],
): Promise<PlayerResult> {
  let first = NaN;
  let playing = false;
  let stalls = 0;
  video.addEventListener('playing', () => (playing = true));
  video.addEventListener('waiting', () => {
    if (playing) stalls++;
  });
  await new Promise<void>((resolve) => {
    const give = setTimeout(resolve, 30_000);
    const onFrame = (): void => {
      first = performance.now();
      clearTimeout(give);
      resolve();
    };
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(onFrame);
    else video.addEventListener('playing', onFrame, { once: true });
  });
  // Latency as hls.js defines it (edge + age of the playlist − currentTime), for every engine alike:
  // the seekable end is the edge of the last loaded playlist; its age is the time since it moved.
  const latency: number[] = [];
  if (Number.isFinite(first)) {
    const end = performance.now() + watchMs;
    let edge = NaN;
    let edgeAt = NaN;
    let moved = false;
    let ticks = 0;
    while (performance.now() < end) {
      await sleep(100);
      const s = video.seekable;
      if (!s.length) continue;
      const e = s.end(s.length - 1);
      if (e !== edge) {
        moved ||= Number.isFinite(edge);
        edge = e;
        edgeAt = performance.now();
      }
      if (++ticks % 10 === 0 && moved) latency.push(edge + (performance.now() - edgeAt) / 1000 - video.currentTime);
    }
  }
  return { engine, ttffMs: first - t0, ttffFromNavMs: first, latency, stalls, video: videoQuality(video), errors };
}
