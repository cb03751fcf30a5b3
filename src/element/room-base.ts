/**
 * The element's wiring, below its public surface (live-chat-room.ts): its state, the controllers and
 * how they are composed — the room store's streams in, the player's state, the interactions chunk,
 * the host's properties reaching every part, "video first". The composition root; it renders nothing.
 */
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { AnnouncementFitController } from '../controllers/announcement-fit-controller.ts';
import { BarrageController } from '../controllers/barrage-controller.ts';
import { ChatController } from '../controllers/chat-controller.ts';
import { CountdownController } from '../controllers/countdown-controller.ts';
import { PlayerController } from '../controllers/player-controller.ts';
import { SessionController } from '../controllers/session-controller.ts';
import { WorkerWarningController } from '../controllers/worker-warning-controller.ts';
import { emit, LcrEvent } from '../events/index.ts';
import { resolveLang, type Lang } from '../i18n/index.ts';
import { INITIAL_ROOM_VIEW, type PipelineMetrics, type RoomView } from '../pipeline/types.ts';
import type { PlayerState } from '../player/player-state.ts';
import type { Interactions } from './interactions.ts';
import { RoomProperties } from './room-properties.ts';
import { INSPECT, type Inspectable, type RoomInspection } from './room-inspection.ts';
import { applyStates, sessionConfigOf } from './room-wiring.ts';
import type { AnchorInfo } from './types.ts';

export class RoomBase extends RoomProperties implements Inspectable {
  static override properties: PropertyDeclarations = {
    // Internal state: never an attribute (said twice, so the manifest analyzer sees it too).
    _room: { state: true, attribute: false },
    _settingsOpen: { state: true, attribute: false },
    _announcementOpen: { state: true, attribute: false },
    _anchorUpdate: { state: true, attribute: false },
  };

  protected _room: RoomView = INITIAL_ROOM_VIEW;
  protected _player: PlayerState | undefined;
  protected _settingsOpen = false;
  protected _announcementOpen = false;
  /** `updateRoom({anchor})`: shown over the host's `anchor` until the host sets `anchor` again. */
  protected _anchorUpdate: Partial<AnchorInfo> | undefined;
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();

  /** Declared before the parts that report to it: it watches from connect. */
  private readonly workerWarnings: WorkerWarningController = new WorkerWarningController(this);
  private readonly session: SessionController = new SessionController(this, {
    config: () => sessionConfigOf(this),
    ready: () => this.loadInteractions(),
  });
  /** The interactions chunk (input, likes, gifts, send paths), once loaded. */
  protected interactions: Interactions | undefined;
  private interactionsLoad: Promise<Interactions> | undefined;
  protected readonly countdown: CountdownController = new CountdownController(this);
  private readonly chatController: ChatController = new ChatController(this, {
    parts: () => ({
      log: this.renderRoot.querySelector<HTMLElement>('.log'),
      pill: this.renderRoot.querySelector<HTMLButtonElement>('.new-pill'),
      announcer: this.renderRoot.querySelector<HTMLElement>('.announcer'),
    }),
    lang: () => this.language,
    max: () => this.barrageMaxCount,
    renderItem: () => this.renderChatItem,
    link: this.session.link,
    fontsRoot: () => this.playerController.videoFirst().then(() => this.renderRoot),
  });
  protected readonly barrageController: BarrageController = new BarrageController(this, {
    layer: () => this.renderRoot.querySelector<HTMLElement>('.barrage'),
    link: this.session.link,
    after: () => this.playerController.videoFirst(),
    onWorkerFallback: (reason) => this.workerWarnings.fellBack('barrage', reason),
  });
  protected readonly announcementFit: AnnouncementFitController = new AnnouncementFitController(this, () =>
    this.renderRoot.querySelector('.announcement .text'),
  );
  protected readonly playerController: PlayerController = new PlayerController(this, {
    video: () => this.renderRoot.querySelector('video'),
    onState: (state) => this.onPlayer(state),
    onWorkerFallback: (reason) => this.workerWarnings.fellBack('player', reason),
  });

  constructor() {
    super();
    // The composition root: the room's state and events come from the store, once it exists.
    this.session.link.use((store) => {
      store.room$.subscribe((room) => this.onRoom(room));
      store.events$.subscribe((e) => this.dispatchEvent(new LcrEvent(e.type, e.detail)));
      store.metrics$.subscribe((m) => this.onMetrics(m));
    });
  }

