/**
 * The barrage's public vocabulary: what the element pushes, what it reads back. Types only.
 */
import type { BarrageSettings } from './barrage-settings.ts';
import type { BarrageTheme } from './barrage-theme.ts';

/** Makes the barrage worker (a host serving the worker script itself; tests). */
export type WorkerFactory = () => Worker;

/** One comment for the barrage. Text is drawn with canvas text calls, never parsed as markup. */
export interface BarrageItem {
  /** Message id (for inspection and logs; the barrage does not deduplicate). */
  readonly id: string;
  readonly text: string;
  /** Sent by the local user: outlined, and never refused while the barrage is on. */
  readonly own?: boolean;
  /** Sender level 1–99, drawn as a coloured badge prefix; 0/absent = no badge. */
  readonly level?: number;
  /** Sender nickname, drawn before the text in a softer colour; absent = text only. */
  readonly name?: string;
  /** `gift`: an inline (type-1) gift line, drawn in the gift tint. */
  readonly kind?: 'text' | 'gift';
  /** Folded repeats ("666 ×12") or the gift count ("🌹 ×3"); shown when > 1. */
  readonly count?: number;
  /** Text colour, `#rgb` or `#rrggbb` only (anything else is ignored). */
  readonly color?: string;
}

/** Flying lanes, or (reduced motion) items shown in place with a fade. */
export type BarrageMotion = 'fly' | 'static';

/** Where the drawing happens: a worker with an OffscreenCanvas, or the page's main thread. */
export type BarrageMode = 'worker' | 'main';

export interface BarrageStats {
  readonly mode: BarrageMode;
  readonly motion: BarrageMotion;
  /** `push` calls. */
  readonly pushed: number;
  /** Items given a lane (or slot). */
  readonly placed: number;
  /** Items refused because no lane was free (or the tab was hidden / paused). */
  readonly rejected: number;
  /** Items refused because the barrage is switched off or destroyed. */
  readonly disabled: number;
  /** Own items that had to wait for their lane to free (never dropped). */
  readonly ownDelayed: number;
  /** Placed items that have not left the stage yet. */
  readonly onScreen: number;
  readonly lanes: number;
  readonly freeCapacity: number;
  /** Frames drawn by the painter (worker-reported in worker mode, at most ~1 s old). */
  readonly framesDrawn: number;
  /** Painter frame rate over its last report window (0 while idle). */
  readonly fps: number;
  /** 95th percentile of the painter's frame intervals over its last report window, ms. */
  readonly p95FrameMs: number;
  /** When the painter measured that (performance.timeOrigin + performance.now() of the painter). */
  readonly reportedAt: number;
  readonly paused: boolean;
  readonly hidden: boolean;
}

/** Settings the element may change at run time: the viewer's settings plus the motion style. */
export interface BarrageRuntimeSettings extends BarrageSettings {
  readonly motion: BarrageMotion;
}

/** Where an item is drawn, as the painter last drew it (CSS px). */
export interface InspectedItem {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly alpha: number;
  /** False while a delayed own item waits for its lane. */
  readonly started: boolean;
}

/** A read-back of the painter's state (a test and debugging hook). */
export interface BarrageInspection {
  readonly mode: BarrageMode;
  /** Stage time of the last frame drawn. */
  readonly stageTime: number;
  readonly framesDrawn: number;
  /** Backing-store size of the canvas in device pixels, and the ratio used. */
  readonly canvas: { readonly width: number; readonly height: number; readonly dpr: number };
  readonly items: readonly InspectedItem[];
  /** RGBA pixels of the whole canvas, when asked for. */
  readonly pixels?: { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray };
  /** Bitmaps waiting in the pool for reuse. */
  readonly pooled: number;
}

export interface BarrageOptions {
  /** Initial viewer settings (validated; defaults for what is missing). */
  readonly settings?: Partial<BarrageSettings>;
  /** `static` for `prefers-reduced-motion: reduce` (see `reduced-motion.ts`). Default `fly`. */
  readonly motion?: BarrageMotion;
  /** `main` forces the main-thread painter. Default `auto`: a worker where supported. */
  readonly renderer?: 'auto' | 'main';
  /** Fixed pixel ratio (tests, screenshots); default: the window's, followed as it changes. */
  readonly devicePixelRatio?: number;
  /** What a hidden tab does: `skip` (default: the clock runs on, drawing and admission stop; see
   *  create-barrage.ts) or `freeze` like `pause()`. */
  readonly onHidden?: 'skip' | 'freeze';
  readonly theme?: Partial<BarrageTheme>;
  /** Makes the worker (a host that serves the worker script from its own origin; tests). */
  readonly createWorker?: WorkerFactory;
  /** Called once when a wanted worker could not start or died and the main thread took over. */
  readonly onFallback?: (reason: string) => void;
}

export interface BarrageRenderer {
  readonly mode: BarrageMode;
  /** The canvas currently on stage (replaced once if the worker fails). */
  readonly canvas: HTMLCanvasElement;
  readonly paused: boolean;
  /** Puts an item on stage now; false when no lane is free. Own items are always taken (true)
   *  while the barrage is on, entering as soon as a lane frees. */
  push(item: BarrageItem): boolean;
  /** How many items `push` would take right now (0 while paused, hidden or off). */
  freeCapacity(): number;
  /** Demand signal: `cb(free)` runs asynchronously whenever lanes free up (never inside
   *  `push`, never for decreases). Returns the unsubscribe. */
  onCapacity(cb: (free: number) => void): () => void;
  setSettings(partial: Partial<BarrageRuntimeSettings>): BarrageRuntimeSettings;
  settings(): BarrageRuntimeSettings;
  pause(): void;
  resume(): void;
  /** Removes every item now (e.g. on seek or room change). */
  clear(): void;
  stats(): BarrageStats;
  /** Reads the painter's state back (test/debug hook); pixels only when asked. */
  inspect(options?: { pixels?: boolean }): Promise<BarrageInspection>;
  destroy(): void;
}
