/**
 * `HeartLayer`: floating hearts rising from the like button, drawn on one small canvas.
 *
 * Owns: its host `<div>` (placed by the like button template), one DPR-aware canvas made on the
 * first rising heart, a `requestAnimationFrame` chain that runs only while hearts are alive and
 * stops itself, the reduced-motion media-query listener (mode 'auto'), and the button pulse
 * animation. `destroy()` releases all of them and is idempotent; `likeResources()` counts them.
 *
 * Under `prefers-reduced-motion: reduce` nothing rises: a tap gives the button a short scale
 * pulse instead, and no canvas is made. The pool and merge rule live in `HeartField`.
 * Must not: render through Lit, read layout per frame, or keep a loop running while idle.
 */
import { prefersReducedMotion, watchReducedMotion } from '../platform/media.ts';
import { HeartField, type HeartFieldOptions } from './heart-field.ts';
import { paintHeart } from './heart-paint.ts';
import { trackLikeResource } from './like-resources.ts';

export interface HeartLayerOptions {
  /** Most hearts alive at once (default 40); taps beyond merge into living hearts. */
  readonly max?: number;
  /** Canvas size in CSS px (default 120 × 260). Hearts rise from the bottom centre. */
  readonly width?: number;
  readonly height?: number;
  /**
   * Where the hearts start, in canvas px from its left edge (default: the centre). The canvas is
   * placed so this point sits on the centre of the like button; near the container's right edge
   * use e.g. `width - 30`, and the hearts fan out to the left instead of being clipped.
   */
  readonly originX?: number;
  /** Origin above the canvas's bottom edge, px (default 22: the centre of a 44 px button). */
  readonly originOffset?: number;
  readonly colors?: readonly string[];
  readonly lifeMs?: readonly [number, number];
  readonly random?: () => number;
  /** Fixed pixel ratio; default: the window's, re-read whenever the loop starts. */
  readonly devicePixelRatio?: number;
  /** `true`/`false` to force, `'auto'` (default) to follow `prefers-reduced-motion`. */
  readonly reducedMotion?: boolean | 'auto';
}

export interface HeartLayerStats {
  readonly alive: number;
  readonly peak: number;
  /** New hearts started. */
  readonly spawned: number;
  /** Taps merged into a living heart (pool full). */
  readonly merged: number;
  /** Taps animated as hearts: spawned + merged. */
  readonly started: number;
  /** Taps answered with a button pulse (reduced motion). */
  readonly pulses: number;
  readonly frames: number;
  readonly running: boolean;
  readonly reducedMotion: boolean;
  readonly max: number;
}

export class HeartLayer {
  /** Place this in the DOM where the hearts should rise (the like button template does). */
  readonly host: HTMLDivElement;
  private readonly field: HeartField;
  private readonly width: number;
  private readonly height: number;
  private readonly originX: number;
  private canvasEl: HTMLCanvasElement | null = null;
  private ctx: CanvasRenderingContext2D | null = null;
  private dpr = 0;
  private raf = 0;
  private looping = false;
  private reduced: boolean;
  private unwatch: (() => void) | null = null;
  private pulseAnim: Animation | null = null;
  private pulses = 0;
  private frames = 0;
  private destroyed = false;

  constructor(private readonly options: HeartLayerOptions = {}) {
    this.width = options.width ?? 120;
    this.height = options.height ?? 260;
    this.originX = Math.min(this.width, Math.max(0, options.originX ?? this.width / 2));
    const fieldOptions: HeartFieldOptions = {
      width: this.width,
      height: this.height,
      originOffset: options.originOffset ?? 22,
      originX: this.originX,
      ...(options.max !== undefined ? { max: options.max } : {}),
      ...(options.colors ? { colors: options.colors } : {}),
      ...(options.lifeMs ? { lifeMs: options.lifeMs } : {}),
      ...(options.random ? { random: options.random } : {}),
    };
    this.field = new HeartField(fieldOptions);
    this.host = document.createElement('div');
    this.host.className = 'like-hearts';
    this.host.setAttribute('part', 'like-hearts');
    this.host.setAttribute('aria-hidden', 'true');
    const s = this.host.style;
    s.position = 'absolute';
    s.left = `calc(50% - ${this.originX}px)`; // the origin over the button's centre
    s.bottom = '0';
    s.width = `${this.width}px`;
    s.height = `${this.height}px`;
    s.pointerEvents = 'none';
    const mode = options.reducedMotion ?? 'auto';
    this.reduced = mode === 'auto' ? this.watchPreference() : mode;
  }

