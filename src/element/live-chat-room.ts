/**
 * `<live-chat-room>`: the public element — a thin composition root. It holds the public
 * properties, its controllers and event wiring, and renders the frame and low-rate state.
 * High-frequency content (barrage, chat lines) is drawn by renderers, never by Lit re-renders.
 *
 * @summary A live-stream room: HLS player, barrage, chat, header and room states.
 * @slot header-leading - Replaces the anchor block at the start of the header.
 * @slot anchor-panel - Replaces the anchor's avatar and name inside the anchor block.
 * @slot header-tag - Replaces the room-state badge.
 * @slot audience-panel - Replaces the audience count.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot input-actions - Extra controls beside the chat input.
 * @slot input-decoration - Decoration above the chat input.
 * @slot gift-panel - Replaces the default gift panel's content.
 * @csspart header - The header bar. @csspart video - The <video>. @csspart barrage - The barrage layer.
 * @csspart chat - The chat list container. @csspart chat-line - One chat line.
 * @csspart state-badge - The room-state badge. @csspart card - A room-state card.
 * @csspart announcement-toggle - The announcement's More/Less button. @csspart new-messages - The "N new messages" button.
 * @csspart replay-button - "Watch the replay" on the ended card. @csspart retry-button - Retry on the player's error card.
 * @csspart connection-banner - "Reconnecting…"/"Offline". @csspart video-banner - "Buffering…"/"Reconnecting the video…" while the video stalls.
 * @cssstate live - @cssstate upcoming - @cssstate paused - @cssstate ended - @cssstate replay
 * @cssstate connecting - @cssstate reconnecting - @cssstate offline - @cssstate kicked - @cssstate guest
 * @cssstate video-playing - @cssstate video-stalled - @cssstate video-error - and one per `videoState`.
 * @fires lcr-message @fires lcr-member-enter @fires lcr-room-state-change @fires lcr-connection-change
 * @fires lcr-error @fires lcr-metrics @fires lcr-follow-request @fires lcr-kicked @fires lcr-mute-change
 * @fires lcr-gift @fires lcr-like @fires lcr-gift-request @fires lcr-send-request @fires lcr-login-request
 */
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { AnnouncementFitController } from '../controllers/announcement-fit-controller.ts';
import { BarrageController } from '../controllers/barrage-controller.ts';
import { ChatController } from '../controllers/chat-controller.ts';
import type { GiftSendResult } from '../controllers/gift-sender.ts';
import { PlayerController } from '../controllers/player-controller.ts';
import type { RoomUpdate } from '../controllers/room-update.ts';
import { SessionController, type TextSendResult } from '../controllers/session-controller.ts';
import { LcrErrorEvent, LcrFollowRequestEvent } from '../events/index.ts';
import type { CatalogGift } from '../gifts/index.ts';
import { hasLang, loadLang, resolveLang, type Lang } from '../i18n/index.ts';
import { INITIAL_ROOM_VIEW, type RoomView } from '../pipeline/types.ts';
import type { PlayerState } from '../player/player-state.ts';
import { safeUrl, type JsonValue, type Priority, type SendResult } from '../protocol/index.ts';
import { elementStyles } from './element-styles.ts';
import type { Interactions } from './interactions.ts';
import { RoomProperties } from './room-properties.ts';
import { applyStates, sessionConfigOf } from './room-wiring.ts';
import { roomTemplate } from './templates/room.ts';
import { INSPECT, type Inspectable, type RoomInspection } from './room-inspection.ts';
import type { AnchorInfo } from './types.ts';

export class LiveChatRoom extends RoomProperties implements Inspectable {
  static override styles = elementStyles;

  static override properties: PropertyDeclarations = {
    _room: { state: true },
    _settingsOpen: { state: true },
    _announcementOpen: { state: true },
    _now: { state: true },
  };

  private _room: RoomView = INITIAL_ROOM_VIEW;
  private _player: PlayerState | undefined;
  private _settingsOpen = false;
  private _announcementOpen = false;
  private _now = Date.now();
  private _roomAnnouncement = '';
  private readonly internals: ElementInternals | undefined = this.attachInternals?.();

