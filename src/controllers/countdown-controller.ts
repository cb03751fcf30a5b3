/**
 * The "starting soon" countdown's clock: while the room is upcoming with a start time, the host
 * re-renders once a second with a fresh `now`; otherwise no timer runs.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomView } from '../pipeline/types.ts';

export class CountdownController implements ReactiveController {
  private clock: ReturnType<typeof setInterval> | undefined;
  private nowMs = Date.now();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The time the countdown shows (ms since epoch), refreshed each second while it runs. */
  get now(): number {
    return this.nowMs;
  }

  /** Follows the room: a clock only while it is upcoming with a start time. */
  sync(room: RoomView): void {
    if (room.state === 'upcoming' && room.startTime) this.start();
    else this.stop();
  }

  hostDisconnected(): void {
    this.stop();
  }

  private start(): void {
    if (this.clock !== undefined) return;
    const tick = (): void => {
      this.nowMs = Date.now();
      this.host.requestUpdate();
    };
    tick();
    this.clock = setInterval(tick, 1000);
  }

  private stop(): void {
    if (this.clock !== undefined) clearInterval(this.clock);
    this.clock = undefined;
  }
}
