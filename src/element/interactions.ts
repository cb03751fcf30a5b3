/**
 * Everything the viewer *does* (chat input, likes, gifts, the send paths behind the element's
 * methods), as one lazy chunk the element loads on connect — the page's first chunk stays the room
 * shell (header, stage, cards, chat list). Owns: the input, like and gift controllers (added to the
 * host as ReactiveControllers, so their lifetimes follow the element's), the send paths and the
 * styles of these parts. Must not: render anything but the input row and the action rail.
 */
import { css, unsafeCSS, type CSSResult, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { NARROW_PX } from '../platform/media.ts';
import { chatInput, chatInputStyles } from '../chat/chat-input-template.ts';
import { ChatInputController } from '../chat/chat-input.ts';
import { GiftController, type GiftControllerOptions } from '../controllers/gift-controller.ts';
import { LikeController } from '../controllers/like-controller.ts';
import { RoomActions, inputStatus } from '../controllers/room-actions.ts';
import type { StoreLink } from '../controllers/store-link.ts';
import { giftPanelStyles } from '../gifts/gift-panel.ts';
import { giftStyles } from '../gifts/gift-styles.ts';
import type { Lang } from '../i18n/index.ts';
import { likeButtonStyles } from '../likes/like-button.ts';
import type { RoomView } from '../pipeline/types.ts';
import { actionRail } from './templates/interactions.ts';

export interface InteractionsDeps extends Pick<GiftControllerOptions, 'parts' | 'allowUrl' | 'lang' | 'endpoint' | 'roomId'> {
  readonly host: ReactiveControllerHost & HTMLElement;
  readonly link: StoreLink;
  readonly userId: () => string;
  readonly nick: () => string;
}

export interface RailState {
  readonly lang: Lang;
  readonly room: RoomView;
  readonly noLikes: boolean;
  readonly noGifts: boolean;
}

const railStyles = css`
  .actions { position: absolute; right: 12px; bottom: 64px; z-index: 3; display: flex; flex-direction: column; align-items: center; gap: 10px; }
  @container (max-width: ${unsafeCSS(NARROW_PX)}px) {
    .actions { bottom: 12px; right: 12px; }
  }
`;

export class Interactions {
  static readonly styles: readonly CSSResult[] = [chatInputStyles, likeButtonStyles, ...giftStyles, giftPanelStyles, railStyles];
  readonly input: ChatInputController;
  readonly likes: LikeController;
  readonly gifts: GiftController;
  readonly actions: RoomActions;

  constructor(private readonly d: InteractionsDeps) {
    const { host } = d;
    // The parts' styles join the element's own (adopted into its shadow root).
    const root = host.shadowRoot;
    const sheets = Interactions.styles.map((s) => s.styleSheet).filter((s): s is CSSStyleSheet => !!s);
    if (root?.adoptedStyleSheets) root.adoptedStyleSheets = [...root.adoptedStyleSheets, ...sheets];
    this.likes = new LikeController(host, { link: d.link });
    const self = () => (d.userId() ? { id: d.userId(), nick: d.nick() || d.userId(), level: 0, role: 'member' as const } : undefined);
    this.gifts = new GiftController(host, {
      parts: d.parts,
      allowUrl: d.allowUrl,
      lang: d.lang,
      endpoint: d.endpoint,
      roomId: d.roomId,
      self,
      link: d.link,
    });
    this.input = new ChatInputController(host, {
      onSend: (text) => this.actions.submitText(text, true).clientId,
      onLoginRequest: () => this.actions.requestLogin('chat'),
    });
    this.actions = new RoomActions({
      host,
      userId: d.userId,
      nick: d.nick,
      link: d.link,
      input: () => this.input,
      gifts: () => this.gifts,
      likes: () => this.likes,
    });
    // The input shows what became of its own sends: a failure's reason, the token bucket's cooldown.
    d.link.use((store) =>
      store.own$.subscribe((m) => {
        if (m.status === 'cooldown') this.input.cooldown(m.retryInMs ?? 0, m.clientId);
        else if (m.status === 'failed' && m.fromInput && m.reason) this.input.showFailure(m.reason);
      }),
    );
  }

  /** Who may chat now (mute and kick take effect within the same update). */
  syncInput(room: RoomView): void {
    this.input.setStatus(inputStatus(room, !this.d.userId()));
  }

  inputRow(lang: Lang): TemplateResult {
    return chatInput(this.input, lang);
  }

  rail(s: RailState): ReturnType<typeof actionRail> {
    const guest = !this.d.userId();
    const r = s.room;
    return actionRail({
      lang: s.lang,
      likes: s.noLikes ? null : this.likes,
      gifts: s.noGifts || this.gifts.gifts.length === 0 ? null : this.gifts,
      blocked: !!r.kicked || r.state === 'ended' || r.state === 'upcoming',
      guest,
      onLike: () => (guest ? this.actions.requestLogin('like') : void this.likes.tap(1)),
      onGiftToggle: () => (guest ? this.actions.requestLogin('gift') : this.gifts.toggle()),
    });
  }
}
