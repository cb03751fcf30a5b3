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

import type { GiftSendResult } from '../controllers/gift-sender.ts';
import { emit } from '../events/index.ts';
import type { CatalogGift } from '../gifts/index.ts';
import { hasLang, loadLang } from '../i18n/index.ts';
import type { RoomView } from '../pipeline/types.ts';
import type { PlayerState } from '../player/player-state.ts';
import { safeUrl, type JsonValue, type Priority, type SendResult } from '../protocol/index.ts';
import type { TextSendResult } from '../store/room-store.ts';
import type { RoomUpdate } from '../store/room-update.ts';
import { elementStyles } from './element-styles.ts';
import { RoomBase } from './room-base.ts';
import { roomTemplate } from './templates/room.ts';
import type { AnchorInfo } from './types.ts';

export class LiveChatRoom extends RoomBase {
  static override styles = elementStyles;

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

  /** The gifts offered now (read-only): `gifts` when set, else the catalog loaded from `gifts-src`. */
  get catalog(): readonly CatalogGift[] {
    return this.interactions?.gifts.gifts ?? [];
  }

  // --- the element's methods: the same paths as the UI (room-actions.ts) ----------------------

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

  /**
   * Changes room data locally (anchor, announcement, state, counts), through the room's own decoder.
   * The host's properties are not written: an `anchor` given here shows until `anchor` is set again.
   */
  updateRoom(update: RoomUpdate & { readonly anchor?: Partial<AnchorInfo> }): Promise<void> {
    const { anchor, ...room } = update;
    if (anchor) this._anchorUpdate = { ...this._anchorUpdate, ...anchor };
    return this.loadInteractions().then((ui) => {
      ui.actions.updateRoom(room);
      return this.updateComplete.then(() => undefined);
    });
  }

  override render() {
    const lang = this.language;
    if (!hasLang(lang)) void loadLang(lang).then(() => this.requestUpdate());
    const shown: AnchorInfo | undefined =
      this.anchor || this._anchorUpdate ? { nick: '', ...this.anchor, ...this._anchorUpdate } : undefined;
    const origin = { origin: location.origin, ...(this.allowUrl ? { allowUrl: this.allowUrl } : {}) };
    const anchorAvatar = shown?.avatar ? safeUrl(shown.avatar, origin) : undefined;
    const anchor = { ...(shown ? { anchor: shown } : {}), ...(anchorAvatar ? { anchorAvatar } : {}) };
    const bc = this.barrageController;
    return roomTemplate({
      lang,
      chrome: this.chrome,
      header: () => ({
        lang,
        ...anchor,
        room: this._room,
        announcement: this._room.announcement || this.announcement,
        announcementOpen: this._announcementOpen,
        announcementOverflows: this.announcementFit.overflows,
        onFollow: () => emit(this, 'lcr-follow-request', { follow: !shown?.followed }),
        onToggleAnnouncement: () => (this._announcementOpen = !this._announcementOpen),
      }),
      stage: () => ({
        lang,
        room: this._room,
        player: this._player,
        ...anchor,
        ...(this.poster ? { poster: this.poster } : {}),
        now: this.countdown.now,
        barrageOn: bc.on,
        barrageSettings: bc.settings,
        settingsOpen: this._settingsOpen,
        onToggleSettings: () => (this._settingsOpen = !this._settingsOpen),
        onBarrageSettings: (partial) => bc.update(partial),
        hasBarrage: !this.noBarrage,
        onUnmute: () => this.playerController.unmute(),
        onGoLive: () => this.playerController.goLive(),
        onRetry: () => this.playerController.retry(),
        onToggleBarrage: () => bc.update({ enabled: !bc.settings.enabled }),
        onWatchReplay: () => this.playerController.watchReplay(this._room),
      }),
      autoplay: this.autoplay,
      poster: this.poster || '',
      barrageOn: this.chrome ? bc.on : !this.noBarrage,
      noChat: this.noChat,
      inputRow: this.interactions?.inputRow(lang),
      rail: this.interactions?.rail({ lang, room: this._room, noLikes: this.noLikes, noGifts: this.noGifts }),
    });
  }
}

declare global {
  /** `document.querySelector('live-chat-room')`, `createElement('live-chat-room')`: typed as the element. */
  interface HTMLElementTagNameMap {
    'live-chat-room': LiveChatRoom;
  }
}
