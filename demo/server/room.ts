/**
 * One live room (an AVChatRoom): its profile, attributes, members, mutes, bans, optional
 * history and frequency control. Holds state and delivers frames to its members; the rules of
 * who may do what live in `engine.ts`. Never touches sockets directly: a member is anything
 * with a `deliver()` (a WebSocket session, or a crowd bot that discards what it receives).
 */
import type { ServerFrame, WireGroupProfile, WireMessage, WirePriority } from '../../src/transport/emulator/wire.ts';
import { FrequencyControl } from './frequency-control.ts';
import type { HlsRoomView } from './hooks.ts';

export interface Member {
  /** Unique per connection (or per bot). */
  readonly key: string;
  /** Undefined for guests. */
  readonly userId: string | undefined;
  readonly nick: string;
  readonly avatar: string;
  readonly level: number;
  readonly virtual: boolean;
  deliver(frame: ServerFrame): void;
}

/** A message waiting in frequency control, with what to do once it is delivered. */
export interface Outgoing {
  readonly message: WireMessage;
  /** The sender's own connection: Tencent does not echo a message to the instance that sent it. */
  readonly excludeKey?: string;
  readonly onDelivered?: (m: WireMessage) => void;
  readonly onShed?: (m: WireMessage) => void;
}

export interface RoomOptions {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly notification?: string;
  readonly introduction?: string;
  readonly faceUrl?: string;
  readonly now: () => number;
  readonly random: () => number;
  readonly rate: number;
  readonly tickMs?: number;
  readonly history: { readonly enabled: boolean; readonly count: number; readonly maxAgeMs: number };
}

export interface RoomStats {
  delivered: number;
  shed: Record<WirePriority, number>;
}

export class Room {
  readonly id: string;
  readonly createdAt: number;
  name: string;
  ownerId: string;
  notification: string;
  introduction: string;
  faceUrl: string;
  muteAll = false;
  lastInfoTime: number;
  lastMsgTime = 0;
  /** Group message sequence (Tencent's MsgSeq), per room, from 1. */
  seq = 0;
  readonly attributes = new Map<string, string>();
  readonly members = new Map<string, Member>();
  /** userId → muted until (ms). */
  readonly mutes = new Map<string, number>();
  /** userId → banned until (ms). */
  readonly bans = new Map<string, number>();
  liveSince: number | undefined;
  endedAt: number | undefined;
  readonly stats: RoomStats = { delivered: 0, shed: { High: 0, Normal: 0, Low: 0, Lowest: 0 } };
  private readonly history: { message: WireMessage; at: number }[] = [];
  private readonly fc: FrequencyControl<Outgoing>;
  private readonly now: () => number;
  private readonly historyOpts: RoomOptions['history'];

  constructor(opts: RoomOptions) {
    this.id = opts.id;
    this.name = opts.name;
    this.ownerId = opts.ownerId;
    this.notification = opts.notification ?? '';
    this.introduction = opts.introduction ?? '';
    this.faceUrl = opts.faceUrl ?? '';
    this.now = opts.now;
    this.createdAt = Math.floor(opts.now() / 1000);
    this.lastInfoTime = this.createdAt;
    this.historyOpts = opts.history;
    this.fc = new FrequencyControl<Outgoing>({ rate: opts.rate, random: opts.random, ...(opts.tickMs ? { tickMs: opts.tickMs } : {}) });
  }

  get memberCount(): number {
    return this.members.size;
  }

  get pending(): number {
    return this.fc.pending;
  }

  /** Members with this user id (one per connection; bots have one). */
  membersOf(userId: string): Member[] {
    return [...this.members.values()].filter((m) => m.userId === userId);
  }

  muteSecondsLeft(userId: string): number {
    const until = this.mutes.get(userId);
    if (until === undefined) return 0;
    const left = Math.ceil((until - this.now()) / 1000);
    if (left <= 0) {
      this.mutes.delete(userId);
      return 0;
    }
    return left;
  }

  banSecondsLeft(userId: string): number {
    const until = this.bans.get(userId);
    if (until === undefined) return 0;
    const left = Math.ceil((until - this.now()) / 1000);
    if (left <= 0) {
      this.bans.delete(userId);
      return 0;
    }
    return left;
  }

  profile(): WireGroupProfile {
    return {
      groupID: this.id,
      type: 'AVChatRoom',
      name: this.name,
      ownerID: this.ownerId,
      notification: this.notification,
      introduction: this.introduction,
      avatar: this.faceUrl,
      muteAllMembers: this.muteAll,
      memberNum: this.memberCount,
    };
  }

  attributesObject(): Record<string, string> {
    return Object.fromEntries(this.attributes);
  }

  /** What the HLS origin needs to know (see hooks.ts). */
  hlsView(): HlsRoomView {
    const state = this.attributes.get('state');
    const start = Number(this.attributes.get('startTime'));
    return {
      state: state === 'live' || state === 'paused' || state === 'ended' || state === 'replay' ? state : 'upcoming',
      ...(Number.isFinite(start) && start > 0 ? { startTime: start } : {}),
      ...(this.liveSince !== undefined ? { liveSince: this.liveSince } : {}),
      ...(this.endedAt !== undefined ? { endedAt: this.endedAt } : {}),
    };
  }

  /** Sends a frame to every member now (control traffic: never shed). */
  broadcast(frame: ServerFrame, excludeKey?: string): void {
    for (const m of [...this.members.values()]) {
      if (m.key !== excludeKey) m.deliver(frame);
    }
  }

  /** Delivers a message now, bypassing frequency control (tips, notices, broadcasts). */
  deliverNow(message: WireMessage, excludeKey?: string): void {
    this.broadcast({ t: 'message', roomId: this.id, message }, excludeKey);
  }

  /** Queues a message for frequency control; it is delivered (or shed) on a later tick. */
  submit(out: Outgoing): void {
    for (const gone of this.fc.offer(out, out.message.priority, this.now())) this.shed(gone);
  }

  /** Releases what frequency control allows now; answers how many messages were delivered. */
  tick(): number {
    const { deliver, shed } = this.fc.tick(this.now());
    for (const out of shed) this.shed(out);
    for (const out of deliver) {
      this.stats.delivered++;
      this.lastMsgTime = out.message.time;
      this.deliverNow(out.message, out.excludeKey);
      this.remember(out.message);
      out.onDelivered?.(out.message);
    }
    return deliver.length;
  }

  /** Messages a new member may fetch: at most `count`, none older than `maxAgeMs`. */
  recentHistory(): WireMessage[] {
    if (!this.historyOpts.enabled) return [];
    const oldest = this.now() - this.historyOpts.maxAgeMs;
    return this.history
      .filter((h) => h.at >= oldest)
      .slice(-this.historyOpts.count)
      .map((h) => h.message);
  }

  /** Releases everything (room destroyed): waiting messages are shed. */
  close(): void {
    for (const out of this.fc.clear()) this.shed(out);
    this.members.clear();
  }

  private shed(out: Outgoing): void {
    this.stats.shed[out.message.priority]++;
    out.onShed?.(out.message);
  }

  private remember(message: WireMessage): void {
    if (!this.historyOpts.enabled) return;
    if (message.type !== 'TIMTextElem' && message.type !== 'TIMCustomElem') return;
    this.history.push({ message, at: this.now() });
    if (this.history.length > this.historyOpts.count) this.history.splice(0, this.history.length - this.historyOpts.count);
  }
}
