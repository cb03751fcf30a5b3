/**
 * The element's one event vocabulary: `LcrEventMap` (name → `detail` type) and `LCR_EVENTS` (name →
 * whether the host may cancel it, and what it means). The generic `LcrEvent`, the
 * `HTMLElementEventMap` augmentation (index.ts), the README's events table (checked by a unit test)
 * and the framework wrappers are derived from these two; there is no other list.
 */
import type { PipelineMetrics, RoomView } from '../pipeline/index.ts';
import type { ConnectionState, GiftEvent, KickReason, RoomEvent, RoomStateName } from '../protocol/index.ts';

/**
 * `transport` the connection gave up; `join` the room could not be entered; `login` the UserSig was
 * refused; `player` the video gave up (its card offers retry); `config` a bad attribute or no backend; `catalog`
 * the gift catalog could not be loaded; `room-evicted` another element of this page joined another
 * room and took this one's place (one AVChatRoom per login); `send` a message failed for a reason
 * the viewer did not cause (network, rejected);
 * `pipeline` a part of the room's processing failed and restarted.
 */
export type LcrErrorCode = 'transport' | 'join' | 'login' | 'player' | 'config' | 'catalog' | 'room-evicted' | 'send' | 'pipeline';

export interface ErrorDetail {
  readonly code: LcrErrorCode;
  readonly message: string;
  readonly cause?: unknown;
}

/** At most once per second: drops by priority, queue depths, renderer counters. */
export type MetricsDetail = PipelineMetrics & {
  readonly barrage?: Record<string, unknown>;
  readonly gifts?: Record<string, unknown>;
  readonly hearts?: Record<string, unknown>;
};

export interface GiftRequestDetail {
  readonly giftId: string;
  readonly count: number;
  /** The catalog entry, when the gift is in the catalog. */
  readonly gift?: { readonly id: string; readonly name: string; readonly price: number; readonly type: 1 | 2 | 3 };
  readonly roomId: string;
  readonly userId: string;
  /** Put this on the gift message (`cloudCustomData.lcr.cid`) so the sender's own copy is not shown twice. */
  readonly clientId: string;
}

/**
 * Something degraded but the room goes on. `worker-blocked` the page's CSP refused a worker (the
 * barrage or hls.js then runs on the main thread; `directive` and `source` say what to add);
 * `worker-failed` a worker could not start or crashed (its file missing, served without CORS or as
 * the wrong type) and the part runs on the main thread.
 */
export type LcrWarningCode = 'worker-blocked' | 'worker-failed';

export interface WarningDetail {
  readonly code: LcrWarningCode;
  readonly message: string;
  /** The part that degraded, when known. */
  readonly part?: 'barrage' | 'player';
  /** The CSP directive that refused it (`worker-blocked`). */
  readonly directive?: string;
  /** The source expression that directive needs (`blob:` or an origin). */
  readonly source?: string;
}

export type RoomStateOrUnknown = RoomStateName | 'unknown';

export interface LcrEventMap {
  'lcr-message': RoomEvent;
  'lcr-member-enter': { readonly userId: string; readonly nick: string };
  'lcr-room-state-change': { readonly state: RoomStateOrUnknown; readonly previous: RoomStateOrUnknown; readonly room: RoomView };
  'lcr-connection-change': { readonly state: ConnectionState; readonly previous: ConnectionState };
  'lcr-kicked': { readonly reason: KickReason };
  'lcr-mute-change': { readonly muted: boolean; readonly scope: 'all' | 'self'; readonly until: number };
  'lcr-error': ErrorDetail;
  'lcr-warning': WarningDetail;
  'lcr-metrics': MetricsDetail;
  'lcr-gift': GiftEvent;
  'lcr-like': { readonly count: number; readonly total: number };
  'lcr-follow-request': { readonly follow: boolean };
  'lcr-login-request': { readonly reason: 'chat' | 'like' | 'gift' };
  'lcr-gift-request': GiftRequestDetail;
  'lcr-send-request': { readonly kind: 'text' | 'custom'; readonly text?: string; readonly cmd?: string; readonly clientId?: string };
}

export type LcrEventName = keyof LcrEventMap;

/** Every event, once: cancelable or not, and what it says (the README table is checked against this). */
export const LCR_EVENTS: { readonly [K in LcrEventName]: { readonly cancelable: boolean; readonly doc: string } } = {
  'lcr-message': { cancelable: false, doc: 'every accepted room message (text, gift, like, notices…), after validation and dedupe' },
  'lcr-member-enter': { cancelable: false, doc: 'a viewer entered the room' },
  'lcr-room-state-change': { cancelable: false, doc: 'the room went upcoming, live, paused, ended or replay' },
  'lcr-connection-change': { cancelable: false, doc: 'connecting, connected, reconnecting, offline' },
  'lcr-kicked': { cancelable: false, doc: 'the session ended for good (kicked, banned, logged in elsewhere, UserSig expired)' },
  'lcr-mute-change': { cancelable: false, doc: 'the room was muted, or this viewer was (`scope`, `until`)' },
  'lcr-error': { cancelable: false, doc: 'something failed: `code` is one of `LcrErrorCode`' },
  'lcr-warning': {
    cancelable: false,
    doc: 'the room degraded and goes on: `code` is one of `LcrWarningCode` (a worker refused by CSP or failed)',
  },
  'lcr-metrics': { cancelable: false, doc: 'at most 1/s: drops by priority and reason, queue depth, barrage, gift and heart counters' },
  'lcr-gift': { cancelable: false, doc: "every gift; the viewer's own once, after it was billed" },
  'lcr-like': { cancelable: false, doc: 'likes from others, aggregated per window: `{count, total}`' },
  'lcr-follow-request': { cancelable: true, doc: 'the viewer tapped follow; the host records it and sets `anchor.followed`' },
  'lcr-login-request': { cancelable: true, doc: 'a guest tried to chat, like or gift (`reason`)' },
  'lcr-gift-request': { cancelable: true, doc: 'a merged gift batch is about to be billed; cancel to bill it yourself' },
  'lcr-send-request': { cancelable: true, doc: 'a text or custom message is about to leave; cancel to stop it' },
};

/** One `lcr-*` event: bubbles, crosses shadow roots, typed `detail`; requests are cancelable. */
export class LcrEvent<K extends LcrEventName = LcrEventName> extends CustomEvent<LcrEventMap[K]> {
  declare readonly type: K;
  constructor(type: K, detail: LcrEventMap[K]) {
    super(type, { detail, bubbles: true, composed: true, cancelable: LCR_EVENTS[type].cancelable });
  }
}

/** `{type, detail}` of any event: what the room store emits for the element to dispatch. */
export type LcrEventEntry = { readonly [K in LcrEventName]: { readonly type: K; readonly detail: LcrEventMap[K] } }[LcrEventName];

/** Dispatches `type` on `target`; false when a cancelable event was cancelled. */
export function emit<K extends LcrEventName>(target: EventTarget, type: K, detail: LcrEventMap[K]): boolean {
  return target.dispatchEvent(new LcrEvent(type, detail));
}

/** The element's events by name, for `HTMLElementEventMap` and the framework wrappers. */
export type LcrEvents = { [K in LcrEventName]: LcrEvent<K> };