  /** The canvas, once the first heart has risen (null before, and under reduced motion). */
  get canvas(): HTMLCanvasElement | null {
    return this.canvasEl;
  }

  /** One tap: a rising heart (or a merge into one), or a pulse of `target` under reduced motion. */
  tap(target?: Element | null): void {
    if (this.destroyed) return;
    if (this.reduced) {
      this.pulse(target);
      return;
    }
    if (!this.ensureCanvas()) return;
    this.field.tap(performance.now());
    this.startLoop();
  }

  setReducedMotion(reduce: boolean): void {
    if (this.destroyed || reduce === this.reduced) return;
    this.reduced = reduce;
    if (reduce) {
      this.field.clear();
      this.stopLoop();
      this.clearCanvas();
    }
  }

  stats(): HeartLayerStats {
    const f = this.field;
    return {
      alive: f.alive,
      peak: f.peak,
      spawned: f.spawned,
      merged: f.merged,
      started: f.started,
      pulses: this.pulses,
      frames: this.frames,
      running: this.looping,
      reducedMotion: this.reduced,
      max: f.max,
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopLoop();
    this.field.clear();
    this.unwatch?.();
    this.unwatch = null;
    this.pulseAnim?.cancel();
    this.pulseAnim = null;
    if (this.canvasEl) {
      this.canvasEl.width = 0; // release the backing store now, not at GC
      this.canvasEl.height = 0;
      this.canvasEl.remove();
      this.canvasEl = null;
      this.ctx = null;
      trackLikeResource('canvases', -1);
    }
  }

  private ensureCanvas(): boolean {
    if (!this.canvasEl) {
      const canvas = document.createElement('canvas');
      const ctx = canvas.getContext('2d');
      if (!ctx) return false;
      canvas.style.width = '100%';
      canvas.style.height = '100%';
      canvas.style.display = 'block';
      this.canvasEl = canvas;
      this.ctx = ctx;
      this.host.append(canvas);
      trackLikeResource('canvases', +1);
    }
    const dpr = this.options.devicePixelRatio ?? (globalThis.devicePixelRatio || 1);
    if (dpr !== this.dpr) {
      this.dpr = dpr;
      this.canvasEl.width = Math.round(this.width * dpr);
      this.canvasEl.height = Math.round(this.height * dpr);
    }
    return true;
  }

  private startLoop(): void {
    if (this.looping || this.destroyed) return;
    this.looping = true;
    trackLikeResource('loops', +1);
    this.raf = requestAnimationFrame(this.onFrame);
  }

  private stopLoop(): void {
    if (!this.looping) return;
    cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.looping = false;
    trackLikeResource('loops', -1);
  }

  private readonly onFrame = (): void => {
    this.raf = 0;
    if (!this.looping) return;
    const now = performance.now();
    const alive = this.field.prune(now);
    this.draw(now);
    this.frames++;
    if (alive > 0) {
      this.raf = requestAnimationFrame(this.onFrame);
    } else {
      this.looping = false; // idle: the loop ends itself; the next tap starts it again
      trackLikeResource('loops', -1);
    }
  };

  private draw(now: number): void {
    const ctx = this.ctx;
    if (!ctx || !this.canvasEl) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvasEl.width, this.canvasEl.height);
    for (const heart of this.field.hearts) paintHeart(ctx, heart, this.field.pose(heart, now), this.dpr);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
  }

  private clearCanvas(): void {
    if (!this.ctx || !this.canvasEl) return;
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.clearRect(0, 0, this.canvasEl.width, this.canvasEl.height);
  }

  private pulse(target: Element | null | undefined): void {
    this.pulses++;
    if (!target || typeof (target as HTMLElement).animate !== 'function') return;
    // A pulse already under way answers this tap too: restarting it every key repeat would jitter.
    if (this.pulseAnim && this.pulseAnim.playState === 'running') return;
    const anim = (target as HTMLElement).animate([{ scale: '1' }, { scale: '1.18' }, { scale: '1' }], {
      duration: 220,
      easing: 'ease-out',
    });
    this.pulseAnim = anim;
    anim.onfinish = () => {
      if (this.pulseAnim === anim) this.pulseAnim = null;
    };
  }

  private watchPreference(): boolean {
    this.unwatch = watchReducedMotion('likes', (reduce) => this.setReducedMotion(reduce));
    return prefersReducedMotion();
  }
}
