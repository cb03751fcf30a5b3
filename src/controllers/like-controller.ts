/**
 * The like button's controller: every tap animates at once (the heart layer) and counts at once
 * (the like counter); the room store aggregates taps into one Low-priority message per window
 * (`likeSends$`), and the room's likes (`likes$` from others, the room's total) are reconciled with
 * the own taps without double counting. Fires `lcr-like` for likes received.
 *
 * Owns: one `HeartLayer` per connection (made on connect, destroyed on disconnect) and one
 * `LikeCounter` per room session. Must not: send anything itself (taps go to the store).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/index.ts';
import { HeartLayer } from '../likes/heart-layer.ts';
import { LikeCounter } from '../likes/like-counter.ts';
import type { LikeBurst } from '../pipeline/index.ts';
import type { SendResult } from '../protocol/index.ts';
import type { StoreLink } from './store-link.ts';

type Host = ReactiveControllerHost & HTMLElement;

export interface LikeControllerOptions {
  readonly link: StoreLink;
}

/** Hearts started for one `like(count)` call at most (the layer merges beyond its cap anyway). */
const MAX_HEARTS_PER_CALL = 50;

export class LikeController implements ReactiveController {
  private layer: HeartLayer | null = null;
  private counter = new LikeCounter();
  private lastServerTotal: number | undefined;
  /** Callers of `like()` waiting for the message that carries their taps (FIFO, by count). */
  private waiters: { count: number; resolve: (r: SendResult) => void }[] = [];

  constructor(
    private readonly host: Host,
    private readonly options: LikeControllerOptions,
  ) {
    host.addController(this);
    options.link.use((store) => {
      store.likes$.subscribe((burst) => this.received(burst));
      store.likeSends$.subscribe(({ count, result }) => this.sent(count, result));
      store.room$.subscribe((room) => this.serverTotal(room.likeTotal));
      store.sessionEnd$.subscribe(() => this.reset());
    });
  }

  get hearts(): HeartLayer | null {
    return this.layer;
  }

  get total(): number {
    return this.counter.total;
  }

  hostConnected(): void {
    this.layer ??= new HeartLayer({ originX: 90, width: 120 });
  }

  hostDisconnected(): void {
    this.layer?.destroy();
    this.layer = null;
    this.reset();
  }

  /** A new room session: a fresh count (the room's total comes with it). */
  private reset(): void {
    this.counter = new LikeCounter();
    this.lastServerTotal = undefined;
    for (const w of this.waiters.splice(0)) w.resolve({ ok: false, reason: 'cancelled' });
  }

  /** A tap on the button (the template already started its heart) or `like(count)` from the host. */
  tap(count = 1, hearts = false): Promise<SendResult> {
    const n = Math.floor(count);
    if (!Number.isFinite(n) || n < 1) return Promise.resolve({ ok: false, reason: 'rejected' });
    if (!this.options.link.current?.like(n)) return Promise.resolve({ ok: false, reason: 'network' });
    this.counter.tap(n);
    if (hearts) for (let i = 0; i < Math.min(n, MAX_HEARTS_PER_CALL); i++) this.layer?.tap(null);
    this.host.requestUpdate();
    return new Promise((resolve) => this.waiters.push({ count: n, resolve }));
  }

  /** The store handed one aggregated like message to the transport. */
  private sent(count: number, result: Promise<SendResult>): void {
    const id = this.counter.sent(count);
    const covered: ((r: SendResult) => void)[] = [];
    let left = count;
    while (this.waiters.length && this.waiters[0]!.count <= left) {
      const w = this.waiters.shift()!;
      left -= w.count;
      covered.push(w.resolve);
    }
    void result.then(
      (r) => {
        if (id && r.ok) this.counter.acked(id);
        else if (id) this.counter.failed(id);
        for (const resolve of covered) resolve(r);
        this.host.requestUpdate();
      },
      () => {
        if (id) this.counter.failed(id);
        for (const resolve of covered) resolve({ ok: false, reason: 'network' });
      },
    );
  }

  /** Likes from others, aggregated by the pipeline. */
  private received(burst: LikeBurst): void {
    this.counter.received(burst.count);
    this.host.requestUpdate();
    emit(this.host, 'lcr-like', { count: burst.count, total: this.counter.total });
  }

  /** The room's authoritative total (`RoomView.likeTotal`), when it changes. */
  private serverTotal(total: number | undefined): void {
    if (total === undefined || total === this.lastServerTotal) return;
    this.lastServerTotal = total;
    this.counter.serverTotal(total);
    this.host.requestUpdate();
  }
}
