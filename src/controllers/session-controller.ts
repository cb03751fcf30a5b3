/**
 * The room session's lifetime: makes the room store (its chunk is fetched after the video's first
 * frame), starts the session on connect and when the room or the identity changes, stops it on
 * disconnect. Routing is not here: every controller subscribes to the store itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events/index.ts';
import type { SessionConfig } from '../store/room-session.ts';
import { StoreLink } from './store-link.ts';

/** The store's code (RxJS, the pipeline, the transports) is its own chunk, loaded on first connect. */
let storeModule: Promise<typeof import('../store/room-store.ts')> | undefined;
const loadStore = () => (storeModule ??= import('../store/room-store.ts'));

export interface SessionControllerOptions {
  readonly config: () => SessionConfig | undefined;
  /** Resolves when the session may start: after the video's first frame and the interactions chunk. */
  readonly ready: () => Promise<unknown>;
}

export class SessionController implements ReactiveController {
  readonly link = new StoreLink();
  private generation = 0;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SessionControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    void this.host.updateComplete.then(() => this.connected && this.restart());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.generation++;
    this.link.current?.stop();
  }

  /** Stops the running session and, when connected with a room id, starts a new one. */
  restart(): void {
    const generation = ++this.generation;
    this.link.current?.stop();
    const config = this.options.config();
    if (!this.connected || !config) return;
    void Promise.all([loadStore(), this.options.ready()]).then(
      ([{ RoomStore }]) => {
        if (generation !== this.generation) return;
        this.link.provide(new RoomStore());
        void this.link.current!.start(config);
      },
      (err: unknown) =>
        emit(this.host, 'lcr-error', {
          code: 'transport',
          message: `Could not load the room: ${String((err as Error)?.message ?? err)}`,
          cause: err,
        }),
    );
  }
}
