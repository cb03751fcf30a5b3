/**
 * Owns the player for the element's lifetime: created on connect (once the <video> exists),
 * destroyed on disconnect. Decides what to play from the room state and the `src` override.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomView } from '../pipeline/types.ts';
import { hasMediaSource, loadHls } from '../player/hls-loader.ts';
import type { PlayerController } from '../player/player-controller.ts';
import type { PlayerState } from '../player/player-state.ts';

/** The player (its engine choice, error policy, live-edge logic) is its own chunk; hls.js is another. */
let playerModule: Promise<typeof import('../player/player-controller.ts')> | undefined;
const loadPlayer = () => (playerModule ??= import('../player/player-controller.ts'));

export interface PlayerHostOptions {
  readonly video: () => HTMLVideoElement | null;
  readonly onState: (state: PlayerState) => void;
}

export class PlayerHost implements ReactiveController {
  private player: PlayerController | undefined;
  private loaded: { src: string; live: boolean } | undefined;
  private wantReplay = false;
  private connected = false;
  /** The last `sync` asked for before the player existed: applied once it does. */
  private pending: { room: RoomView; src: string | undefined } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlayerHostOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    void Promise.all([loadPlayer(), this.host.updateComplete]).then(([{ PlayerController }]) => {
      const video = this.options.video();
      if (!this.connected || !video || this.player) return;
      this.player = new PlayerController(video, { onState: (s) => this.options.onState(s) });
      const pending = this.pending;
      this.pending = undefined;
      if (pending) this.sync(pending.room, pending.src);
    });
  }

  hostDisconnected(): void {
    this.connected = false;
    this.pending = undefined;
    this.player?.destroy();
    this.player = undefined;
    this.loaded = undefined;
  }

  get state(): PlayerState | undefined {
    return this.player?.state;
  }

  /** What to play: `src` wins while live; the room's replay URL in replay (or on request). */
  sync(room: RoomView, srcOverride: string | undefined): void {
    const player = this.player;
    if (!player) {
      this.pending = { room, src: srcOverride };
      // Something will play: fetch hls.js alongside the player's chunk rather than after it.
      if ((srcOverride || room.streamUrl) && hasMediaSource()) loadHls().catch(() => undefined);
      return;
    }
    let want: { src: string; live: boolean } | undefined;
    if ((room.state === 'replay' || (room.state === 'ended' && this.wantReplay)) && room.replayUrl) want = { src: room.replayUrl, live: false };
    else if (room.state === 'live' || room.state === 'paused' || (room.state === 'unknown' && srcOverride)) {
      const src = srcOverride || room.streamUrl;
      if (src) want = { src, live: true };
    }
    if (!want) {
      // Upcoming or ended: nothing plays (a paused stream keeps its frozen frame, see above).
      if (this.loaded) player.destroy();
      this.loaded = undefined;
      return;
    }
    if (this.loaded?.src === want.src && this.loaded.live === want.live) return;
    this.loaded = want;
    player.load(want.src, { live: want.live });
  }

  watchReplay(room: RoomView): void {
    this.wantReplay = true;
    this.sync(room, undefined);
  }

  unmute(): void {
    this.player?.unmute();
  }
  goLive(): void {
    this.player?.goLive();
  }
  retry(): void {
    this.player?.retry();
  }
}
