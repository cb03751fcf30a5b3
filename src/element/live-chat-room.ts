/**
 * `<live-chat-room>`: the public element — a thin composition root. It holds the public
 * properties, its controllers and event wiring, and renders the frame and low-rate state.
 * High-frequency content (barrage, chat lines) is drawn by renderers, never by Lit re-renders.
 * The tags below are the element's documented surface: custom-elements.json is generated from
 * them (`npm run manifest`) and test/browser/manifest.test.ts holds them to the running element.
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

/**
 * The live room element.
 *
 * @tag live-chat-room
 * @summary A live-stream room: HLS player, barrage, gifts, likes, chat, header and room states.
 *
 * @slot header-leading - Replaces the anchor block at the start of the header.
 * @slot anchor-panel - Replaces the anchor's avatar and name inside the anchor block.
 * @slot header-tag - Replaces the room-state badge.
 * @slot audience-panel - Replaces the audience count.
 * @slot header-actions - Extra controls at the end of the header.
 * @slot input-actions - Extra controls beside the chat input.
 * @slot input-decoration - Decoration above the chat input.
 * @slot gift-panel - Replaces the default gift panel's content.
 *
 * @csspart room - The whole room (stage and chat column).
 * @csspart stage - The video stage with its layers and overlays.
 * @csspart video - The <video>.
 * @csspart barrage - The barrage layer (a canvas over the video).
 * @csspart gift-banners - The layer of gift banners.
 * @csspart gift-banner - One gift banner.
 * @csspart gift-effects - The layer of full-screen gift effects.
 * @csspart gift-effect - A playing gift effect.
 * @csspart like-hearts - The floating hearts' canvas.
 * @csspart header - The header bar.
 * @csspart anchor - The anchor block (avatar, name, followers).
 * @csspart anchor-avatar - The anchor's avatar.
 * @csspart anchor-name - The anchor's name.
 * @csspart follow-button - The Follow button.
 * @csspart state-badge - The room-state badge (LIVE, Replay, …).
 * @csspart audience - The audience count.
 * @csspart connection - The connection state in the header.
 * @csspart announcement - The announcement line.
 * @csspart announcement-toggle - The announcement's More/Less button.
 * @csspart card - A room-state or error card over the video.
 * @csspart card-upcoming - The "starting soon" card, with its countdown.
 * @csspart card-paused - The card of a paused stream.
 * @csspart card-ended - The "stream ended" card.
 * @csspart card-error - The player's error card.
 * @csspart kicked - The card shown when the session ended (kicked, banned, logged in elsewhere).
 * @csspart replay-button - "Watch the replay" on the ended card.
 * @csspart retry-button - Retry on the player's error card.
 * @csspart unmute-button - "Tap to unmute" over a muted autoplay.
 * @csspart back-to-live - "Back to live" when the video is behind the live edge.
 * @csspart connection-banner - "Reconnecting…" / "Offline" over the stage.
 * @csspart video-banner - "Buffering…" / "Reconnecting the video…" while the video stalls.
 * @csspart barrage-toggle - The barrage on/off button.
 * @csspart barrage-settings-button - The button that opens the barrage settings.
 * @csspart barrage-panel - The barrage settings panel (opacity, speed, size, area).
 * @csspart chat - The chat column's list container.
 * @csspart new-messages - The "N new messages" button.
 * @csspart chat-line - One chat line.
 * @csspart chat-line-own - A line the viewer sent (with chat-line).
 * @csspart badge - A level or role badge in a line.
 * @csspart chat-nick - The sender's name in a line.
 * @csspart chat-text - The text of a line.
 * @csspart chat-status - The sending or failed mark of an own line.
 * @csspart chat-status-pending - The mark while an own line is being sent (with chat-status).
 * @csspart chat-status-failed - The mark of an own line that failed, with its reason (with chat-status).
 * @csspart chat-retry - Retry on a failed own line.
 * @csspart actions - The row of like and gift controls.
 * @csspart input-area - The chat input row.
 * @csspart input - The chat text field.
 * @csspart input-counter - The characters-left counter.
 * @csspart input-status - The input's state text (muted with its countdown, cooldown, guest).
 * @csspart input-failure - Why the last send failed.
 * @csspart send-button - The Send button.
 * @csspart login-button - "Log in to chat" for a guest.
 * @csspart like - The like control (button and count).
 * @csspart like-button - The like button.
 * @csspart like-count - The like total.
 * @csspart gift-button - The button that opens the gift panel.
 * @csspart gift-panel - The gift panel.
 * @csspart gift-grid - The gifts offered, as a grid.
 * @csspart gift-tile - One gift in the grid.
 * @csspart gift-count - The count presets (1, 10, 99, custom).
 * @csspart gift-custom - The custom count field.
 * @csspart gift-total - The price of the chosen gifts.
 * @csspart gift-balance - The viewer's balance.
 * @csspart gift-send - The panel's Send button.
 * @csspart gift-combo - The combo badge of rapid taps.
 * @csspart gift-error - Why a gift was not sent.
 * @csspart gift-retry - Retry for a gift whose request got no answer.
 *
 * @cssprop --lcr-color-background - Theme: the room's background.
 * @cssprop --lcr-color-surface - Theme: bars and panels over the video.
 * @cssprop --lcr-color-text - Theme: text.
 * @cssprop --lcr-color-hint - Theme: secondary text.
 * @cssprop --lcr-color-highlight - Theme: highlights (gift counts, combos).
 * @cssprop --lcr-color-accent - Theme: accent (Follow, LIVE, Host); carries white text.
 * @cssprop --lcr-color-secondary - Theme: names in the chat.
 * @cssprop --lcr-color-danger - Theme: errors and failed sends.
 * @cssprop --lcr-color-own - Theme: the viewer's own lines.
 * @cssprop --lcr-font-family - Theme: the font stack (Latin, CJK, Hangul).
 * @cssprop --lcr-font-size - Theme: the base font size.
 * @cssprop --lcr-radius - Theme: corner radius of cards, panels and buttons.
 * @cssprop --lcr-header-background - The header bar's background.
 * @cssprop --lcr-anchor-title-color - The anchor's name.
 * @cssprop --lcr-anchor-subtitle-color - The anchor's follower line.
 * @cssprop --lcr-badge-live-background - The LIVE badge.
 * @cssprop --lcr-card-background - Room-state cards over the video.
 * @cssprop --lcr-chat-name-color - Names in chat lines.
 * @cssprop --lcr-chat-text-color - Text in chat lines.
 * @cssprop --lcr-chat-own-color - The viewer's own lines.
 * @cssprop --lcr-barrage-opacity - The barrage layer's opacity (the viewer's setting multiplies it).
 * @cssprop --lcr-barrage-top - Where the barrage area starts, from the top of the stage.
 * @cssprop --lcr-barrage-top-narrow - The same on a narrow room (below 520 px).
 * @cssprop --lcr-input-background - The chat input's background.
 * @cssprop --lcr-input-border - The chat input's border.
 * @cssprop --lcr-send-background - The Send button.
 * @cssprop --lcr-like-background - The like button.
 * @cssprop --lcr-like-background-hover - The like button under the pointer.
 * @cssprop --lcr-like-color - The like button's heart.
 * @cssprop --lcr-gift-button-background - The gift button.
 * @cssprop --lcr-gift-button-color - The gift button's icon.
 * @cssprop --lcr-gift-count-color - Gift counts and combos.
 * @cssprop --lcr-gift-panel-background - The gift panel.
 * @cssprop --lcr-gift-panel-width - The gift panel's width.
 * @cssprop --lcr-gift-panel-max-height - The gift panel's largest height.
 * @cssprop --lcr-gift-panel-left - The gift panel's left offset.
 * @cssprop --lcr-gift-panel-bottom - The gift panel's bottom offset.
 * @cssprop --lcr-gift-panel-z - The gift panel's stacking order.
 * @cssprop --lcr-gift-send-background - The panel's Send button.
 * @cssprop --lcr-gift-banner-background - A gift banner.
 * @cssprop --lcr-gift-banner-own-background - A banner of the viewer's own gift.
 * @cssprop --lcr-gift-banner-title-color - A banner's sender line.
 * @cssprop --lcr-gift-banner-subtitle-color - A banner's gift line.
 * @cssprop --lcr-gift-banners-top - Where the banner lanes start, from the top of the stage.
 *
 * @cssstate live - The room is live.
 * @cssstate upcoming - The stream has not started (a countdown may show).
 * @cssstate paused - The anchor paused the stream.
 * @cssstate ended - The stream ended.
 * @cssstate replay - The room plays its replay.
 * @cssstate idle - No chat connection yet (no room id, or no backend).
 * @cssstate connecting - The chat connection is being made.
 * @cssstate connected - The chat is connected.
 * @cssstate reconnecting - The chat connection was lost and is being made again.
 * @cssstate offline - The browser is offline.
 * @cssstate kicked - The session ended for good.
 * @cssstate guest - No user-id: the viewer watches and cannot send.
 * @cssstate video-idle - The player has nothing to play yet.
 * @cssstate video-loading - The video is starting.
 * @cssstate video-playing - The video plays.
 * @cssstate video-paused - The video is paused (or autoplay was refused).
 * @cssstate video-stalled - The video is buffering or recovering.
 * @cssstate video-waiting-for-stream - The live stream is not there yet; the player retries.
 * @cssstate video-ended - The video reached its end.
 * @cssstate video-error - The video failed; the error card offers Retry.
 *
 * @fires {LcrEvent<'lcr-message'>} lcr-message - Every accepted room message (text, gift, like, notices), after validation and dedupe.
 * @fires {LcrEvent<'lcr-member-enter'>} lcr-member-enter - A viewer entered the room.
 * @fires {LcrEvent<'lcr-room-state-change'>} lcr-room-state-change - The room went upcoming, live, paused, ended or replay.
 * @fires {LcrEvent<'lcr-connection-change'>} lcr-connection-change - Connecting, connected, reconnecting, offline.
 * @fires {LcrEvent<'lcr-kicked'>} lcr-kicked - The session ended for good (kicked, banned, logged in elsewhere, UserSig expired).
 * @fires {LcrEvent<'lcr-mute-change'>} lcr-mute-change - The room was muted, or this viewer was.
 * @fires {LcrEvent<'lcr-error'>} lcr-error - Something failed; `detail.code` says what.
 * @fires {LcrEvent<'lcr-warning'>} lcr-warning - The room degraded and goes on (a worker refused by the page's CSP, or failed).
 * @fires {LcrEvent<'lcr-metrics'>} lcr-metrics - At most once a second: drops, queue depth, barrage, gift and heart counters.
 * @fires {LcrEvent<'lcr-gift'>} lcr-gift - Every gift; the viewer's own once, after it was billed.
 * @fires {LcrEvent<'lcr-like'>} lcr-like - Likes from others, aggregated per window.
 * @fires {LcrEvent<'lcr-follow-request'>} lcr-follow-request - Cancelable: the viewer tapped Follow.
 * @fires {LcrEvent<'lcr-login-request'>} lcr-login-request - Cancelable: a guest tried to chat, like or gift.
 * @fires {LcrEvent<'lcr-gift-request'>} lcr-gift-request - Cancelable: a merged gift batch is about to be billed.
 * @fires {LcrEvent<'lcr-send-request'>} lcr-send-request - Cancelable: a text or custom message is about to leave.
 */
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
