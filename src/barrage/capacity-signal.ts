/**
 * The barrage's demand signal: tells listeners how many items it can take whenever lanes free up.
 *
 * Owns: the listener set and one timer, armed for the moment the next lane frees (stage ms are
 * wall ms while the clock runs). Notifications are always asynchronous — from the timer or a
 * microtask, never from inside `push` — and carry the current free capacity, fresh per listener
 * (an earlier listener may have pushed). Zero is never sent. `destroy()` is idempotent.
 */
import { trackResource } from './barrage-resources.ts';

export class CapacitySignal {
  private readonly listeners = new Set<(free: number) => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queued = false;
  private dead = false;

  constructor(
    /** Items the barrage would take now. */
    private readonly freeCapacity: () => number,
    /** Ms until capacity may grow again, or null when nothing will free by itself. */
    private readonly nextFreeIn: () => number | null,
  ) {}

  get armed(): boolean {
    return this.timer !== undefined;
  }

  /** Adds a listener; it hears the current capacity soon (if any). Returns the unsubscribe. */
  add(cb: (free: number) => void): () => void {
    if (this.dead) return () => {};
    this.listeners.add(cb);
    this.soon();
    return () => {
      this.listeners.delete(cb);
      if (this.listeners.size === 0) this.disarm();
    };
  }

  /** (Re)arms the timer for the next lane to free; a no-op without listeners. */
  arm(): void {
    this.disarm();
    if (this.dead || this.listeners.size === 0) return;
    const delay = this.nextFreeIn();
    if (delay === null) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        trackResource('timers', -1);
        this.notify();
      },
      Math.max(0, Math.ceil(delay)) + 1,
    );
    trackResource('timers', +1);
  }

  disarm(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    trackResource('timers', -1);
  }

  /** Capacity may have grown (resume, resize, settings, clear): tell listeners in a microtask. */
  soon(): void {
    if (this.queued || this.dead) return;
    this.queued = true;
    queueMicrotask(() => {
      this.queued = false;
      this.notify();
    });
  }

  private notify(): void {
    if (this.dead) return;
    for (const cb of [...this.listeners]) {
      const free = this.freeCapacity();
      if (free > 0) cb(free);
    }
    this.arm();
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.disarm();
    this.listeners.clear();
  }
}
