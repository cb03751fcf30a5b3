/**
 * Owns the player for the element's lifetime: created on connect (once the <video> exists),
 * destroyed on disconnect. Decides what to play from the room state and the `src` override.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomView } from '../pipeline/types.ts';
import { openMediaSourceEarly, type EarlyMediaSource } from '../player/early-media-source.ts';
import { hasMediaSource, loadHls } from '../player/hls-loader.ts';
import { prefetchHlsWorker } from '../player/hls-worker-url.ts';
import type { Player } from '../player/player.ts';
import type { PlayerState } from '../player/player-state.ts';
import { PlaylistPrefetch } from '../player/playlist-prefetch.ts';

/** The player (its engine choice, error policy, live-edge logic) is its own chunk; hls.js is another. */
let playerModule: Promise<typeof import('../player/player.ts')> | undefined;
const loadPlayer = () => (playerModule ??= import('../player/player.ts'));

export interface PlayerControllerOptions {
  readonly video: () => HTMLVideoElement | null;
  readonly onState: (state: PlayerState) => void;
  /** Longest the rest of the room waits for the first frame (ms). */
  readonly videoFirstCapMs?: number;
  /** hls.js's worker could not start or died; it transmuxes on the main thread. */
  readonly onWorkerFallback?: (reason: string) => void;
}

/** The player has an answer for the viewer: a frame, a card (error, not live yet, ended) or a tap to play. */
const SETTLED = new Set<PlayerState['status']>(['playing', 'paused', 'stalled', 'error', 'waiting-for-stream', 'ended']);

export class PlayerController implements ReactiveController {
  private player: Player | undefined;
  private loaded: { src: string; live: boolean } | undefined;
  private wantReplay = false;
  private connected = false;
  /** The last `sync` asked for before the player existed: applied once it does. */
  private pending: { room: RoomView; src: string | undefined } | undefined;
  /** Set while something is about to play and the room's other parts are held back for it. */
  private first: { promise: Promise<void>; open: () => void; opened: boolean } | undefined;
  /** The stream's playlist, fetched while the player's chunks load (playlist-prefetch.ts). */
  private readonly playlists = new PlaylistPrefetch();
  /** The video's Media Source, opened while those chunks load (early-media-source.ts); the player's first start takes it. */
  private early: EarlyMediaSource | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PlayerControllerOptions,
  ) {
    host.addController(this);
  }

  /** A stream is wanted already at connect: hls.js (the largest chunk) is asked for first. */
  warm(): void {
    if (hasMediaSource()) loadHls().catch(() => undefined);
  }

  hostConnected(): void {
    this.connected = true;
    void this.host.updateComplete.then(() => this.openEarly());
    void Promise.all([loadPlayer(), this.host.updateComplete]).then(([{ Player }]) => {
      const video = this.options.video();
      if (!this.connected || !video || this.player) return;
      this.player = new Player(video, {
        playlists: this.playlists,
        takeMediaSource: () => this.takeEarly(),
        onWorkerFallback: (reason) => this.options.onWorkerFallback?.(reason),
        onState: (s) => {
          if (SETTLED.has(s.status)) this.openAfterFrame(video, s.status === 'playing');
          this.options.onState(s);
        },
      });
      const pending = this.pending;
      this.pending = undefined;
      if (pending) this.sync(pending.room, pending.src);
    });
  }

  hostDisconnected(): void {
    this.connected = false;
    this.takeEarly()?.release();
    this.openFirst();
    this.first = undefined;
    this.pending = undefined;
    this.player?.destroy();
    this.player = undefined;
    this.loaded = undefined;
  }

  /**
   * Resolves once the video has its first frame (or the player settled otherwise, or after the
   * cap), when a stream was asked for before the player existed; at once otherwise. The room's
   * other parts (session, input, barrage) wait on it before they do their main-thread work, so
   * the stream is requested and its first frame shown before they run — their chunks still
   * download meanwhile. Measured by the bench's G8 (time to first frame vs bare hls.js).
   */
  videoFirst(): Promise<void> {
    return this.first?.promise ?? Promise.resolve();
  }

  /** Whether the room is being held back for the first frame right now (see `videoFirst`). */
  get holding(): boolean {
    return this.first !== undefined && !this.first.opened;
  }

  private holdForFirstFrame(): void {
    if (this.first) return;
    let open!: () => void;
    const promise = new Promise<void>((resolve) => (open = resolve));
    const cap = setTimeout(() => this.openFirst(), this.options.videoFirstCapMs ?? 1000);
    const first = {
      promise,
      opened: false,
      open: () => {
        clearTimeout(cap);
        first.opened = true;
        open();
      },
    };
    this.first = first;
  }

  private openFirst(): void {
    this.first?.open();
  }

  /** Opens the video's Media Source while the player's chunks load, when something will play. */
  private openEarly(): void {
    const video = this.options.video();
    const pending = this.pending;
    if (!this.connected || this.player || this.early || !video || !pending || !(pending.src || pending.room.streamUrl)) return;
    if (hasMediaSource()) this.early = openMediaSourceEarly(video);
  }

  private takeEarly(): EarlyMediaSource | null {
    const early = this.early;
    this.early = null;
    return early;
  }

  /** Opens in a task after the frame is on screen, so the held work cannot delay its paint. */
  private openAfterFrame(video: HTMLVideoElement, playing: boolean): void {
    if (!this.first) return;
    const later = (): void => void setTimeout(() => this.openFirst(), 0);
    if (playing && typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(later);
    else later();
  }

  get state(): PlayerState | undefined {
    return this.player?.state;
  }

  /** What to play: `src` wins while live; the room's replay URL in replay (or on request). */
  sync(room: RoomView, srcOverride: string | undefined): void {
    const player = this.player;
    if (!player) {
      this.pending = { room, src: srcOverride };
      const src = srcOverride || room.streamUrl;
      if (src) {
        this.holdForFirstFrame();
        // Something will play: fetch hls.js alongside the player's chunk rather than after it, and
        // a live stream's playlist alongside both (a replay is asked for later, by a tap).
        if (hasMediaSource()) {
          loadHls().catch(() => undefined);
          prefetchHlsWorker();
          if (room.state === 'live' || room.state === 'paused' || (room.state === 'unknown' && srcOverride)) this.playlists.prefetch(src);
        }
      } else this.takeEarly()?.release();
      return;
    }
    let want: { src: string; live: boolean } | undefined;
    if ((room.state === 'replay' || (room.state === 'ended' && this.wantReplay)) && room.replayUrl)
      want = { src: room.replayUrl, live: false };
    else if (room.state === 'live' || room.state === 'paused' || (room.state === 'unknown' && srcOverride)) {
      const src = srcOverride || room.streamUrl;
      if (src) want = { src, live: true };
    }
    if (!want) {
      // Upcoming or ended: nothing plays (a paused stream keeps its frozen frame, see above).
      this.takeEarly()?.release();
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
