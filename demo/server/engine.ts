/**
 * The room engine: every AVChatRoom rule that is not about sending messages — rooms, joining
 * and leaving (one live room per connection), profile changes, mutes, bans, attributes,
 * notices, broadcasts and the per-tick work. Transport-agnostic: the WebSocket gateway, the REST
 * API, billing and the crowd bridge all call these methods. Sending lives in `send-service.ts`.
 */
import type { WireJoinSnapshot, WireKickReason, WireMessage } from '../../src/transport/emulator/wire.ts';
import type { EmulatorConfig } from './config.ts';
import { ChatError, ERR } from './errors.ts';
import { MessageFactory, type Author, type Content } from './message-factory.ts';
import { Moderation } from './moderation.ts';
import { Room, type Member } from './room.ts';
import { SendService } from './send-service.ts';
import { Sessions } from './sessions.ts';

export const PROFILE_LIMITS = { nameBytes: 100, notificationBytes: 240, introductionBytes: 300, faceUrlBytes: 500 } as const;
export const ATTR_LIMITS = { keys: 16, keyBytes: 32, valueBytes: 4096 } as const;
const MAX_MUTE_SECONDS = 0xffffffff;

export interface EngineOptions {
  readonly config: EmulatorConfig;
  readonly now: () => number;
  readonly random: () => number;
  readonly tickMs?: number;
  readonly fetch?: typeof fetch;
}

export interface CreateRoomInput {
  readonly id?: string;
  readonly name: string;
  readonly ownerId?: string;
  readonly notification?: string;
  readonly introduction?: string;
  readonly faceUrl?: string;
  readonly attributes?: Readonly<Record<string, string>>;
}

export interface ProfileChanges {
  readonly name?: string;
  readonly notification?: string;
  readonly introduction?: string;
  readonly faceUrl?: string;
  readonly muteAll?: boolean;
}

export type AttrMode = 'modify' | 'set' | 'delete' | 'clear';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

export class RoomEngine {
  readonly rooms = new Map<string, Room>();
  readonly sessions = new Sessions();
  readonly factory: MessageFactory;
  readonly moderation: Moderation;
  readonly sender: SendService;
  readonly config: EmulatorConfig;
  readonly now: () => number;
  readonly random: () => number;
  private readonly tickMs: number | undefined;
  /** member key → the room it is in (one live room per connection). */
  private readonly where = new Map<string, string>();

  constructor(opts: EngineOptions) {
    this.config = opts.config;
    this.now = opts.now;
    this.random = opts.random;
    this.tickMs = opts.tickMs;
    this.factory = new MessageFactory(opts.now);
    this.moderation = new Moderation({
      sdkAppId: opts.config.sdkAppId,
      keywords: opts.config.keywords,
      beforeSendUrl: opts.config.beforeSendUrl,
      afterSendUrl: opts.config.afterSendUrl,
      timeoutMs: opts.config.callbackTimeoutMs,
      timeoutPolicy: opts.config.callbackTimeoutPolicy,
      ...(opts.fetch ? { fetch: opts.fetch } : {}),
    });
    this.sender = new SendService(this);
  }

  // ---- rooms ------------------------------------------------------------------------------------

  room(id: string): Room | undefined {
    return this.rooms.get(id);
  }

  requireRoom(id: unknown): Room {
    const room = typeof id === 'string' ? this.rooms.get(id) : undefined;
    if (!room) throw new ChatError(ERR.groupGone, `group ${String(id).slice(0, 64)} does not exist`);
    return room;
  }

  createRoom(input: CreateRoomInput): Room {
    const id = input.id ?? this.newGroupId();
    if (this.rooms.has(id)) throw new ChatError(ERR.groupIdInUse);
    this.checkProfile(input);
    const room = new Room({
      id,
      name: input.name,
      ownerId: input.ownerId ?? '',
      ...(input.notification !== undefined ? { notification: input.notification } : {}),
      ...(input.introduction !== undefined ? { introduction: input.introduction } : {}),
      ...(input.faceUrl !== undefined ? { faceUrl: input.faceUrl } : {}),
      now: this.now,
      random: this.random,
      rate: this.config.roomRate,
      ...(this.tickMs ? { tickMs: this.tickMs } : {}),
      history: { enabled: this.config.history, count: this.config.historyCount, maxAgeMs: this.config.historyMaxAgeMs },
    });
    // Defaults the HLS origin serves; the business server may overwrite them.
    const defaults = { state: 'upcoming', streamUrl: `/hls/${id}/live.m3u8`, replayUrl: `/hls/${id}/replay.m3u8` };
    this.rooms.set(id, room);
    try {
      this.setAttributes(id, 'set', { ...defaults, ...input.attributes }, false);
    } catch (err) {
      this.rooms.delete(id);
      throw err;
    }
    return room;
  }

