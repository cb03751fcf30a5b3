/**
 * The send path every message takes, whoever sends it (a user over the WebSocket, the REST API,
 * gift billing, crowd bots): room check, 12 KB limit, then — for user sends — mutes, per-user
 * rate and the keyword list; then the before-send callback; then the sender is answered and the
 * message waits in the room's frequency control. Shed or silently dropped messages still answer
 * success; only delivered ones are stored in history and reported to the after-send callback.
 */
import { LIMITS } from '../../src/protocol/limits.ts';
import type { WireMessage, WirePriority } from '../../src/transport/emulator/wire.ts';
import type { RoomEngine } from './engine.ts';
import { ChatError, ERR } from './errors.ts';
import { contentBytes, type Author, type Content } from './message-factory.ts';
import type { CallbackMessage } from './moderation.ts';

export interface SendInput {
  readonly roomId: string;
  readonly author: Author;
  /** Who asked (the user, or the admin for REST sends). */
  readonly operator: string;
  readonly content: Content;
  readonly priority: WirePriority;
  readonly cloudCustomData: string;
  /** Tencent's 32-bit `Random` of the request. */
  readonly random?: number;
  /** SDK sends by a user: mute, per-user rate and keyword checks apply. REST sends skip them. */
  readonly asUser: boolean;
  /** The sending connection, which does not get its own message back. */
  readonly excludeKey?: string;
  readonly skipBeforeCallback?: boolean;
  readonly skipAfterCallback?: boolean;
}

export type SendOutcome =
  | { readonly ok: true; readonly id: string; readonly time: number; readonly seq: number; readonly message: WireMessage }
  | { readonly ok: false; readonly code: number; readonly message: string };

export interface SendStats {
  accepted: number;
  rejected: number;
  dropped: number;
}

export class SendService {
  readonly stats: SendStats = { accepted: 0, rejected: 0, dropped: 0 };
  /** userId → send times (ms) within the last second, for the optional per-user rate limit. */
  private readonly recentByUser = new Map<string, number[]>();

  constructor(private readonly engine: RoomEngine) {}

  /** Never throws: failures come back as `{ok: false, code}`. */
  async send(input: SendInput): Promise<SendOutcome> {
    try {
      return await this.sendUnsafe(input);
    } catch (err) {
      this.stats.rejected++;
      if (err instanceof ChatError) return { ok: false, code: err.code, message: err.message };
      return { ok: false, code: ERR.internal, message: 'internal error' };
    }
  }

  private async sendUnsafe(input: SendInput): Promise<SendOutcome> {
    const { engine } = this;
    engine.requireRoom(input.roomId);
    if (contentBytes(input.content, input.cloudCustomData) > LIMITS.bodyBytes) throw new ChatError(ERR.bodyTooLarge);
    if (input.asUser) this.checkUser(input);

    const cb: CallbackMessage = {
      groupId: input.roomId,
      from: input.author.userId,
      operator: input.operator,
      random: input.random ?? Math.floor(engine.random() * 0xffffffff),
      content: input.content,
      cloudCustomData: input.cloudCustomData,
      platform: input.asUser ? 'Web' : 'RESTAPI',
    };
    const verdict = input.skipBeforeCallback
      ? { action: 'allow' as const, content: cb.content, cloudCustomData: cb.cloudCustomData }
      : await engine.moderation.beforeSend(cb);
    if (verdict.action === 'reject') throw new ChatError(verdict.code, verdict.message);

    // The room may have been destroyed while the callback was in flight.
    const room = engine.requireRoom(input.roomId);
    // The High lane is for what must arrive (gifts, control, system): a viewer's client asking for
    // High is queued as Normal, so one viewer cannot starve the room's gifts and notices.
    const priority = input.asUser && input.priority === 'High' && !this.privileged(input) ? 'Normal' : input.priority;
    const message = engine.factory.user(
      input.author,
      verdict.action === 'allow' ? verdict.content : input.content,
      priority,
      verdict.action === 'allow' ? verdict.cloudCustomData : input.cloudCustomData,
    );
    const seq = ++room.seq;
    this.stats.accepted++;
    if (verdict.action === 'drop') {
      // ErrorCode 2: the sender sees success, nobody receives it.
      this.stats.dropped++;
      return { ok: true, id: message.ID, time: message.time, seq, message };
    }
    const after = input.skipAfterCallback
      ? undefined
      : (m: WireMessage) =>
          engine.moderation.afterSend({
            ...cb,
            content: verdict.content,
            cloudCustomData: m.cloudCustomData,
            msgSeq: seq,
            msgTime: m.time,
          });
    room.submit({ message, ...(input.excludeKey ? { excludeKey: input.excludeKey } : {}), ...(after ? { onDelivered: after } : {}) });
    return { ok: true, id: message.ID, time: message.time, seq, message };
  }

  private privileged(input: SendInput): boolean {
    const room = this.engine.room(input.roomId);
    const userId = input.author.userId;
    return userId === this.engine.config.admin || (room !== undefined && room.ownerId !== '' && userId === room.ownerId);
  }

  private checkUser(input: SendInput): void {
    const { engine } = this;
    const room = engine.requireRoom(input.roomId);
    const userId = input.author.userId;
    const privileged = this.privileged(input);
    if (room.muteAll && !privileged) throw new ChatError(ERR.muted, 'the whole room is muted');
    const left = room.muteSecondsLeft(userId);
    if (left > 0) throw new ChatError(ERR.muted, `muted for ${left} more s`);
    this.checkRate(userId);
    if (engine.moderation.keywordHit(input.content)) throw new ChatError(ERR.sensitive);
  }

  private checkRate(userId: string): void {
    const limit = this.engine.config.userRate;
    if (limit <= 0) return;
    const now = this.engine.now();
    const times = (this.recentByUser.get(userId) ?? []).filter((t) => t > now - 1000);
    if (times.length >= limit) {
      this.recentByUser.set(userId, times);
      throw new ChatError(ERR.sendTooFast);
    }
    times.push(now);
    this.recentByUser.set(userId, times);
    if (this.recentByUser.size > 10_000) this.prune(now);
  }

  private prune(now: number): void {
    for (const [u, times] of this.recentByUser) if (!times.some((t) => t > now - 1000)) this.recentByUser.delete(u);
  }
}