  protected get language(): Lang {
    return resolveLang(this.lang, this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  private onRoom(room: RoomView): void {
    // Comments frozen over an "ended" or "starting soon" card are noise: clear them.
    if (room.state !== this._room.state && (room.state === 'ended' || room.state === 'upcoming')) this.barrageController.clear();
    this._room = room;
    this.countdown.sync(room);
    this.playerController.sync(room, this.src || undefined);
    this.interactions?.syncInput(room); // who may chat now (mute and kick apply at once)
  }

  private onPlayer(state: PlayerState): void {
    if (state.status === 'error' && this._player?.status !== 'error' && state.error) {
      emit(this, 'lcr-error', { code: 'player', message: `${state.error.reason}: ${state.error.message}` });
    }
    this._player = state;
    if (this.internals?.states) applyStates(this.internals.states, this._room, !this.userId, state.status);
    // Only the overlays show it: before they render (video first), a state change costs no update.
    if (this.chrome) this.requestUpdate();
    this.barrageController.setPaused(state.status !== 'playing' && state.status !== 'stalled' && state.status !== 'loading');
  }

  /** The pipeline's counters, with the renderers' (barrage, gift stage, hearts). */
  private onMetrics(m: PipelineMetrics): void {
    const barrage = this.barrageController.stats();
    const gifts = this.interactions?.gifts.stats();
    const hearts = this.interactions?.likes.hearts?.stats();
    emit(this, 'lcr-metrics', {
      ...m,
      ...(barrage ? { barrage } : {}),
      ...(gifts ? { gifts: { ...gifts } } : {}),
      ...(hearts ? { hearts: { ...hearts } } : {}),
    });
  }

  override connectedCallback(): void {
    if (this.src) this.playerController.warm();
    super.connectedCallback();
    void this.loadInteractions();
  }

  /** Loads the interactions chunk once and wires it (its controllers follow the element from then). */
  protected loadInteractions(): Promise<Interactions> {
    // Fetched and evaluated after the video's first frame (player-controller.ts): its evaluation
    // would otherwise compete with the player's start on the main thread.
    this.interactionsLoad ??= this.updateComplete
      .then(() => this.playerController.videoFirst())
      .then(() => import('./interactions.ts'))
      .then(({ Interactions: Made }) => {
        const made = new Made({
          host: this,
          link: this.session.link,
          userId: () => this.userId,
          nick: () => this.nick,
          parts: () => ({
            banners: this.renderRoot.querySelector<HTMLElement>('.gift-banners-host'),
            effects: this.renderRoot.querySelector<HTMLElement>('.gift-effect-host'),
            stage: this.renderRoot.querySelector<HTMLElement>('.stage'),
          }),
          allowUrl: () => this.allowUrl,
          lang: () => this.language,
          endpoint: () => this.giftEndpoint,
          roomId: () => this.roomId,
        });
        this.interactions = made;
        this.applyGifts();
        made.syncInput(this._room);
        this.requestUpdate();
        return made;
      });
    return this.interactionsLoad;
  }

  /** The host's `gifts` win; `gifts-src` is loaded only while `gifts` is unset. */
  private applyGifts(): void {
    const gifts = this.interactions?.gifts;
    if (!gifts) return;
    if (this.gifts !== undefined) {
      this.loadedFrom = '';
      gifts.setGifts(this.gifts);
    } else if (this.giftsSrc !== this.loadedFrom) {
      this.loadedFrom = this.giftsSrc;
      if (this.giftsSrc) gifts.loadFrom(this.giftsSrc);
      else gifts.setGifts([]);
    }
  }
  private loadedFrom = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Not on the first update unless set: the viewer's stored settings are read after the first frame.
    if (changed.has('noBarrage') && (this.hasUpdated || this.noBarrage)) this.barrageController.setForcedOff(this.noBarrage);
    const restart = ['roomId', 'emulatorUrl', 'sdkAppId', 'userId', 'userSigUrl', 'userSig', 'transport', 'chat'] as const;
    if (this.hasUpdated && restart.some((k) => changed.has(k))) this.session.restart();
    // A host-given stream starts at once, without waiting for the room's first state.
    if (changed.has('src') && (this.hasUpdated || this.src)) this.playerController.sync(this._room, this.src || undefined);
    if (changed.has('barrageMaxCount')) this.chatController.setMax(this.barrageMaxCount);
    if (changed.has('gifts') || changed.has('giftsSrc')) this.applyGifts();
    if (changed.has('anchor') && this.hasUpdated) this._anchorUpdate = undefined;
    if (changed.has('lang')) this.chatController.setLang(this.language);
    if (changed.has('userId')) this.interactions?.syncInput(this._room);
    this.holdChrome();
  }

  /**
   * Video first: while a stream's first frame is awaited, only the stage renders. The header, the
   * overlays and the chat (all placed over the stage: nothing moves) follow the frame, the player
   * settling or the 1 s cap, so their render and layout do not delay the stream's start.
   */
  private holdChrome(): void {
    if (this.chrome || this.chromeWait) return;
    if (!this.playerController.holding) this.chrome = true;
    else
      this.chromeWait = this.playerController.videoFirst().then(() => {
        this.chrome = true;
        this.requestUpdate();
      });
  }
  protected chrome = false;
  private chromeWait: Promise<void> | undefined;

  protected override updated(): void {
    if (this.internals?.states) applyStates(this.internals.states, this._room, !this.userId, this._player?.status ?? 'idle');
  }

  /**
   * Read-only views of what the room paints, for `inspectRoom` (`live-chat-room/testing`).
   * @internal
   */
  [INSPECT](): RoomInspection {
    const ui = this.interactions;
    return {
      barrage: this.barrageController.renderer,
      backend: this.session.link.current?.transport?.kind,
      player: this.playerController.state,
      likes: ui ? { total: ui.likes.total, hearts: ui.likes.hearts?.stats() } : undefined,
      gifts: ui?.gifts.stats(),
    };
  }
}
