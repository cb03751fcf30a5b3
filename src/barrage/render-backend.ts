/**
 * Where the painter runs: in a dedicated worker that owns the transferred canvas, or on the
 * page's main thread (fallback) — behind one small interface so the controller does not care.
 *
 * Owns: the worker (created, watched for failure, terminated) or the main-thread `PainterHost`.
 * A worker that fails to start (a CSP without `blob:` or `'self'` in `worker-src`, a worker file
 * served without CORS or as the wrong type, a crash) is reported once through `onFailure`; the controller then swaps in a fresh canvas and a
 * main-thread backend (a transferred canvas can never be drawn from the page again).
 */
import barrageWorkerFile from './barrage-worker.ts?worker&url';
import { startWorker } from '../platform/workers.ts';
import type { PainterCommand, PainterEvent, StageSize } from './barrage-protocol.ts';
import type { BarrageMode, WorkerFactory } from './barrage-types.ts';
import { trackResource } from './barrage-resources.ts';
import { PainterHost } from './painter-host.ts';
import type { ClockState } from './stage-clock.ts';

export interface RenderBackend {
  readonly mode: BarrageMode;
  send(cmd: PainterCommand): void;
  /** Frames drawn so far, where it can be read synchronously (main thread). */
  frames?(): number;
  /** Terminates the worker / stops the loop and frees the pool; idempotent. */
  destroy(): void;
}

export type { WorkerFactory } from './barrage-types.ts';

/** Whether this browser can paint the barrage off the main thread at all. */
export function workerModeSupported(): boolean {
  return (
    typeof Worker === 'function' &&
    typeof OffscreenCanvas === 'function' &&
    typeof HTMLCanvasElement === 'function' &&
    'transferControlToOffscreen' in HTMLCanvasElement.prototype
  );
}

/** The painter's module worker, from the element's own origin whatever the page's (platform/workers.ts). */
export const defaultWorkerFactory: WorkerFactory = () => startWorker(barrageWorkerFile, 'module', 'lcr-barrage');

/**
 * Transfers `canvas` to a new worker. Throws (canvas untouched) when the worker cannot even be
 * constructed; later failures arrive through `onFailure`, at most once.
 */
export function startWorkerBackend(
  canvas: HTMLCanvasElement,
  size: StageSize,
  clock: ClockState,
  onEvent: (event: PainterEvent) => void,
  onFailure: (reason: string) => void,
  createWorker: WorkerFactory = defaultWorkerFactory,
): RenderBackend {
  const worker = createWorker();
  trackResource('workers', +1);
  let alive = true;
  let failed = false;
  const fail = (reason: string): void => {
    if (!alive || failed) return;
    failed = true;
    onFailure(reason);
  };
  worker.addEventListener('message', (e: MessageEvent<PainterEvent>) => {
    if (!alive) return;
    if (e.data.t === 'error') fail(e.data.message);
    else onEvent(e.data);
  });
  worker.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault();
    fail(e.message || 'worker error');
  });
  worker.addEventListener('messageerror', () => fail('worker message error'));
  let offscreen: OffscreenCanvas;
  try {
    offscreen = canvas.transferControlToOffscreen();
  } catch (err) {
    worker.terminate();
    trackResource('workers', -1);
    throw err;
  }
  const init: PainterCommand = { t: 'init', canvas: offscreen, size, clock };
  worker.postMessage(init, [offscreen]);
  return {
    mode: 'worker',
    send(cmd) {
      if (alive) worker.postMessage(cmd);
    },
    destroy() {
      if (!alive) return;
      alive = false;
      worker.postMessage({ t: 'destroy' } satisfies PainterCommand);
      worker.terminate();
      trackResource('workers', -1);
    },
  };
}

/** Paints on the main thread with the very same host code the worker runs. */
export function startMainBackend(
  canvas: HTMLCanvasElement,
  size: StageSize,
  clock: ClockState,
  onEvent: (event: PainterEvent) => void,
): RenderBackend {
  const host = new PainterHost({
    post: (event) => onEvent(event),
    createSurface: (width, height) => {
      if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height);
      const c = document.createElement('canvas');
      c.width = width;
      c.height = height;
      return c;
    },
  });
  host.handle({ t: 'init', canvas, size, clock });
  let alive = true;
  return {
    mode: 'main',
    send(cmd) {
      if (alive) host.handle(cmd);
    },
    frames: () => host.frameCount,
    destroy() {
      if (!alive) return;
      alive = false;
      host.destroy();
    },
  };
}
