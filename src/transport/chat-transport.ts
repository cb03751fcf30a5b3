/**
 * The transport seam (docs/house-rules.md#transports). Adapters: tencent/ (the real SDK), emulator/ (the demo
 * server), fake/ (scripted, for tests). Everything an adapter emits is still untrusted data;
 * the pipeline's decoder validates it.
 */
import type { Observable } from 'rxjs';
import type { ConnectionState, InboundFrame, OutboundWire, SendResult } from '../protocol/index.ts';

export type Identity =
  | { readonly kind: 'guest' }
  | {
      readonly kind: 'user';
      readonly userId: string;
      /** A ready UserSig; otherwise the adapter asks `userSigUrl`. */
      readonly userSig?: string;
      readonly userSigUrl?: string;
      readonly nick?: string;
      readonly avatar?: string;
      readonly level?: number;
    };

/** What a transport knows of a room right after joining (all still untrusted). */
export interface RoomSnapshot {
  readonly roomId: string;
  /** Group profile: notification, introduction, muteAllMembers, memberNum… */
  readonly profile?: unknown;
  /** Group attributes (room state lives here). */
  readonly attributes?: unknown;
  /** Seconds the local user stays muted (0 = not muted), when known. */
  readonly selfMuteSeconds?: number;
  /** Messages the room replays to new members (optional history, ≤ 20). */
  readonly history?: readonly unknown[];
}

export interface ChatTransport {
  /** 'tencent' | 'emulator' | 'fake' — for diagnostics. */
  readonly kind: string;
  readonly state$: Observable<ConnectionState>;
  /** Raw frames. A message may come more than once (reconnect history, SDK redelivery): the pipeline's dedupe drops repeats. */
  readonly events$: Observable<InboundFrame>;
  /** Warnings that are not frames (e.g. `room-evicted`: another room on the same app took over). */
  readonly errors$?: Observable<TransportNotice>;
  /** Logs in (or stays a guest). Rejects with a `TransportError`. */
  connect(identity: Identity): Promise<void>;
  /** Joins a live room, leaving any other; resolves with what is known of it. */
  join(roomId: string): Promise<RoomSnapshot>;
  leave(): Promise<void>;
  /** Sends to the joined room. Never rejects: failures come back as `{ok: false, reason}`. */
  send(wire: OutboundWire): Promise<SendResult>;
  /** Online audience count (callers poll no faster than every 10 s). */
  getAudienceCount(): Promise<number>;
  /** Releases everything; idempotent. */
  destroy(): void;
}

export interface TransportNotice {
  readonly code: string;
  readonly message: string;
}

export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: number | undefined,
    readonly reason: import('../protocol/index.ts').FailureReason,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}
