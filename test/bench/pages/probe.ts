/**
 * Page-side measurement for one run: rAF frame intervals on the main thread, long animation frames
 * (fallback: long tasks), long tasks, and video playback quality. Same code in every page.
 */
export interface ProbeResult {
  readonly intervals: number[];
  readonly loafType: 'long-animation-frame' | 'longtask' | 'none';
  readonly loafCount: number;
  readonly loafMaxMs: number;
  readonly longTaskCount: number;
  readonly longTaskMaxMs: number;
  /** The longest animation frames (≥ 50 ms), with the scripts the browser blames: where time went. */
  readonly worst: readonly LongFrame[];
}

export interface LongFrame {
  readonly at: number;
  readonly ms: number;
  readonly blocking: number;
  readonly scripts: readonly string[];
}

interface LoafScript {
  readonly duration: number;
  readonly invoker?: string;
  readonly sourceURL?: string;
  readonly sourceFunctionName?: string;
  readonly sourceCharPosition?: number;
}

/** `12ms click@chunk-ab12.js:fn:1234`: enough to find the code in the built page. */
function describe(e: PerformanceEntry): LongFrame {
  const scripts = ((e as unknown as { scripts?: LoafScript[] }).scripts ?? [])
    .slice()
    .sort((a, b) => b.duration - a.duration)
    .slice(0, 3)
    .map(
      (s) =>
        `${Math.round(s.duration)}ms ${s.invoker ?? '?'}@${(s.sourceURL ?? '').split('/').pop()}:${s.sourceFunctionName ?? ''}:${s.sourceCharPosition ?? ''}`,
    );
  return {
    at: Math.round(e.startTime),
    ms: Math.round(e.duration),
    blocking: Math.round((e as unknown as { blockingDuration?: number }).blockingDuration ?? 0),
    scripts,
  };
}

export interface Probe {
  stop(): ProbeResult;
}

function observe(type: string, onEntry: (e: PerformanceEntry) => void): PerformanceObserver | undefined {
  if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return undefined;
  const po = new PerformanceObserver((list) => list.getEntries().forEach(onEntry));
  po.observe({ type, buffered: false });
  return po;
}

export function startProbe(): Probe {
  const intervals: number[] = [];
  let last = -1;
  let running = true;
  const frame = (t: number): void => {
    if (!running) return;
    if (last >= 0) intervals.push(t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  let loafCount = 0;
  let loafMaxMs = 0;
  let longTaskCount = 0;
  let longTaskMaxMs = 0;
  const worst: LongFrame[] = [];
  const onLoaf = (e: PerformanceEntry): void => {
    loafCount++;
    loafMaxMs = Math.max(loafMaxMs, e.duration);
    if (e.duration < 50) return;
    worst.push(describe(e));
    worst.sort((a, b) => b.ms - a.ms);
    worst.length = Math.min(worst.length, 3);
  };
  const loaf = observe('long-animation-frame', onLoaf);
  const tasks = observe('longtask', (e) => {
    longTaskCount++;
    longTaskMaxMs = Math.max(longTaskMaxMs, e.duration);
  });
  return {
    stop() {
      running = false;
      // Flush what the observers still hold.
      loaf?.takeRecords().forEach(onLoaf);
      tasks?.takeRecords().forEach((e) => {
        longTaskCount++;
        longTaskMaxMs = Math.max(longTaskMaxMs, e.duration);
      });
      loaf?.disconnect();
      tasks?.disconnect();
      return {
        intervals,
        loafType: loaf ? 'long-animation-frame' : tasks ? 'longtask' : 'none',
        loafCount: loaf ? loafCount : longTaskCount,
        loafMaxMs: loaf ? loafMaxMs : longTaskMaxMs,
        longTaskCount,
        longTaskMaxMs,
        worst,
      };
    },
  };
}

export interface VideoQuality {
  readonly dropped: number;
  readonly total: number;
}

export function videoQuality(video: HTMLVideoElement | null | undefined): VideoQuality | null {
  if (!video?.getVideoPlaybackQuality) return null;
  const q = video.getVideoPlaybackQuality();
  return { dropped: q.droppedVideoFrames, total: q.totalVideoFrames };
}

/** Resolves when the video has shown a frame and advances (or after `timeoutMs`, false). */
export async function untilPlaying(video: HTMLVideoElement, timeoutMs = 20_000): Promise<boolean> {
  const start = performance.now();
  while (performance.now() - start < timeoutMs) {
    if (!video.paused && video.currentTime > 0 && video.readyState >= 2) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export interface SettleRule {
  /** Animation frames in a row of at most `maxFrameMs` that count as steady. */
  readonly calmFrames: number;
  readonly maxFrameMs: number;
  /** Longest wait, ms. */
  readonly capMs: number;
}

/**
 * Resolves (with the ms it took) once the page is steady: `calmFrames` frames in a row of at most
 * `maxFrameMs`, then one idle period, so deferred start-up work (idle callbacks) has had its turn.
 */
export function settle(rule: SettleRule): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let last = t0;
    let calm = 0;
    const step = (t: number): void => {
      calm = t - last <= rule.maxFrameMs ? calm + 1 : 0;
      last = t;
      if (calm < rule.calmFrames && t - t0 < rule.capMs) return void requestAnimationFrame(step);
      requestIdleCallback(() => resolve(performance.now() - t0), { timeout: 1000 });
    };
    requestAnimationFrame(step);
  });
}
