/**
 * The project's message vocabulary: pure data types, no behaviour.
 * Everything past `transport/` speaks these types; nothing renders a raw SDK object.
 */

/** Delivery priority of a room message (Tencent's MSG_PRIORITY_*). */
export type Priority = 'high' | 'normal' | 'low' | 'lowest';
export const PRIORITIES: readonly Priority[] = ['high', 'normal', 'low', 'lowest'];

export type Role = 'anchor' | 'admin' | 'member' | 'guest';

export interface Sender {
  readonly id: string;
  readonly nick: string;
  /** Already checked against the URL allow-list, or absent. */
  readonly avatar?: string;
  /** 0..99; 0 when unknown. */
  readonly level: number;
  readonly role: Role;
  /**
   * Set when the sender is a trusted identity (decided once, at decode): the REST admin, a
   * Tencent system sender, the anchor, or an id the host listed. Control commands, gifts and
   * role claims take effect only from such senders (docs/security.md).
   */
  readonly trusted?: true;
}

export type RoomStateName = 'upcoming' | 'live' | 'paused' | 'ended' | 'replay';
export const ROOM_STATES: readonly RoomStateName[] = ['upcoming', 'live', 'paused', 'ended', 'replay'];

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

export type KickReason = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick' | 'banned' | 'roomDismissed' | 'unknown';

/** 1 ordinary (inline), 2 banner, 3 banner + full-screen effect (docs/gift-protocol.md#gift-types). */
export type GiftType = 1 | 2 | 3;

export interface GiftInfo {
  readonly type: GiftType;
  readonly name: string;
  readonly count: number;
  readonly units: string;
  readonly imageUrl?: string;
  readonly effectUrl?: string;
  /** Catalog id when known (our extension; the kit identifies gifts by name/url). */
  readonly giftId?: string;
}

interface Base {
  /** Server message id, or the client id of a local echo. */
  readonly id: string;
  /** Client-chosen id of an own message (local echo ⇄ server copy), when known. */
  readonly clientId?: string;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly priority: Priority;
  readonly sender: Sender;
  /** Sent by the local user. */
  readonly own: boolean;
}

export interface TextEvent extends Base {
  readonly kind: 'text';
  readonly text: string;
}
export interface GiftEvent extends Base {
  readonly kind: 'gift';
  readonly gift: GiftInfo;
}
export interface LikeEvent extends Base {
  readonly kind: 'like';
  readonly count: number;
}
export interface LikeTotalEvent extends Base {
  readonly kind: 'like-total';
  readonly total: number;
}
export interface MemberEnterEvent extends Base {
  readonly kind: 'member-enter';
}
export interface MemberLeaveEvent extends Base {
  readonly kind: 'member-leave';
}
export interface RoomStateEvent extends Base {
  readonly kind: 'room-state';
  readonly state: RoomStateName;
  /** Scheduled start (ms since epoch) for `upcoming`. */
  readonly startTime?: number;
  readonly streamUrl?: string;
  readonly replayUrl?: string;
}
export interface AnnouncementEvent extends Base {
  readonly kind: 'announcement';
  readonly text: string;
}
export interface IntroductionEvent extends Base {
  readonly kind: 'introduction';
  readonly text: string;
}
export interface AudienceEvent extends Base {
  readonly kind: 'audience';
  readonly count: number;
}
export interface MuteEvent extends Base {
  readonly kind: 'mute';
  readonly scope: 'all' | 'member';
  /** For scope `member`: whose mute changed. */
  readonly userId?: string;
  /** Seconds of mute from `time`; 0 = unmuted. For scope `all`, 0 or Infinity-like 1 (muted). */
  readonly seconds: number;
  readonly muted: boolean;
}
export interface BanEvent extends Base {
  readonly kind: 'ban';
  readonly userId: string;
  readonly seconds: number;
}
export interface KickEvent extends Base {
  readonly kind: 'kick';
  readonly reason: KickReason;
  readonly userId?: string;
}
export interface RecallEvent extends Base {
  readonly kind: 'recall';
  readonly targetId: string;
}
export interface ModifyEvent extends Base {
  readonly kind: 'modify';
  readonly targetId: string;
  readonly text: string;
}
export interface SystemEvent extends Base {
  readonly kind: 'system';
  readonly text: string;
}
/** A well-formed envelope whose `cmd` we do not know: passed on (sanitized) so hosts can use it. */
export interface CustomEvent extends Base {
  readonly kind: 'custom';
  readonly cmd: string;
  readonly info: JsonValue;
}

export type RoomEvent =
  | TextEvent
  | GiftEvent
  | LikeEvent
  | LikeTotalEvent
  | MemberEnterEvent
  | MemberLeaveEvent
  | RoomStateEvent
  | AnnouncementEvent
  | IntroductionEvent
  | AudienceEvent
  | MuteEvent
  | BanEvent
  | KickEvent
  | RecallEvent
  | ModifyEvent
  | SystemEvent
  | CustomEvent;

export type RoomEventKind = RoomEvent['kind'];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Why an inbound frame was dropped (counted in metrics). */
export type DropReason =
  | 'not-object'
  | 'bad-json'
  | 'too-large'
  | 'too-deep'
  | 'bad-type'
  | 'bad-field'
  | 'unknown-type'
  | 'unknown-tip'
  | 'bad-envelope'
  | 'bad-url'
  | 'empty'
  | 'revoked'
  | 'risk'
  /** A control command, gift or priority claim from a sender that may not make it. */
  | 'untrusted';

export type DecodeResult =
  | { readonly ok: true; readonly events: readonly RoomEvent[] }
  | { readonly ok: false; readonly reason: DropReason; readonly detail?: string };

/**
 * What a transport emits. `message` carries a plain-data projection of a Tencent `Message`
 * (fields: ID, type, payload, from, nick, avatar, time, priority, cloudCustomData, isRevoked…),
 * unvalidated; the rest are signals the adapter observed, their data still unvalidated.
 */
export type InboundFrame =
  | { readonly kind: 'message'; readonly message: unknown }
  | { readonly kind: 'modified'; readonly message: unknown }
  | { readonly kind: 'revoked'; readonly ids: unknown }
  | { readonly kind: 'attributes'; readonly attributes: unknown; readonly time?: number }
  | { readonly kind: 'profile'; readonly profile: unknown; readonly time?: number }
  | { readonly kind: 'audience'; readonly count: unknown; readonly time?: number }
  | { readonly kind: 'like-total'; readonly total: unknown; readonly time?: number }
  | { readonly kind: 'kicked'; readonly reason: unknown; readonly time?: number };

/** Why a send failed, mapped from Tencent error codes (see errors.ts). */
export type FailureReason =
  | 'rejected'
  | 'muted'
  | 'sensitive'
  | 'too-large'
  | 'too-fast'
  | 'room-gone'
  | 'not-logged-in'
  | 'kicked'
  | 'sig-expired'
  | 'network'
  | 'cancelled'
  | 'insufficient-balance'
  | 'unknown';

/** What the client puts on the wire (a projection of createTextMessage/createCustomMessage). */
export type OutboundWire =
  | { readonly type: 'TIMTextElem'; readonly text: string; readonly priority: Priority; readonly cloudCustomData: string }
  | {
      readonly type: 'TIMCustomElem';
      readonly data: string;
      readonly description: string;
      readonly extension: string;
      readonly priority: Priority;
      readonly cloudCustomData: string;
    };

export type SendResult =
  | { readonly ok: true; readonly id: string; readonly time: number }
  | { readonly ok: false; readonly reason: FailureReason; readonly code?: number; readonly message?: string };
