/**
 * The painter's host: runs the painter on whichever thread paints (the worker, or the page in
 * fallback mode) from `PainterCommand`s, so both modes share one code path.
 *
 * Owns: the painter, its bitmap pool, the frame loop, the copy of the stage clock, the
 * visibility flag and the frame statistics it reports (about once a second while frames run, and
 * when the loop goes idle), stamped with `performance.timeOrigin + performance.now()` so a
 * benchmark can line them up with the page's own timeline.
 * The loop runs only while something moves: items on stage, clock running, page visible.
 */
import { BarragePainter } from './barrage-painter.ts';
import { BitmapPool, type SurfaceFactory } from './bitmap-pool.ts';
import type { PainterCommand, PainterEvent } from './barrage-protocol.ts';
import { FrameLoop, type FrameScheduler } from './frame-loop.ts';
import { absoluteNow, stageTime, type ClockState } from './stage-clock.ts';

export interface PainterHostEnv {
  post(event: PainterEvent, transfer?: Transferable[]): void;
  createSurface: SurfaceFactory;
  scheduler?: FrameScheduler;
}

const REPORT_MS = 1000;

export class PainterHost {
  private painter: BarragePainter | undefined;
  private readonly pool: BitmapPool;
  private readonly loop: FrameLoop;
  private clock: ClockState = { running: true, offset: absoluteNow(), frozenAt: 0 };
  private visible = true;
  private frames = 0;
  private lastReport = absoluteNow();
  private last = { fps: 0, p95: 0 };
  private dead = false;

  constructor(private readonly env: PainterHostEnv) {
    this.pool = new BitmapPool(env.createSurface);
    this.loop = new FrameLoop(this.tick, env.scheduler);
  }

  /** Frames drawn so far (read directly by the main-thread backend; the worker reports it). */
  get frameCount(): number {
    return this.frames;
  }

  handle(cmd: PainterCommand): void {
    if (this.dead) return;
    switch (cmd.t) {
      case 'init':
        this.painter = new BarragePainter(cmd.canvas, this.pool);
        this.painter.resize(cmd.size);
        this.clock = cmd.clock;
        this.env.post({ t: 'ready' });
        break;
      case 'resize':
        this.painter?.resize(cmd.size);
        this.kick();
        break;
      case 'add':
        this.painter?.add(cmd.items);
        this.kick();
        break;
      case 'clock':
        this.clock = cmd.clock;
        // Pausing: draw the frozen frame now, so what is shown (and inspected) is where it stopped.
        if (cmd.clock.running) this.kick();
        else this.drawNow();
        break;
      case 'visible':
        this.visible = cmd.visible;
        if (cmd.visible) this.kick();
        else this.loop.stop();
        break;
      case 'clear':
        this.painter?.clear();
        this.kick();
        break;
      case 'inspect':
        this.inspect(cmd.req, cmd.pixels);
        break;
      case 'destroy':
        this.destroy();
        break;
    }
  }

  private kick(): void {
    if (this.visible && this.painter) this.loop.start();
  }

  private drawNow(): void {
    if (!this.painter) return;
    this.loop.stop();
    this.painter.frame(stageTime(this.clock, absoluteNow()));
    this.frames++;
  }

  private readonly tick = (): boolean => {
    const painter = this.painter;
    if (!painter) return false;
    const abs = absoluteNow();
    painter.frame(stageTime(this.clock, abs));
    this.frames++;
    const again = this.visible && this.clock.running && painter.live > 0;
    if (!again || abs - this.lastReport >= REPORT_MS) this.report(abs);
    return again;
  };

  private report(abs: number): void {
    const window = this.loop.takeWindow();
    // An idle stretch is not a low frame rate: keep the last busy window's numbers.
    if (window.frames >= 2) this.last = { fps: window.fps, p95: window.p95 };
    this.lastReport = abs;
    this.env.post({ t: 'stats', frames: this.frames, fps: this.last.fps, p95: this.last.p95, live: this.painter?.live ?? 0, at: abs });
  }

  private inspect(req: number, withPixels: boolean): void {
    const painter = this.painter;
    const size = painter?.stageSize ?? { width: 0, height: 0, dpr: 1 };
    const backing = painter?.backing ?? { width: 0, height: 0 };
    const pixels = withPixels ? painter?.pixels() : undefined;
    this.env.post(
      {
        t: 'inspect',
        req,
        result: {
          stageTime: painter?.lastStageTime ?? 0,
          framesDrawn: this.frames,
          canvas: { width: backing.width, height: backing.height, dpr: size.dpr },
          items: painter?.inspectItems() ?? [],
          pooled: this.pool.spareCount,
          ...(pixels ? { pixels } : {}),
        },
      },
      pixels ? [pixels.data.buffer as ArrayBuffer] : undefined,
    );
  }

  /** Stops the loop and frees every surface; idempotent. */
  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.loop.destroy();
    this.painter?.destroy();
    this.pool.drain();
    this.painter = undefined;
  }
}
