/**
 * `createBarrage(host, options)`: the barrage the element owns — a canvas over the video with
 * comments flying right to left (or, for reduced motion, standing and fading).
 *
 * Owns: the canvas it appends to `host`, the render backend (worker with OffscreenCanvas, or the
 * main-thread fallback — one painter code path), the stage (allocation on the main thread, so
 * capacity is known synchronously), the pause-aware clock, the page watchers (size, visibility,
 * pixel ratio), the capacity timer and the capacity listeners. `destroy()` releases all of it
 * and is idempotent; `barrageResources()` counts what is alive.
 *
 * Pausing (`pause()`, for the video) freezes the clock: items stop where they are and lanes stop
 * freeing, and only own items are admitted. A hidden tab by default does NOT freeze (`onHidden:
 * 'skip'`): the live stream goes on, drawing stops, nothing but own items is admitted, and on
 * return the items that would have left are simply gone. Neither case queues anything, so
 * nothing bursts on resume.
 */
import { DEFAULT_BARRAGE_SETTINGS, validateBarrageSettings } from './barrage-settings.ts';
import { DEFAULT_BARRAGE_THEME, type BarrageTheme } from './barrage-theme.ts';
import type { PaintItem, PainterEvent, PainterStats, StageSize } from './barrage-protocol.ts';
import type { BarrageRenderer, BarrageInspection, BarrageMotion, BarrageOptions, BarrageRuntimeSettings } from './barrage-types.ts';
import { BarrageStage } from './barrage-stage.ts';
import { createMeasure, warmMeasure } from './canvas-measure.ts';
import { startMainBackend, startWorkerBackend, workerModeSupported, type RenderBackend } from './render-backend.ts';
import { CapacitySignal } from './capacity-signal.ts';
import { absoluteNow, pauseClock, resumeClock, stageTime, startClock, type ClockState } from './stage-clock.ts';
import { currentDpr, isDocumentHidden, watchStage } from './stage-watchers.ts';

export type { BarrageRenderer, BarrageOptions } from './barrage-types.ts';

function makeCanvas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true'); // decorative: the chat list is the accessible copy
  canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;display:block;pointer-events:none;';
  return canvas;
}

