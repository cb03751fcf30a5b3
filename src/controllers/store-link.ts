/**
 * How controllers reach the room store without the store's chunk (RxJS, the pipeline, the
 * transports) in the page's first chunk: the link hands the store to each `use` callback once it
 * exists (at once when it already does). One store per element, made on its first connect and kept.
 */
import type { RoomStore } from '../store/room-store.ts';

export class StoreLink {
  private store: RoomStore | undefined;
  private readonly waiting: ((store: RoomStore) => void)[] = [];

  /** The store, once made. */
  get current(): RoomStore | undefined {
    return this.store;
  }

  /** Runs `wire(store)` once, when the store exists: subscribe to what you render there. */
  use(wire: (store: RoomStore) => void): void {
    if (this.store) wire(this.store);
    else this.waiting.push(wire);
  }

  /** Set once by the session controller. */
  provide(store: RoomStore): void {
    if (this.store) return;
    this.store = store;
    for (const wire of this.waiting.splice(0)) wire(store);
  }
}