  destroyRoom(id: string): void {
    const room = this.requireRoom(id);
    room.deliverNow(this.factory.notice({ operationType: 5, groupProfile: { groupID: id } }));
    for (const key of room.members.keys()) this.where.delete(key);
    room.close();
    this.rooms.delete(id);
  }

  private newGroupId(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (;;) {
      let id = '@TGS#a';
      for (let i = 0; i < 9; i++) id += alphabet[Math.floor(this.random() * alphabet.length)] ?? 'A';
      if (!this.rooms.has(id)) return id;
    }
  }

  // ---- membership -------------------------------------------------------------------------------

  roomOf(member: Member): Room | undefined {
    const id = this.where.get(member.key);
    return id === undefined ? undefined : this.rooms.get(id);
  }

  /** Joins `roomId`, leaving any other live room first (AVChatRoom: one at a time). */
  join(member: Member, roomId: string): WireJoinSnapshot {
    const room = this.requireRoom(roomId);
    if (member.userId) {
      const banned = room.banSecondsLeft(member.userId);
      if (banned > 0) throw new ChatError(ERR.permission, `banned from this live room for ${banned} s`);
    }
    const current = this.roomOf(member);
    if (current && current !== room) this.leave(member);
    if (!room.members.has(member.key)) {
      room.members.set(member.key, member);
      this.where.set(member.key, room.id);
      if (member.userId) this.memberTip(room, 1, member);
    }
    return {
      roomId: room.id,
      profile: room.profile(),
      attributes: room.attributesObject(),
      selfMuteSeconds: member.userId ? room.muteSecondsLeft(member.userId) : 0,
      history: room.recentHistory(),
    };
  }

  leave(member: Member): void {
    const room = this.roomOf(member);
    this.where.delete(member.key);
    if (!room || !room.members.delete(member.key)) return;
    if (member.userId) this.memberTip(room, 2, member);
  }

  /** Join/quit notices go to everyone, but as ordinary Low messages: a crowd's churn may be shed. */
  private memberTip(room: Room, op: 1 | 2, member: Member): void {
    const payload = {
      operationType: op,
      operatorID: member.userId,
      userIDList: [member.userId],
      memberNum: room.memberCount,
      operatorInfo: { userID: member.userId, nick: member.nick, avatar: member.avatar },
    };
    room.submit({ message: this.factory.tip(payload, 'Low') });
  }

  audience(roomId: string): number {
    return this.requireRoom(roomId).memberCount;
  }

  /** The best known profile of a user (a live session or a crowd bot), for messages sent for them. */
  authorOf(userId: string): Author & { level: number } {
    const s = this.sessions.of(userId)[0];
    if (s) return { userId, nick: s.nick, avatar: s.avatar, level: s.level };
    for (const room of this.rooms.values()) {
      const m = room.membersOf(userId)[0];
      if (m) return { userId, nick: m.nick, avatar: m.avatar, level: m.level };
    }
    return { userId, nick: userId, avatar: '', level: 0 };
  }

  // ---- profile, mutes, bans, attributes ---------------------------------------------------------

  private checkProfile(p: Partial<ProfileChanges>): void {
    const over = (v: string | undefined, max: number): boolean => v !== undefined && bytes(v) > max;
    if (over(p.name, PROFILE_LIMITS.nameBytes)) throw new ChatError(ERR.invalidParam, `Name exceeds ${PROFILE_LIMITS.nameBytes} bytes`);
    if (over(p.notification, PROFILE_LIMITS.notificationBytes))
      throw new ChatError(ERR.invalidParam, `Notification exceeds ${PROFILE_LIMITS.notificationBytes} bytes`);
    if (over(p.introduction, PROFILE_LIMITS.introductionBytes))
      throw new ChatError(ERR.invalidParam, `Introduction exceeds ${PROFILE_LIMITS.introductionBytes} bytes`);
    if (over(p.faceUrl, PROFILE_LIMITS.faceUrlBytes))
      throw new ChatError(ERR.invalidParam, `FaceUrl exceeds ${PROFILE_LIMITS.faceUrlBytes} bytes`);
  }

  /** Changes the group profile; every member gets a tip (operationType 6) with what changed. */
  modifyProfile(roomId: string, changes: ProfileChanges): void {
    const room = this.requireRoom(roomId);
    this.checkProfile(changes);
    const changed: Record<string, unknown> = {};
    if (changes.name !== undefined) changed.name = room.name = changes.name;
    if (changes.notification !== undefined) changed.notification = room.notification = changes.notification;
    if (changes.introduction !== undefined) changed.introduction = room.introduction = changes.introduction;
    if (changes.faceUrl !== undefined) changed.avatar = room.faceUrl = changes.faceUrl;
    if (changes.muteAll !== undefined) changed.muteAllMembers = room.muteAll = changes.muteAll;
    if (Object.keys(changed).length === 0) return;
    room.lastInfoTime = this.factory.seconds();
    room.deliverNow(
      this.factory.tip({ operationType: 6, operatorID: this.config.admin, newGroupProfile: changed, memberNum: room.memberCount }),
    );
  }

