/**
 * Owns the barrage renderer: made on connect inside the stage's barrage layer, destroyed on
 * disconnect; follows `prefers-reduced-motion`, pauses with the video, and reports its free
 * lanes to the pipeline (the admission signal).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createBarrage, motionForPreference, prefersReducedMotion, watchReducedMotion, type BarrageController, type BarrageItem } from '../barrage/index.ts';

export interface BarrageHostOptions {
  readonly layer: () => HTMLElement | null;
  readonly onCapacity: (free: number) => void;
}

export class BarrageHost implements ReactiveController {
  private barrage: BarrageController | undefined;
  private stopWatching: (() => void) | undefined;
  private stopCapacity: (() => void) | undefined;
  private enabled = true;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BarrageHostOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const generation = ++this.generation;
    void this.host.updateComplete.then(() => {
      if (generation === this.generation && this.enabled) this.create();
    });
  }

  hostDisconnected(): void {
    this.generation++;
    this.teardown();
  }

  /** On/off (the visible toggle and `no-barrage`). Off destroys the renderer entirely. */
  setEnabled(on: boolean): void {
    if (on === this.enabled) return;
    this.enabled = on;
    if (on) this.create();
    else this.teardown();
  }

  get on(): boolean {
    return this.enabled;
  }

  push(item: BarrageItem): boolean {
    return this.barrage?.push(item) ?? false;
  }

  setPaused(paused: boolean): void {
    if (!this.barrage) return;
    if (paused) this.barrage.pause();
    else this.barrage.resume();
  }

  stats(): Record<string, unknown> | undefined {
    return this.barrage ? { ...this.barrage.stats() } : undefined;
  }

  get controller(): BarrageController | undefined {
    return this.barrage;
  }

  private create(): void {
    const layer = this.options.layer();
    if (!layer || this.barrage) return;
    this.barrage = createBarrage(layer, { motion: motionForPreference(prefersReducedMotion()) });
    this.stopCapacity = this.barrage.onCapacity((free) => this.options.onCapacity(free));
    this.options.onCapacity(this.barrage.freeCapacity());
    this.stopWatching = watchReducedMotion(() => {
      // The renderer takes its motion at creation: rebuild it for the new preference.
      this.teardown();
      if (this.enabled) this.create();
    });
  }

  private teardown(): void {
    this.stopWatching?.();
    this.stopCapacity?.();
    this.barrage?.destroy();
    this.stopWatching = this.stopCapacity = undefined;
    this.barrage = undefined;
    this.options.onCapacity(0);
  }
}
