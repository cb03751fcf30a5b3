/**
 * A frame loop that runs only while asked to, and measures itself.
 *
 * Owns: one pending `requestAnimationFrame` (or, where a thread has none, a ~60 Hz `setTimeout`)
 * and the intervals between its frames. The tick returns whether it wants another frame, so the
 * loop goes idle by itself when nothing moves. Used by the painter host on whichever thread
 * paints. `destroy()` cancels the pending frame and is idempotent.
 */
import { trackResource } from './barrage-resources.ts';

export interface FrameScheduler {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

/** rAF where this thread has it (pages; Chromium's dedicated workers), else setTimeout pacing. */
export function defaultScheduler(): FrameScheduler {
  const g = globalThis as {
    requestAnimationFrame?: (cb: (t: number) => void) => number;
    cancelAnimationFrame?: (h: number) => void;
  };
  if (typeof g.requestAnimationFrame === 'function' && typeof g.cancelAnimationFrame === 'function') {
    const raf = g.requestAnimationFrame.bind(globalThis);
    const caf = g.cancelAnimationFrame.bind(globalThis);
    return { request: (cb) => raf(cb), cancel: (h) => caf(h) };
  }
  // Timer handles differ by runtime (a number, or an object under Node): keep them behind numbers.
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let next = 0;
  return {
    request: (cb) => {
      const id = ++next;
      const timer = setTimeout(() => {
        timers.delete(id);
        cb(performance.now());
      }, 16);
      timers.set(id, timer);
      return id;
    },
    cancel: (h) => {
      clearTimeout(timers.get(h));
      timers.delete(h);
    },
  };
}

export interface FrameWindow {
  readonly frames: number;
  readonly fps: number;
  /** 95th percentile frame interval, ms (0 when fewer than two frames). */
  readonly p95: number;
}

const MAX_SAMPLES = 240;

export class FrameLoop {
  private handle: number | null = null;
  private last = -1;
  private intervals: number[] = [];
  private windowFrames = 0;
  private windowStart = performance.now();
  /** Sum and count of the window's frame intervals (idle stretches between runs are not intervals). */
  private busyMs = 0;
  private busyIntervals = 0;
  private dead = false;

  constructor(
    private readonly tick: (time: number) => boolean,
    private readonly scheduler: FrameScheduler = defaultScheduler(),
  ) {
    trackResource('loops', +1);
  }

  get running(): boolean {
    return this.handle !== null;
  }

  start(): void {
    if (this.dead || this.handle !== null) return;
    this.last = -1; // an idle gap is not a slow frame
    this.handle = this.scheduler.request(this.onFrame);
  }

  stop(): void {
    if (this.handle === null) return;
    this.scheduler.cancel(this.handle);
    this.handle = null;
  }

  private readonly onFrame = (): void => {
    this.handle = null;
    const now = performance.now();
    if (this.last >= 0) {
      this.busyMs += now - this.last;
      this.busyIntervals++;
      this.intervals.push(now - this.last);
      if (this.intervals.length > MAX_SAMPLES) this.intervals.shift();
    }
    this.last = now;
    this.windowFrames++;
    const again = this.tick(now);
    if (again && !this.dead && this.handle === null) this.handle = this.scheduler.request(this.onFrame);
  };

  /** Frame rate and p95 interval since the previous call; starts a new window. */
  takeWindow(): FrameWindow {
    const now = performance.now();
    const elapsed = now - this.windowStart;
    const sorted = this.intervals.slice().sort((a, b) => a - b);
    const p95 = sorted.length > 0 ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]! : 0;
    // Frames per second of running time: a loop that stopped because the stage was empty has not
    // dropped frames meanwhile (the same definition as the bench's main-thread rAF fps).
    const fps = this.busyIntervals > 0 ? (this.busyIntervals * 1000) / this.busyMs : elapsed > 0 ? (this.windowFrames * 1000) / elapsed : 0;
    const result = { frames: this.windowFrames, fps, p95 };
    this.busyMs = 0;
    this.busyIntervals = 0;
    this.windowFrames = 0;
    this.windowStart = now;
    this.intervals = [];
    return result;
  }

  destroy(): void {
    if (this.dead) return;
    this.stop();
    this.dead = true;
    trackResource('loops', -1);
  }
}
