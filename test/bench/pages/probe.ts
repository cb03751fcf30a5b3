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
  const loaf = observe('long-animation-frame', (e) => {
    loafCount++;
    loafMaxMs = Math.max(loafMaxMs, e.duration);
  });
  const tasks = observe('longtask', (e) => {
    longTaskCount++;
    longTaskMaxMs = Math.max(longTaskMaxMs, e.duration);
  });
  return {
    stop() {
      running = false;
      // Flush what the observers still hold.
      loaf?.takeRecords().forEach((e) => { loafCount++; loafMaxMs = Math.max(loafMaxMs, e.duration); });
      tasks?.takeRecords().forEach((e) => { longTaskCount++; longTaskMaxMs = Math.max(longTaskMaxMs, e.duration); });
      loaf?.disconnect();
      tasks?.disconnect();
      return {
        intervals,
        loafType: loaf ? 'long-animation-frame' : tasks ? 'longtask' : 'none',
        loafCount: loaf ? loafCount : longTaskCount,
        loafMaxMs: loaf ? loafMaxMs : longTaskMaxMs,
        longTaskCount,
        longTaskMaxMs,
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
