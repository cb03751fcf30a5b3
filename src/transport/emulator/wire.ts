/**
 * The room emulator's WebSocket protocol: JSON text frames, types only (no behaviour).
 *
 * Owned here because production code (the emulator transport) must never import `demo/`; the
 * emulator server in `demo/server` imports these types from this file instead.
 *
 * Requests carry a client-chosen numeric `rid`; the server answers each with one `result` frame
 * carrying the same `rid`. Everything else the server pushes unprompted.
 */
import type { OutboundWire } from '../../protocol/index.ts';

/** Path of the WebSocket endpoint on the emulator's HTTP port. */
export const WIRE_PATH = '/ws';
export const WIRE_VERSION = 1;

/** Tencent's message priorities, as the SDK spells them on a `Message`. */
export type WirePriority = 'High' | 'Normal' | 'Low' | 'Lowest';

export type WireMessageType = 'TIMTextElem' | 'TIMCustomElem' | 'TIMGroupTipElem' | 'TIMGroupSystemNoticeElem';

/** The plain-data projection of a Tencent `Message` that every adapter emits (see protocol/types.ts). */
export interface WireMessage {
  readonly ID: string;
  readonly type: WireMessageType;
  readonly payload: Record<string, unknown>;
  readonly from: string;
  readonly nick: string;
  readonly avatar: string;
  /** Seconds since the epoch, like Tencent. */
  readonly time: number;
  readonly priority: WirePriority;
  readonly cloudCustomData: string;
  readonly isRevoked?: boolean;
  readonly hasRiskContent?: boolean;
  readonly isBroadcastMessage?: boolean;
}

/** Group profile as the web SDK names it (a subset). */
export interface WireGroupProfile {
  readonly groupID: string;
  readonly type: 'AVChatRoom';
  readonly name: string;
  readonly ownerID: string;
  readonly notification: string;
  readonly introduction: string;
  readonly avatar: string;
  readonly muteAllMembers: boolean;
  readonly memberNum: number;
}

/** What `join` answers with. */
export interface WireJoinSnapshot {
  readonly roomId: string;
  readonly profile: WireGroupProfile;
  readonly attributes: Readonly<Record<string, string>>;
  /** Seconds the joining user stays muted (0 = not muted). */
  readonly selfMuteSeconds: number;
  /** Optional history (off by default): at most the last 20 messages of the last 24 h. */
  readonly history: readonly WireMessage[];
}

export type WireKickReason = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick';

// ---- client → server ----------------------------------------------------------------------------

export type ClientFrame =
  | {
      readonly t: 'login';
      readonly rid: number;
      readonly userId: string;
      readonly userSig: string;
      readonly nick?: string;
      readonly avatar?: string;
      readonly level?: number;
    }
  | { readonly t: 'join'; readonly rid: number; readonly roomId: string }
  | { readonly t: 'leave'; readonly rid: number }
  | { readonly t: 'send'; readonly rid: number; readonly wire: OutboundWire }
  /** Online audience of `roomId`, or of the joined room when absent. */
  | { readonly t: 'audience'; readonly rid: number; readonly roomId?: string }
  | { readonly t: 'ping'; readonly rid: number };

export type ClientFrameType = ClientFrame['t'];

/** The `data` of a successful result, per request type. */
export interface ResultData {
  readonly login: { readonly userId: string };
  readonly join: WireJoinSnapshot;
  readonly leave: Record<string, never>;
  /** `time` in seconds, like Tencent. */
  readonly send: { readonly id: string; readonly time: number };
  readonly audience: { readonly count: number };
  readonly ping: { readonly time: number };
}

// ---- server → client ----------------------------------------------------------------------------

export type ServerFrame =
  | { readonly t: 'hello'; readonly v: number; readonly sdkAppId: number; readonly time: number }
  | { readonly t: 'result'; readonly rid: number; readonly ok: true; readonly data: unknown }
  | { readonly t: 'result'; readonly rid: number; readonly ok: false; readonly code: number; readonly message: string }
  | { readonly t: 'message'; readonly roomId: string; readonly message: WireMessage }
  | { readonly t: 'attributes'; readonly roomId: string; readonly attributes: Readonly<Record<string, string>>; readonly time: number }
  | { readonly t: 'kicked'; readonly reason: WireKickReason; readonly time: number }
  /** A frame the server could not read at all (no usable `rid`). */
  | { readonly t: 'error'; readonly code: number; readonly message: string };
