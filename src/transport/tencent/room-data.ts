/**
 * What a transport reads about its room: the online audience count (rate-limited here: callers
 * faster than the minimum interval get the cached value, docs/tencent-sdk.md#call-limits asks for at most one call per
 * 5–10 s) and, when logged in, the group profile, group attributes, like counter and own mute time.
 * Guests can call only `getGroupOnlineMemberCount`; they get what `joinGroup` and the tips bring.
 * Every optional read may fail without failing the join.
 */
import { TransportError } from '../chat-transport.ts';
import type { RoomSnapshot } from '../chat-transport.ts';
import { toTransportError } from './transport-errors.ts';
import { projectGroupProfile, toPlain } from './message-mapper.ts';
import type { JoinAnswer } from './room-membership.ts';
import type { ChatApi } from './sdk-types.ts';

export interface RoomDataOptions {
  readonly minIntervalMs: number;
  readonly likesKey: string;
  readonly now: () => number;
}

export interface RoomRead {
  readonly snapshot: RoomSnapshot;
  /** The like counter, when the app has group counters (a paid edition). */
  readonly likeTotal?: number;
}

const data = (res: PromiseSettledResult<unknown>): Record<string, unknown> | undefined => {
  if (res.status !== 'fulfilled') return undefined;
  const d = (res.value as { data?: unknown } | undefined)?.data;
  return typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : undefined;
};

export class RoomData {
  private cache: { roomId: string; value?: number; at: number } | undefined;
  private inflight: { roomId: string; promise: Promise<number> } | undefined;

  constructor(
    private readonly chat: ChatApi,
    private readonly options: RoomDataOptions,
  ) {}

  reset(): void {
    this.cache = undefined;
    this.inflight = undefined;
  }

  /** The online count of `roomId`; the cached value when asked again within the minimum interval. */
  audience(roomId: string): Promise<number> {
    const now = this.options.now();
    const cached = this.cache?.roomId === roomId ? this.cache : undefined;
    if (cached && now - cached.at < this.options.minIntervalMs) {
      if (cached.value !== undefined) return Promise.resolve(cached.value);
      return Promise.reject(new TransportError('Audience count unavailable (retry later)', undefined, 'too-fast'));
    }
    if (this.inflight?.roomId === roomId) return this.inflight.promise;
    const promise = this.chat
      .getGroupOnlineMemberCount(roomId)
      .then((res: unknown) => {
        const count = (res as { data?: { memberCount?: unknown } } | undefined)?.data?.memberCount;
        if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) {
          throw new TransportError('The SDK answered without a member count', undefined, 'unknown');
        }
        this.cache = { roomId, value: count, at: now };
        return count;
      })
      .catch((err: unknown) => {
        // A failure also counts as a call: a broken API is not polled faster than the interval.
        const value = cached?.value;
        this.cache = { roomId, ...(value !== undefined ? { value } : {}), at: now };
        if (value !== undefined) return value;
        throw toTransportError(err, 'Could not read the audience count');
      })
      .finally(() => {
        if (this.inflight?.promise === promise) this.inflight = undefined;
      });
    this.inflight = { roomId, promise };
    return promise;
  }

  /** The snapshot `join()` resolves with. */
  async read(roomId: string, answer: JoinAnswer, loggedIn: boolean, selfId: string | undefined): Promise<RoomRead> {
    const audience = await this.audience(roomId).catch(() => undefined);
    if (!loggedIn) {
      const profile = projectGroupProfile(answer.group ?? {}, audience);
      return { snapshot: { roomId, ...(profile ? { profile } : {}) } };
    }
    const [profileRes, attrRes, counterRes, memberRes] = await Promise.allSettled([
      this.chat.getGroupProfile({ groupID: roomId }),
      this.chat.getGroupAttributes({ groupID: roomId, keyList: [] }),
      this.chat.getGroupCounters({ groupID: roomId, keyList: [this.options.likesKey] }),
      selfId ? this.chat.getGroupMemberProfile({ groupID: roomId, userIDList: [selfId] }) : Promise.reject(new Error('no user')),
    ]);
    const profile = projectGroupProfile(data(profileRes)?.group ?? answer.group, audience);
    const attributes = toPlain(data(attrRes)?.groupAttributes);
    const likes = (data(counterRes)?.counters as Record<string, unknown> | undefined)?.[this.options.likesKey];
    const selfMuteSeconds = this.muteSeconds(data(memberRes)?.memberList, selfId);
    return {
      snapshot: {
        roomId,
        ...(profile ? { profile } : {}),
        ...(attributes && typeof attributes === 'object' ? { attributes } : {}),
        ...(selfMuteSeconds !== undefined ? { selfMuteSeconds } : {}),
      },
      ...(typeof likes === 'number' && Number.isFinite(likes) ? { likeTotal: likes } : {}),
    };
  }

  /** Group profile and attributes again (after a re-join: they may have changed meanwhile). */
  async refresh(roomId: string): Promise<{ profile?: Record<string, unknown>; attributes?: unknown }> {
    const [profileRes, attrRes] = await Promise.allSettled([
      this.chat.getGroupProfile({ groupID: roomId }),
      this.chat.getGroupAttributes({ groupID: roomId, keyList: [] }),
    ]);
    const profile = projectGroupProfile(data(profileRes)?.group);
    const attributes = toPlain(data(attrRes)?.groupAttributes);
    return { ...(profile ? { profile } : {}), ...(attributes && typeof attributes === 'object' ? { attributes } : {}) };
  }

  /** `muteUntil` is a server timestamp in seconds; the remaining seconds are what the UI needs. */
  private muteSeconds(list: unknown, selfId: string | undefined): number | undefined {
    if (!Array.isArray(list) || !selfId) return undefined;
    const me = list.find((m) => (m as { userID?: unknown } | undefined)?.userID === selfId) as { muteUntil?: unknown } | undefined;
    if (typeof me?.muteUntil !== 'number' || !Number.isFinite(me.muteUntil)) return undefined;
    const serverNow = Number(this.chat.getServerTime());
    const now = Number.isFinite(serverNow) && serverNow > 0 ? serverNow : Math.floor(this.options.now() / 1000);
    return Math.max(0, Math.round(me.muteUntil - now));
  }
}