  private readonly session: SessionController = new SessionController(this, {
    config: () => sessionConfigOf(this),
    onRoom: (room) => this.onRoom(room),
    chat: () => this.chatController,
    barrage: () => this.barrageController,
    ui: () => this.ui,
    ready: () => this.loadInteractions(),
    after: () => this.updateComplete.then(() => this.playerController.videoFirst()),
  });
  /** The interactions chunk (input, likes, gifts, send paths), once loaded. */
  private ui: Interactions | undefined;
  private interactionsLoad: Promise<Interactions> | undefined;
  private readonly chatController = new ChatController(this, {
    parts: () => ({
      log: this.renderRoot.querySelector<HTMLElement>('.log'),
      pill: this.renderRoot.querySelector<HTMLButtonElement>('.new-pill'),
      announcer: this.renderRoot.querySelector<HTMLElement>('.announcer'),
    }),
    lang: () => this.language,
    max: () => this.barrageMaxCount,
    renderItem: () => this.renderChatItem,
    onRetry: (clientId) => this.session.retry(clientId),
    fontsRoot: () => this.playerController.videoFirst().then(() => this.renderRoot),
  });
  private readonly barrageController = new BarrageController(this, {
    layer: () => this.renderRoot.querySelector<HTMLElement>('.barrage'),
    onCapacity: (free) => this.session.capacity(free),
    after: () => this.playerController.videoFirst(),
  });
  private readonly announcementFit = new AnnouncementFitController(this, () => this.renderRoot.querySelector('.announcement .text'));
  private readonly playerController = new PlayerController(this, {
    video: () => this.renderRoot.querySelector('video'),
    onState: (state) => {
      if (state.status === 'error' && this._player?.status !== 'error' && state.error) {
        this.dispatchEvent(new LcrErrorEvent({ code: 'player', message: `${state.error.reason}: ${state.error.message}` }));
      }
      this._player = state;
      if (this.internals?.states) applyStates(this.internals.states, this._room, !this.userId, state.status);
      // Only the overlays show it: before they render (video first), a state change costs no update.
      if (this.chrome) this.requestUpdate();
      this.barrageController.setPaused(state.status !== 'playing' && state.status !== 'stalled' && state.status !== 'loading');
    },
  });

  /** Room state (read-only). */
  get roomState(): RoomView['state'] {
    return this._room.state;
  }

  /** What the video is doing (read-only): `idle`, `loading`, `playing`, `paused`, `stalled` (buffering or recovering), `waiting-for-stream`, `ended` or `error` (gave up; retry on the card). Also a custom state, `:state(video-stalled)` and so on. */
  get videoState(): PlayerState['status'] {
    return this._player?.status ?? 'idle';
  }

  /** Connection state (read-only). */
  get connectionState(): RoomView['connection'] {
    return this._room.connection;
  }