  /** Mutes members for `seconds` (0 = unmute); every member gets a tip (operationType 7). */
  mute(roomId: string, userIds: readonly string[], seconds: number): void {
    const room = this.requireRoom(roomId);
    const s = Math.max(0, Math.min(MAX_MUTE_SECONDS, Math.floor(seconds)));
    for (const u of userIds) {
      if (s === 0) room.mutes.delete(u);
      else room.mutes.set(u, this.now() + s * 1000);
    }
    room.deliverNow(
      this.factory.tip({ operationType: 7, operatorID: this.config.admin, memberList: userIds.map((userID) => ({ userID, muteTime: s })) }),
    );
  }

  /** Bans members for `seconds`: they get the tip (operationType 10), leave, and cannot rejoin. */
  ban(roomId: string, userIds: readonly string[], seconds: number, description = ''): void {
    const room = this.requireRoom(roomId);
    const s = Math.max(1, Math.min(MAX_MUTE_SECONDS, Math.floor(seconds)));
    for (const u of userIds) room.bans.set(u, this.now() + s * 1000);
    room.deliverNow(
      this.factory.tip({ operationType: 10, operatorID: this.config.admin, userIDList: [...userIds], duration: s, description }),
    );
    for (const u of userIds) {
      for (const m of room.membersOf(u)) {
        room.members.delete(m.key);
        this.where.delete(m.key);
      }
    }
  }

  unban(roomId: string, userIds: readonly string[]): void {
    const room = this.requireRoom(roomId);
    for (const u of userIds) room.bans.delete(u);
    room.deliverNow(this.factory.tip({ operationType: 11, operatorID: this.config.admin, userIDList: [...userIds] }));
  }

  /** Changes group attributes and pushes the new set to every member (GROUP_ATTRIBUTES_UPDATED). */
  setAttributes(roomId: string, mode: AttrMode, entries: Readonly<Record<string, string>>, push = true): void {
    const room = this.requireRoom(roomId);
    const next = mode === 'set' || mode === 'clear' ? new Map<string, string>() : new Map(room.attributes);
    for (const [k, v] of Object.entries(entries)) {
      if (mode === 'delete') {
        next.delete(k);
        continue;
      }
      if (mode === 'clear') break;
      if (bytes(k) === 0 || bytes(k) > ATTR_LIMITS.keyBytes)
        throw new ChatError(ERR.invalidParam, `attribute key must be 1..${ATTR_LIMITS.keyBytes} bytes`);
      if (bytes(v) > ATTR_LIMITS.valueBytes)
        throw new ChatError(ERR.invalidParam, `attribute value exceeds ${ATTR_LIMITS.valueBytes} bytes`);
      next.set(k, v);
    }
    if (next.size > ATTR_LIMITS.keys) throw new ChatError(ERR.invalidParam, `at most ${ATTR_LIMITS.keys} attribute keys`);
    const before = room.attributes.get('state');
    room.attributes.clear();
    for (const [k, v] of next) room.attributes.set(k, v);
    const after = room.attributes.get('state');
    if (after !== before) {
      if (after === 'live') {
        room.liveSince = this.now();
        room.endedAt = undefined;
      } else if (after === 'ended' || after === 'replay') {
        room.endedAt ??= this.now();
      }
    }
    if (push) room.broadcast({ t: 'attributes', roomId: room.id, attributes: room.attributesObject(), time: this.factory.seconds() });
  }

  // ---- notices, broadcasts, kicks, time ---------------------------------------------------------

  /** A custom group system notice (operationType 255) to all members, or only to `toUsers`. */
  systemNotice(roomId: string, content: string, toUsers?: readonly string[]): void {
    const room = this.requireRoom(roomId);
    const message = this.factory.notice({ operationType: 255, userDefinedField: content, groupProfile: { groupID: room.id } });
    if (!toUsers) return room.deliverNow(message);
    const wanted = new Set(toUsers);
    for (const m of room.members.values()) if (m.userId && wanted.has(m.userId)) m.deliver({ t: 'message', roomId: room.id, message });
  }

  /** An app-wide message to every live room at once (`isBroadcastMessage: true`). */
  broadcastAll(author: Author, content: Content, cloudCustomData: string): WireMessage {
    const message = this.factory.user(author, content, 'High', cloudCustomData, { isBroadcastMessage: true });
    for (const room of this.rooms.values()) room.deliverNow(message);
    return message;
  }

  kickUser(userId: string, reason: WireKickReason): number {
    if (reason === 'REST_API_Kick') this.sessions.invalidate(userId, this.factory.seconds());
    return this.sessions.kick(userId, reason);
  }

  /** The periodic work: frequency control releases, UserSig expiry. Answers messages delivered. */
  tick(): number {
    let delivered = 0;
    for (const room of [...this.rooms.values()]) delivered += room.tick();
    this.sessions.expire(this.now());
    return delivered;
  }
}
