/**
 * The element's public properties and their attributes (docs/house-rules.md#naming), as a base class so
 * the element itself holds only its wiring. Lit merges these with the element's own state.
 */
import { LitElement, type PropertyDeclarations } from 'lit';
import type { ChatItemRenderer } from '../chat/chat-types.ts';
import type { CatalogGift } from '../gifts/index.ts';
import type { ChatTransport } from '../transport/chat-transport.ts';
import type { AnchorInfo } from './types.ts';

export class RoomProperties extends LitElement {
  static override properties: PropertyDeclarations = {
    roomId: { type: String, attribute: 'room-id' },
    src: { type: String },
    poster: { type: String },
    emulatorUrl: { type: String, attribute: 'emulator-url' },
    sdkAppId: { type: Number, attribute: 'sdk-app-id' },
    userId: { type: String, attribute: 'user-id' },
    userSigUrl: { type: String, attribute: 'user-sig-url' },
    userSig: { attribute: false },
    nick: { type: String },
    transport: { attribute: false },
    chat: { attribute: false },
    anchor: { attribute: false },
    announcement: { type: String },
    barrageMaxCount: { type: Number, attribute: 'barrage-max-count' },
    noBarrage: { type: Boolean, attribute: 'no-barrage' },
    noChat: { type: Boolean, attribute: 'no-chat' },
    lang: { type: String },
    autoplay: { type: Boolean },
    renderChatItem: { attribute: false },
    allowUrl: { attribute: false },
    trustedSenders: { type: String, attribute: 'trusted-senders' },
    streamHosts: { type: String, attribute: 'stream-hosts' },
    avatarHosts: { type: String, attribute: 'avatar-hosts' },
    gifts: { attribute: false },
    giftsSrc: { type: String, attribute: 'gifts-src' },
    giftEndpoint: { type: String, attribute: 'gift-endpoint' },
    noGifts: { type: Boolean, attribute: 'no-gifts' },
    noLikes: { type: Boolean, attribute: 'no-likes' },
    likeWindow: { type: Number, attribute: 'like-window' },
  };

  /** Live room (AVChatRoom group) id. */
  roomId = '';
  /** HLS URL; otherwise the room's own stream (group attribute `streamUrl`). */
  src = '';
  /** Image shown on the stage before the first frame. */
  poster = '';
  /** Use the room emulator at this URL. */
  emulatorUrl = '';
  /** Use Tencent Cloud Chat with this SDKAppID. */
  sdkAppId = 0;
  /** Who is watching; without it the viewer is a guest (watches, cannot send). */
  userId = '';
  /** Your server's UserSig endpoint (POST `{userID}` → `{userSig}`); the secret stays there. */
  userSigUrl = '';
  /** A UserSig you already have (a property only: never put it in markup). */
  userSig = '';
  /** The viewer's display name. */
  nick = '';
  /** Any ChatTransport; wins over `emulator-url` and `sdk-app-id`. */
  transport: ChatTransport | undefined;
  /** An already logged-in Tencent SDK instance ("log in outside"). */
  chat: unknown;
  /** The anchor shown in the header: `{ userId, nick, avatar, followers, followed }`. */
  anchor: AnchorInfo | undefined;
  /** Announcement set by the host; the room's own announcement replaces it when it changes. */
  announcement = '';
  /** The most chat lines kept (the reference kit's barrageMaxCount). */
  barrageMaxCount = 200;
  /** Hide the barrage (the viewer can still switch it on from the stage). */
  noBarrage = false;
  /** Hide the chat column. */
  noChat = false;
  /** `en`, `ko` or `zh-CN`; default: the nearest `lang` attribute, then the page's language. */
  override lang = '';
  /** Muted autoplay (the browser allows only muted autoplay). */
  autoplay = true;
  /** `(entry, defaultLine) => Node`: draw chat lines yourself (text only; never markup from a message). */
  renderChatItem: ChatItemRenderer | undefined;
  /** Extra URL allow-list for avatars and gift assets from messages. */
  allowUrl: ((url: string) => boolean) | undefined;
  /**
   * User ids besides the REST admin (`administrator`), Tencent's system sender and the anchor
   * whose gifts and control commands (room state, announcement, audience, system notices) take
   * effect: your business server's sending account and your moderators. Space-separated.
   */
  trustedSenders = '';
  /**
   * Where a stream or replay URL announced by the room may point, besides the page's and the room
   * server's origin: origins or origin + path prefixes, space-separated. `src` is not checked.
   */
  streamHosts = '';
  /**
   * Where avatars from messages may load from: origins, origin + path prefixes, or `/prefix/` on
   * this origin. Without a list (or `allowUrl`), viewers get generated avatars.
   */
  avatarHosts = '';
  /** The gift catalog (`{id, name, image, price, type, effect?}[]`); when set, it wins over `gifts-src`. Never written by the element. */
  gifts: readonly CatalogGift[] | undefined;
  /** URL of a gift catalog JSON, used while `gifts` is unset. */
  giftsSrc = '';
  /** The business server that bills a gift and sends it to the room (POST, see README). */
  giftEndpoint = '';
  /** Hide the gift button and panel. */
  noGifts = false;
  /** Hide the like button. */
  noLikes = false;
  /** Like aggregation window in ms (default 1000; never below 250). */
  likeWindow = 1000;
}
