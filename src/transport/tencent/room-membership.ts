/**
 * Which AVChatRoom the shared SDK instance is in, and which transports are in it with it. Owns the
 * `NET_STATE_CHANGE` listener that notices a reconnect and re-joins (AVChatRoom membership can lapse
 * while the socket is down), and the re-join after a (re)login.
 *
 * A web client is in one AVChatRoom at a time: joining room B silently leaves room A (docs/avchatroom.md#one-room-per-client, docs/tencent-sdk.md#one-avchatroom-at-a-time).
 * When transports of one page ask for different rooms, the latest join wins and the members of the
 * old room are told (`evicted`); their transports report it on their `errors$`.
 */
import { TransportError } from '../chat-transport.ts';
import { EVENT, SDK_CODE, TYPES, TYPE_VALUES, type ChatApi, type SdkEvent } from './sdk-types.ts';
import { toTransportError } from './transport-errors.ts';

export type MembershipEvent =
  | { readonly type: 'evicted'; readonly roomId: string; readonly nextRoomId: string }
  | { readonly type: 'rejoined'; readonly roomId: string }
  | { readonly type: 'lost'; readonly roomId: string; readonly code?: number }
  | { readonly type: 'rejoin-failed'; readonly roomId: string; readonly error: TransportError };

export interface RoomMember {
  onMembershipEvent(event: MembershipEvent): void;
}

/** What `joinGroup` answered, kept plain (`status`, and `group` when the SDK returns a profile). */
export interface JoinAnswer {
  readonly status?: string;
  readonly group?: unknown;
}

export class RoomMembership {
  private current: string | undefined;
  private readonly members = new Set<RoomMember>();
  private joining: Promise<JoinAnswer> | undefined;
  private lastAnswer: JoinAnswer = {};
  private wasConnected = false;
  private lostConnection = false;
  private disposed = false;

  constructor(private readonly chat: ChatApi) {
    chat.on(EVENT.NET_STATE_CHANGE, this.onNetState);
  }

  get roomId(): string | undefined {
    return this.current;
  }

  async join(member: RoomMember, roomId: string): Promise<JoinAnswer> {
    if (this.disposed) throw new TransportError('The chat session was released', undefined, 'cancelled');
    if (this.current === roomId) {
      this.members.add(member);
      return this.joining ? this.joining : this.lastAnswer;
    }
    const previous = this.current;
    const evicted = [...this.members].filter((m) => m !== member);
    this.members.clear();
    this.members.add(member);
    this.current = roomId;
    if (previous !== undefined) {
      for (const m of evicted) m.onMembershipEvent({ type: 'evicted', roomId: previous, nextRoomId: roomId });
    }
    const attempt = this.joinGroup(roomId);
    this.joining = attempt;
    try {
      const answer = await attempt;
      if (this.current === roomId) this.lastAnswer = answer;
      return answer;
    } catch (err) {
      if (this.current === roomId) {
        this.current = undefined;
        this.members.clear();
      }
      throw toTransportError(err, `Could not join room "${roomId}"`);
    } finally {
      if (this.joining === attempt) this.joining = undefined;
    }
  }

  /** Leaves for this member; quits the group when it was the last member in it. */
  async leave(member: RoomMember): Promise<void> {
    if (!this.members.delete(member) || this.members.size > 0 || this.current === undefined) return;
    const roomId = this.current;
    this.current = undefined;
    this.lastAnswer = {};
    try {
      await this.chat.quitGroup(roomId);
    } catch {
      // Already out (kicked, room gone, offline): nothing left to undo.
    }
  }

  /** Re-joins the current room (after a reconnect or a (re)login) and tells the members. */
  async rejoin(): Promise<void> {
    const roomId = this.current;
    if (roomId === undefined || this.disposed) return;
    try {
      this.lastAnswer = await this.joinGroup(roomId);
      if (this.current !== roomId) return;
      for (const m of [...this.members]) m.onMembershipEvent({ type: 'rejoined', roomId });
    } catch (err) {
      if (this.current !== roomId) return;
      const error = toTransportError(err, `Could not re-join room "${roomId}"`);
      if (error.code === SDK_CODE.roomNotFound || error.code === SDK_CODE.roomDismissed) {
        const members = [...this.members];
        this.current = undefined;
        this.members.clear();
        for (const m of members) m.onMembershipEvent({ type: 'lost', roomId, code: error.code });
      } else {
        for (const m of [...this.members]) m.onMembershipEvent({ type: 'rejoin-failed', roomId, error });
      }
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.chat.off(EVENT.NET_STATE_CHANGE, this.onNetState);
    this.members.clear();
    this.current = undefined;
  }

  private async joinGroup(roomId: string): Promise<JoinAnswer> {
    const res = (await this.chat.joinGroup({ groupID: roomId, type: TYPES.GRP_AVCHATROOM })) as { data?: JoinAnswer } | undefined;
    const data = res?.data ?? {};
    return { ...(typeof data.status === 'string' ? { status: data.status } : {}), ...(data.group ? { group: data.group } : {}) };
  }

  private readonly onNetState = (event: SdkEvent): void => {
    const state = (event?.data as { state?: unknown } | undefined)?.state;
    if (state === TYPE_VALUES.NET_STATE_CONNECTED) {
      const reconnected = this.wasConnected && this.lostConnection;
      this.wasConnected = true;
      this.lostConnection = false;
      if (reconnected) void this.rejoin();
    } else if (state === TYPE_VALUES.NET_STATE_CONNECTING || state === TYPE_VALUES.NET_STATE_DISCONNECTED) {
      if (this.wasConnected) this.lostConnection = true;
    }
  };
}
