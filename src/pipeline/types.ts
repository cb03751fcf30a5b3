/** Types the pipeline emits; pure data, shared by the element, renderers and the benchmark. */
import type {
  ConnectionState,
  DropReason,
  FailureReason,
  GiftEvent,
  KickReason,
  Priority,
  RoomStateName,
  SendResult,
  TextEvent,
} from '../protocol/index.ts';

/** Why the pipeline dropped something (decoder reasons plus its own). */
export type PipelineDropReason = DropReason | 'duplicate' | 'shed' | 'stale';

export interface Drop {
  readonly reason: PipelineDropReason;
  readonly priority: Priority | 'unknown';
}

/** A text (or an inline gift) on its way to the barrage and the chat list. */
export interface DisplayItem {
  readonly event: TextEvent | GiftEvent;
  /** Identical texts folded into this one within the fold window (1 = not folded). */
  readonly folded: number;
  /** Scheduler time when it entered the pipeline (freshness is judged by this, not server time). */
  readonly arrivedAt: number;
}

/** One gift banner state: the same sender + gift within the combo window grows one item. */
export interface GiftCombo {
  readonly key: string;
  readonly event: GiftEvent;
  /** Gifts in this combo so far (sum of counts). */
  readonly total: number;
  /** Messages merged into this combo so far. */
  readonly hits: number;
  readonly first: boolean;
}

export interface LikeBurst {
  /** Likes in this window. */
  readonly count: number;
  /** Running total since the pipeline started (plus any server total seen). */
  readonly total: number;
}

export interface RoomView {
  readonly state: RoomStateName | 'unknown';
  readonly startTime?: number | undefined;
  readonly streamUrl?: string | undefined;
  readonly replayUrl?: string | undefined;
  readonly announcement: string;
  readonly introduction: string;
  readonly audience?: number;
  readonly likeTotal?: number;
  readonly muteAll: boolean;
  /** Scheduler time (ms) until which the local user is muted; 0 = not muted. */
  readonly selfMutedUntil: number;
  /** Scheduler time (ms) until which the local user is banned from this room; 0 = not banned. */
  readonly selfBannedUntil: number;
  readonly kicked?: KickReason;
  readonly connection: ConnectionState;
}

export const INITIAL_ROOM_VIEW: RoomView = {
  state: 'unknown',
  announcement: '',
  introduction: '',
  muteAll: false,
  selfMutedUntil: 0,
  selfBannedUntil: 0,
  connection: 'idle',
};

export type EchoStatus = 'pending' | 'sent' | 'failed';

export interface EchoState {
  readonly clientId: string;
  readonly status: EchoStatus;
  readonly reason?: FailureReason;
  readonly serverId?: string;
  readonly attempts: number;
}

/** Inputs of the outbound text flow. */
export type EchoInput =
  | { readonly type: 'pending'; readonly clientId: string }
  | { readonly type: 'result'; readonly clientId: string; readonly result: SendResult }
  | { readonly type: 'retry'; readonly clientId: string };

export interface PipelineMetrics {
  /** Drops by reason. */
  readonly dropped: Readonly<Record<string, number>>;
  /** Drops by priority. */
  readonly droppedByPriority: Readonly<Record<Priority | 'unknown', number>>;
  readonly decoded: number;
  readonly admitted: number;
  readonly folded: number;
  /** Items admitted in the last metrics interval. */
  readonly admittedPerSecond: number;
  readonly queueDepth: number;
}
