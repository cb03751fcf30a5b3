/** Events for what the room (the network) did. Details are the project's own types. */
import type { ConnectionState, GiftEvent, KickReason, RoomEvent, RoomStateName } from '../protocol/index.ts';
import type { PipelineMetrics, RoomView } from '../pipeline/index.ts';
import { LcrEvent } from './lcr-event.ts';

/** Every accepted room message (text, gift, like, notices…), after validation and dedupe. */
export class LcrMessageEvent extends LcrEvent<RoomEvent> {
  static readonly type = 'lcr-message';
  constructor(detail: RoomEvent) {
    super(LcrMessageEvent.type, detail);
  }
}

export class LcrMemberEnterEvent extends LcrEvent<{ userId: string; nick: string }> {
  static readonly type = 'lcr-member-enter';
  constructor(detail: { userId: string; nick: string }) {
    super(LcrMemberEnterEvent.type, detail);
  }
}

export class LcrRoomStateChangeEvent extends LcrEvent<{
  state: RoomStateName | 'unknown';
  previous: RoomStateName | 'unknown';
  room: RoomView;
}> {
  static readonly type = 'lcr-room-state-change';
  constructor(detail: { state: RoomStateName | 'unknown'; previous: RoomStateName | 'unknown'; room: RoomView }) {
    super(LcrRoomStateChangeEvent.type, detail);
  }
}

export class LcrConnectionChangeEvent extends LcrEvent<{ state: ConnectionState; previous: ConnectionState }> {
  static readonly type = 'lcr-connection-change';
  constructor(detail: { state: ConnectionState; previous: ConnectionState }) {
    super(LcrConnectionChangeEvent.type, detail);
  }
}

export class LcrKickedEvent extends LcrEvent<{ reason: KickReason }> {
  static readonly type = 'lcr-kicked';
  constructor(detail: { reason: KickReason }) {
    super(LcrKickedEvent.type, detail);
  }
}

export class LcrMuteChangeEvent extends LcrEvent<{ muted: boolean; scope: 'all' | 'self'; until: number }> {
  static readonly type = 'lcr-mute-change';
  constructor(detail: { muted: boolean; scope: 'all' | 'self'; until: number }) {
    super(LcrMuteChangeEvent.type, detail);
  }
}

/**
 * `transport` the connection gave up; `join` the room could not be entered; `login` the UserSig was
 * refused; `player` the video gave up (its card offers retry); `config` a bad attribute; `catalog` the
 * gift catalog could not be loaded; `room-evicted` the room left memory; `send` a send failed;
 * `pipeline` a part of the room's processing failed and restarted.
 */
export type LcrErrorCode = 'transport' | 'join' | 'login' | 'player' | 'config' | 'catalog' | 'room-evicted' | 'send' | 'pipeline';

export class LcrErrorEvent extends LcrEvent<{ code: LcrErrorCode; message: string; cause?: unknown }> {
  static readonly type = 'lcr-error';
  constructor(detail: { code: LcrErrorCode; message: string; cause?: unknown }) {
    super(LcrErrorEvent.type, detail);
  }
}

/** At most once per second: drops by priority, queue depths, renderer counters. */
type MetricsDetail = PipelineMetrics & {
  barrage?: Record<string, unknown>;
  gifts?: Record<string, unknown>;
  hearts?: Record<string, unknown>;
};

export class LcrMetricsEvent extends LcrEvent<MetricsDetail> {
  static readonly type = 'lcr-metrics';
  constructor(detail: MetricsDetail) {
    super(LcrMetricsEvent.type, detail);
  }
}

/** A gift arrived (every type; own gifts included once, from the local echo or the room). */
export class LcrGiftEvent extends LcrEvent<GiftEvent> {
  static readonly type = 'lcr-gift';
  constructor(detail: GiftEvent) {
    super(LcrGiftEvent.type, detail);
  }
}

/** Likes from others, aggregated per window: `count` in this window, `total` shown in the room. */
export class LcrLikeEvent extends LcrEvent<{ count: number; total: number }> {
  static readonly type = 'lcr-like';
  constructor(detail: { count: number; total: number }) {
    super(LcrLikeEvent.type, detail);
  }
}