export function createBarrage(host: HTMLElement, options: BarrageOptions = {}): BarrageRenderer {
  const theme: BarrageTheme = { ...DEFAULT_BARRAGE_THEME, ...options.theme };
  let settings: BarrageRuntimeSettings = {
    ...validateBarrageSettings(options.settings ?? {}, DEFAULT_BARRAGE_SETTINGS),
    motion: options.motion === 'static' ? 'static' : 'fly',
  };
  const measure = createMeasure();
  warmMeasure(measure, settings.fontSize);
  const stage = new BarrageStage(measure, settings, theme);
  const fixedDpr = options.devicePixelRatio;
  let size: StageSize = { width: 0, height: 0, dpr: fixedDpr ?? currentDpr() };
  let clock: ClockState = startClock(absoluteNow());
  const pauseReasons = new Set<'api' | 'hidden'>();
  let hidden = isDocumentHidden();
  const hiddenFreezes = options.onHidden === 'freeze';
  if (hidden && hiddenFreezes) pauseReasons.add('hidden');
  if (pauseReasons.size > 0) clock = pauseClock(clock, absoluteNow());
  let painterStats: PainterStats = { frames: 0, fps: 0, p95: 0, live: 0, at: 0 };
  let dead = false;

  // One stage time per synchronous run: a burst of pushes in one task sees one instant, so
  // "accepted ≤ free capacity" holds exactly even as the clock ticks between calls.
  let tickNow: number | undefined;
  const now = (): number => {
    if (tickNow === undefined) {
      tickNow = stageTime(clock, absoluteNow());
      queueMicrotask(() => (tickNow = undefined));
    }
    return tickNow;
  };

  let canvas = makeCanvas();
  host.append(canvas);
  const applyLook = (): void => {
    canvas.style.opacity = String(settings.opacity);
    canvas.style.visibility = settings.enabled ? 'visible' : 'hidden';
  };
  applyLook();

  interface Pending {
    readonly pixels: boolean;
    readonly resolve: (r: BarrageInspection) => void;
    readonly reject: (e: Error) => void;
  }
  const inspections = new Map<number, Pending>();
  let nextReq = 1;
  const onEvent = (event: PainterEvent): void => {
    if (event.t === 'stats') painterStats = event;
    else if (event.t === 'inspect') {
      inspections.get(event.req)?.resolve({ ...event.result, mode: backend.mode });
      inspections.delete(event.req);
    }
  };

  const fallBackToMain = (): void => {
    if (dead || backend.mode === 'main') return;
    options.onFallback?.('the barrage worker stopped; drawing on the main thread');
    backend.destroy();
    const fresh = makeCanvas();
    canvas.replaceWith(fresh);
    canvas = fresh;
    applyLook();
    backend = startMainBackend(canvas, size, clock, onEvent);
    if (hidden && !hiddenFreezes) backend.send({ t: 'visible', visible: false });
    outbox = []; // already among the live items replayed here
    backend.send({ t: 'add', items: stage.liveItems(now()) });
    // Inspections asked of the dead worker are asked again of the new painter.
    for (const [req, { pixels }] of inspections) backend.send({ t: 'inspect', req, pixels });
  };

  let backend: RenderBackend;
  const wantWorker = options.renderer !== 'main' && workerModeSupported();
  try {
    backend = wantWorker
      ? startWorkerBackend(canvas, size, clock, onEvent, () => queueMicrotask(fallBackToMain), options.createWorker)
      : startMainBackend(canvas, size, clock, onEvent);
  } catch (e) {
    if (!wantWorker) throw e;
    options.onFallback?.(`the barrage worker could not start (${e instanceof Error ? e.message : String(e)}); drawing on the main thread`);
    backend = startMainBackend(canvas, size, clock, onEvent);
  }
  if (hidden && !hiddenFreezes) backend.send({ t: 'visible', visible: false });

  // Adds are batched per task: one message for a burst instead of one per item.
  let outbox: PaintItem[] = [];
  const send = (items: readonly PaintItem[]): void => {
    if (items.length === 0) return;
    if (outbox.length === 0) queueMicrotask(flush);
    outbox.push(...items);
  };
  const flush = (): void => {
    const items = outbox;
    outbox = [];
    if (!dead && items.length > 0) backend.send({ t: 'add', items });
  };

  const admitting = (): boolean => settings.enabled && pauseReasons.size === 0 && !hidden;
  const capacity = new CapacitySignal(
    () => freeCapacity(),
    () => {
      if (dead || !admitting()) return null;
      const t = now();
      const next = stage.nextFreeAt(t);
      return next === null ? null : next - t;
    },
  );

  const freeCapacity = (): number => (dead || !admitting() ? 0 : stage.freeCapacity(now()));

  const applyClock = (): void => {
    const running = pauseReasons.size === 0;
    if (running === clock.running) return;
    clock = running ? resumeClock(clock, absoluteNow()) : pauseClock(clock, absoluteNow());
    tickNow = undefined;
    backend.send({ t: 'clock', clock });
    if (running) capacity.soon();
    else capacity.disarm();
  };

  const resize = (): void => {
    backend.send({ t: 'resize', size });
    send(stage.resize(size.width, size.height, now()));
    capacity.soon();
  };

  const unwatch = watchStage(
    host,
    {
      onResize(width, height) {
        if (dead || (width === size.width && height === size.height)) return;
        size = { ...size, width, height };
        resize();
      },
      onVisibility(isHidden) {
        if (dead || isHidden === hidden) return;
        hidden = isHidden;
        if (hiddenFreezes) {
          if (hidden) pauseReasons.add('hidden');
          else pauseReasons.delete('hidden');
          applyClock();
        } else {
          backend.send({ t: 'visible', visible: !hidden });
        }
        if (hidden) capacity.disarm();
        else capacity.soon();
      },
      onDprChange(dpr) {
        if (dead || fixedDpr !== undefined || dpr === size.dpr) return;
        size = { ...size, dpr };
        resize();
      },
    },
    fixedDpr === undefined,
  );

  const controller: BarrageRenderer = {
    get mode() {
      return backend.mode;
    },
    get canvas() {
      return canvas;
    },
    get paused() {
      return !clock.running;
    },
    push(item) {
      if (dead) {
        stage.counters.pushed++;
        stage.counters.disabled++;
        return false;
      }
      const placed = stage.push(item, now(), admitting());
      if (placed === null) return false;
      if (placed !== 'queued') send([placed]);
      if (!capacity.armed) capacity.arm();
      return true;
    },
    freeCapacity,
    onCapacity: (cb) => capacity.add(cb),
    setSettings(partial) {
      if (dead) return settings;
      const motion: BarrageMotion = partial.motion === 'static' || partial.motion === 'fly' ? partial.motion : settings.motion;
      settings = { ...validateBarrageSettings(partial, settings), motion };
      if (stage.configure(settings)) {
        outbox = [];
        backend.send({ t: 'clear' });
      }
      applyLook();
      capacity.soon();
      return settings;
    },
    settings: () => settings,
    pause() {
      if (dead) return;
      pauseReasons.add('api');
      applyClock();
    },
    resume() {
      if (dead) return;
      pauseReasons.delete('api');
      applyClock();
    },
    clear() {
      if (dead) return;
      stage.clear();
      outbox = [];
      backend.send({ t: 'clear' });
      capacity.soon();
    },
    stats() {
      const t = now();
      const c = stage.counters;
      return {
        mode: backend.mode,
        motion: settings.motion,
        pushed: c.pushed,
        placed: c.placed,
        rejected: c.rejected,
        disabled: c.disabled,
        ownDelayed: c.ownDelayed,
        onScreen: dead ? 0 : stage.onScreen(t),
        lanes: stage.laneCount,
        freeCapacity: freeCapacity(),
        framesDrawn: backend.frames?.() ?? painterStats.frames,
        fps: painterStats.fps,
        p95FrameMs: painterStats.p95,
        reportedAt: painterStats.at,
        paused: !clock.running,
        hidden,
      };
    },
    inspect(opts = {}) {
      if (dead) return Promise.reject(new Error('barrage destroyed'));
      flush();
      const req = nextReq++;
      const pixels = opts.pixels === true;
      return new Promise<BarrageInspection>((resolve, reject) => {
        inspections.set(req, { pixels, resolve, reject });
        backend.send({ t: 'inspect', req, pixels });
      });
    },
    destroy() {
      if (dead) return;
      dead = true;
      unwatch();
      capacity.destroy();
      outbox = [];
      backend.destroy();
      stage.clear();
      canvas.remove();
      for (const { reject } of inspections.values()) reject(new Error('barrage destroyed'));
      inspections.clear();
    },
  };
  return controller;
}
