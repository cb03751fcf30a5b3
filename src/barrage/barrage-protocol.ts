/**
 * Messages between the barrage controller (main thread) and its painter host (a worker, or the
 * same thread in fallback mode). Types only; everything here is structured-cloneable.
 */
import type { ClockState } from './stage-clock.ts';
import type { ItemLayout } from './item-layout.ts';
import type { BarrageInspection } from './barrage-types.ts';

export type PaintMotion =
  /** Flies left from x0 at `speed` px/ms once the stage clock reaches `startAt`. */
  | { readonly kind: 'fly'; readonly x0: number; readonly y: number; readonly startAt: number; readonly speed: number }
  /** Stands at (x, y) from `startAt` to `endAt`, fading in and out over `fadeMs`. */
  | {
      readonly kind: 'static';
      readonly x: number;
      readonly y: number;
      readonly startAt: number;
      readonly endAt: number;
      readonly fadeMs: number;
    };

export interface PaintItem {
  /** Controller-assigned, unique per barrage. */
  readonly key: number;
  readonly id: string;
  readonly layout: ItemLayout;
  readonly motion: PaintMotion;
}

export interface StageSize {
  /** CSS px. */
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

export type PainterCommand =
  | { readonly t: 'init'; readonly canvas: OffscreenCanvas | HTMLCanvasElement; readonly size: StageSize; readonly clock: ClockState }
  | { readonly t: 'resize'; readonly size: StageSize }
  | { readonly t: 'add'; readonly items: readonly PaintItem[] }
  | { readonly t: 'clock'; readonly clock: ClockState }
  | { readonly t: 'visible'; readonly visible: boolean }
  | { readonly t: 'clear' }
  | { readonly t: 'inspect'; readonly req: number; readonly pixels: boolean }
  | { readonly t: 'destroy' };

export interface PainterStats {
  readonly frames: number;
  readonly fps: number;
  readonly p95: number;
  readonly live: number;
  /** performance.timeOrigin + performance.now() on the painter's thread. */
  readonly at: number;
}

export type PainterEvent =
  | { readonly t: 'ready' }
  | ({ readonly t: 'stats' } & PainterStats)
  | { readonly t: 'inspect'; readonly req: number; readonly result: Omit<BarrageInspection, 'mode'> }
  | { readonly t: 'error'; readonly message: string };
