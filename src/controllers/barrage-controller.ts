/**
 * Owns the barrage renderer and the viewer's barrage settings: the renderer is made on connect
 * inside the stage's barrage layer and destroyed on disconnect (or when switched off); it follows
 * `prefers-reduced-motion`, pauses with the video, and reports its free lanes to the pipeline
 * (the admission signal). Settings (on/off, opacity, speed, font size, area) persist per site.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadBarrageSettings, saveBarrageSettings, validateBarrageSettings, type BarrageSettings } from '../barrage/barrage-settings.ts';
import type { BarrageRenderer } from '../barrage/create-barrage.ts';
import type { StoreLink } from './store-link.ts';
import { motionForPreference, prefersReducedMotion, watchReducedMotion } from '../barrage/reduced-motion.ts';

/** The renderer (lanes, painter, worker) is its own chunk: loaded on first use, then kept. */
type BarrageModule = typeof import('../barrage/create-barrage.ts');
let barrageModule: BarrageModule | undefined;
let barrageLoad: Promise<BarrageModule> | undefined;
const loadBarrage = (): Promise<BarrageModule> => (barrageLoad ??= import('../barrage/create-barrage.ts').then((m) => (barrageModule = m)));

export interface BarrageControllerOptions {
  readonly layer: () => HTMLElement | null;
  /** The room store: items come from its `barrage$`; free lanes go to it (the admission signal). */
  readonly link: StoreLink;
  /** Resolves when the renderer's chunk may be fetched and run (the video's first frame goes first). */
  readonly after?: () => Promise<void>;
  /** The painter's worker could not start or died; the barrage draws on the main thread. */
  readonly onWorkerFallback?: (reason: string) => void;
}

export class BarrageController implements ReactiveController {
  private barrage: BarrageRenderer | undefined;
  private stopWatching: (() => void) | undefined;
  private stopCapacity: (() => void) | undefined;
  /** Read on first use: a page's first storage read costs milliseconds, kept off the video's start. */
  private viewerSettings: BarrageSettings | undefined;
  private forcedOff = false;
  private paused = false;
  private connected = false;
  private generation = 0;
  private free = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: BarrageControllerOptions,
  ) {
    host.addController(this);
    options.link.use((store) => {
      store.capacity(this.free);
      store.barrage$.subscribe((item) => void this.barrage?.push(item));
    });
  }

  hostConnected(): void {
    this.connected = true;
    const generation = ++this.generation;
    void this.host.updateComplete
      .then(() => this.options.after?.())
      .then(() => {
        if (generation === this.generation && this.on) this.create();
      });
  }

  hostDisconnected(): void {
    this.connected = false;
    this.paused = false; // the player is gone too; the next one reports its own state
    this.generation++;
    this.teardown();
  }

  /** Shown and running: the viewer's choice, unless the host set `no-barrage`. */
  get on(): boolean {
    return !this.forcedOff && this.viewer.enabled;
  }

  private get viewer(): BarrageSettings {
    return (this.viewerSettings ??= loadBarrageSettings());
  }

  get settings(): BarrageSettings {
    return this.viewer;
  }

  /** `no-barrage` on the element. */
  setForcedOff(off: boolean): void {
    this.forcedOff = off;
    this.sync();
  }

  /** The viewer changed a setting (the toggle or the settings panel); saved for this site. */
  update(partial: Partial<BarrageSettings>): void {
    this.viewerSettings = validateBarrageSettings({ ...this.viewer, ...partial });
    saveBarrageSettings(this.viewer);
    const { enabled: _enabled, ...rest } = this.viewer;
    this.barrage?.setSettings(rest);
    this.sync();
    this.host.requestUpdate();
  }

  /** Removes every item now (the stream ended, or the room changed). */
  clear(): void {
    this.barrage?.clear();
  }

  /**
   * Pauses with the video. Remembered, so a renderer made later (toggle, reduced-motion rebuild,
   * reconnect) starts paused too; and the pipeline hears "no room" at once, since the barrage's
   * own demand signal only ever reports growth and would leave a stale budget in the pipeline.
   */
  setPaused(paused: boolean): void {
    if (paused === this.paused) return;
    this.paused = paused;
    if (!this.barrage) return;
    if (paused) {
      this.barrage.pause();
      this.reportCapacity(0);
    } else this.barrage.resume();
  }

  stats(): Record<string, unknown> | undefined {
    return this.barrage ? { ...this.barrage.stats() } : undefined;
  }

  get renderer(): BarrageRenderer | undefined {
    return this.barrage;
  }

  private sync(): void {
    if (this.on && this.connected) this.create();
    else if (!this.on) this.teardown();
  }

  private create(): void {
    const layer = this.options.layer();
    if (!layer || this.barrage) return;
    if (!barrageModule) {
      const generation = this.generation;
      void Promise.resolve(this.options.after?.())
        .then(loadBarrage)
        .then(() => {
          if (generation === this.generation && this.on && this.connected) this.create();
        });
      return;
    }
    this.barrage = barrageModule.createBarrage(layer, {
      settings: this.viewer,
      motion: motionForPreference(prefersReducedMotion()),
      onFallback: (reason) => this.options.onWorkerFallback?.(reason),
    });
    if (this.paused) this.barrage.pause();
    this.stopCapacity = this.barrage.onCapacity((free) => this.reportCapacity(free));
    this.reportCapacity(this.barrage.freeCapacity());
    this.stopWatching = watchReducedMotion(() => {
      // The renderer takes its motion at creation: rebuild it for the new preference.
      this.teardown();
      if (this.on) this.create();
    });
  }

  private reportCapacity(free: number): void {
    this.free = free;
    this.options.link.current?.capacity(free);
  }

  private teardown(): void {
    this.stopWatching?.();
    this.stopCapacity?.();
    this.barrage?.destroy();
    this.stopWatching = this.stopCapacity = undefined;
    this.barrage = undefined;
    this.reportCapacity(0);
  }
}