  private get language(): Lang {
    return resolveLang(this.lang, this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  private onRoom(room: RoomView): void {
    if (room.announcement !== this._room.announcement) this._roomAnnouncement = room.announcement;
    // Comments frozen over an "ended" or "starting soon" card are noise: clear them.
    if (room.state !== this._room.state && (room.state === 'ended' || room.state === 'upcoming')) this.barrageController.clear();
    this._room = room;
    this.playerController.sync(room, this.src || undefined);
    this.ui?.syncInput(this._room); // who may chat now (mute and kick apply at once)
  }

  override connectedCallback(): void {
    if (this.src) this.playerController.warm();
    super.connectedCallback();
    void this.loadInteractions();
  }

  /** Loads the interactions chunk once and wires it (its controllers follow the element from then). */
  private loadInteractions(): Promise<Interactions> {
    if (this.interactionsLoad) return this.interactionsLoad;
    // Fetched and evaluated after the video's first frame (player-controller.ts): its evaluation would
    // otherwise compete with the player's start on the main thread.
    this.interactionsLoad = this.updateComplete
      .then(() => this.playerController.videoFirst())
      .then(() => import('./interactions.ts'))
      .then(({ Interactions: Runtime }) => {
        this.ui = new Runtime({
          host: this,
          session: () => this.session,
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
        this.applyGifts();
        this.ui?.syncInput(this._room);
        this.requestUpdate();
        return this.ui;
      });
    return this.interactionsLoad;
  }

  private applyGifts(): void {
    if (!this.ui) return;
    if (this.giftsSrc && this.giftsSrc !== this.loadedFrom) {
      this.loadedFrom = this.giftsSrc;
      this.ui.gifts.loadFrom(this.giftsSrc, (list: readonly CatalogGift[]) => (this.gifts = this.loadedGifts = list));
    } else if (this.gifts !== this.loadedGifts) this.ui.gifts.setGifts(this.gifts);
  }

  // --- controller API: the same paths as the UI (room-actions.ts) ----------------------------

  /** Sends a chat text; resolves `{ok}` once the room took it, or `{ok: false, reason}`. */
  sendText(text: string): Promise<TextSendResult> {
    return this.loadInteractions().then((ui) => ui.actions.submitText(String(text ?? ''), false).done);
  }

  /** Sends `count` of a catalog gift as one billed request (a preset count). */
  sendGift(giftId: string, count = 1): Promise<GiftSendResult> {
    return this.loadInteractions().then((ui) => ui.actions.sendGift(giftId, count));
  }

  /** Likes `count` times: hearts at once, aggregated into the next like message. */
  like(count = 1): Promise<SendResult> {
    return this.loadInteractions().then((ui) => ui.actions.like(count));
  }

  /** Sends any custom command (`{"businessID":"live_kit", cmd, info}`) with a priority. */
  sendCustom(cmd: string, info: Record<string, JsonValue> = {}, priority: Priority = 'normal'): Promise<SendResult> {
    return this.loadInteractions().then((ui) => ui.actions.sendCustom(cmd, info, priority));
  }

  /** Plays a Lottie animation (https: or same-origin) ahead of queued gift effects. */
  playEffect(url: string): Promise<void> {
    return this.loadInteractions().then((ui) => ui.gifts.playEffect(String(url ?? '')));
  }

  /** Changes room data locally (anchor, announcement, state, counts), through the room's own decoder. */
  updateRoom(update: RoomUpdate & { readonly anchor?: AnchorInfo }): Promise<void> {
    if (update.anchor) this.anchor = { ...this.anchor, ...update.anchor };
    if (update.announcement !== undefined) this.announcement = update.announcement;
    return this.loadInteractions().then((ui) => {
      ui.actions.updateRoom(update);
      return this.updateComplete.then(() => undefined);
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Not on the first update unless set: the viewer's stored settings are read after the first frame.
    if (changed.has('noBarrage') && (this.hasUpdated || this.noBarrage)) this.barrageController.setForcedOff(this.noBarrage);
    const restart = ['roomId', 'emulatorUrl', 'sdkAppId', 'userId', 'userSigUrl', 'userSig', 'transport', 'chat'] as const;
    if (this.hasUpdated && restart.some((k) => changed.has(k))) this.session.restart();
    // A host-given stream starts at once, without waiting for the room's first state.
    if (changed.has('src') && (this.hasUpdated || this.src)) this.playerController.sync(this._room, this.src || undefined);
    if (changed.has('barrageMaxCount')) this.chatController.setMax(this.barrageMaxCount);
    if (changed.has('gifts') || changed.has('giftsSrc')) this.applyGifts();
    if (changed.has('userId')) this.ui?.syncInput(this._room);
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
  private chrome = false;
  private chromeWait: Promise<void> | undefined;

  private loadedGifts: readonly CatalogGift[] | undefined;
  private loadedFrom = '';

  protected override updated(): void {
    if (this.internals?.states) applyStates(this.internals.states, this._room, !this.userId, this.videoState);
  }

  override render() {
    const lang = this.language;
    if (!hasLang(lang)) void loadLang(lang).then(() => this.requestUpdate());
    const origin = { origin: location.origin, ...(this.allowUrl ? { allowUrl: this.allowUrl } : {}) };
    const anchorAvatar = this.anchor?.avatar ? safeUrl(this.anchor.avatar, origin) : undefined;
    const anchor = { ...(this.anchor ? { anchor: this.anchor } : {}), ...(anchorAvatar ? { anchorAvatar } : {}) };
    return roomTemplate({
      lang,
      chrome: this.chrome,
      header: () => ({
        lang,
        ...anchor,
        room: this._room,
        announcement: this._roomAnnouncement || this.announcement,
        announcementOpen: this._announcementOpen,
        announcementOverflows: this.announcementFit.overflows,
        onFollow: () => this.dispatchEvent(new LcrFollowRequestEvent({ follow: !this.anchor?.followed })),
        onToggleAnnouncement: () => (this._announcementOpen = !this._announcementOpen),
      }),
      stage: () => ({
        lang,
        room: this._room,
        player: this._player,
        ...anchor,
        ...(this.poster ? { poster: this.poster } : {}),
        now: this._now,
        barrageOn: this.barrageController.on,
        barrageSettings: this.barrageController.settings,
        settingsOpen: this._settingsOpen,
        onToggleSettings: () => (this._settingsOpen = !this._settingsOpen),
        onBarrageSettings: (partial) => this.barrageController.update(partial),
        hasBarrage: !this.noBarrage,
        onUnmute: () => this.playerController.unmute(),
        onGoLive: () => this.playerController.goLive(),
        onRetry: () => this.playerController.retry(),
        onToggleBarrage: () => this.barrageController.update({ enabled: !this.barrageController.settings.enabled }),
        onWatchReplay: () => this.playerController.watchReplay(this._room),
      }),
      autoplay: this.autoplay,
      poster: this.poster || '',
      barrageOn: this.chrome ? this.barrageController.on : !this.noBarrage,
      noChat: this.noChat,
      inputRow: this.ui?.inputRow(lang),
      rail: this.ui?.rail({ lang, room: this._room, noLikes: this.noLikes, noGifts: this.noGifts }),
    });
  }

  /** Read-only views of what the room paints, for `inspectRoom` (`live-chat-room/testing`). */
  [INSPECT](): RoomInspection {
    const ui = this.ui;
    return {
      barrage: this.barrageController.renderer,
      player: this.playerController.state,
      likes: ui ? { total: ui.likes.total, hearts: ui.likes.hearts?.stats() } : undefined,
      gifts: ui?.gifts.stats(),
    };
  }

  /** Countdown ticks: the clock controller asks for a re-render once per second. */
  tick(now: number): void {
    this._now = now;
  }
}
