/**
 * Who is logged in where: the registry of live client sessions by user id, for the multi-login
 * rule, REST kicks and UserSig expiry. Knows nothing about WebSockets: a session is anything
 * that can be kicked.
 */
import type { WireKickReason } from '../../src/transport/emulator/wire.ts';
import type { Member } from './room.ts';

export interface SessionHandle extends Member {
  /** When the session's UserSig expires (ms); undefined for guests. */
  readonly sigExpiresAt: number | undefined;
  /** Tells the client why and closes the connection; idempotent. */
  kick(reason: WireKickReason): void;
}

export class Sessions {
  private readonly all = new Set<SessionHandle>();
  private readonly byUser = new Map<string, Set<SessionHandle>>();
  /** userId → seconds: UserSigs issued before a REST kick no longer log in (Tencent invalidates them). */
  private readonly invalidBefore = new Map<string, number>();

  get size(): number {
    return this.all.size;
  }

  add(s: SessionHandle): void {
    this.all.add(s);
  }

  /** Forgets a session (closed); safe to call twice. */
  remove(s: SessionHandle): void {
    this.all.delete(s);
    if (s.userId) this.unbind(s, s.userId);
  }

  bind(s: SessionHandle, userId: string): void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(s);
  }

  unbind(s: SessionHandle, userId: string): void {
    const set = this.byUser.get(userId);
    if (!set) return;
    set.delete(s);
    if (set.size === 0) this.byUser.delete(userId);
  }

  of(userId: string): SessionHandle[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  /** Kicks every session of `userId`; answers how many there were. */
  kick(userId: string, reason: WireKickReason, except?: SessionHandle): number {
    const victims = this.of(userId).filter((s) => s !== except);
    for (const s of victims) {
      this.unbind(s, userId);
      s.kick(reason);
    }
    return victims.length;
  }

  invalidate(userId: string, nowSeconds: number): void {
    this.invalidBefore.set(userId, nowSeconds);
  }

  /** True when a UserSig issued at `sigTime` (seconds) was invalidated by a REST kick. */
  isInvalidated(userId: string, sigTime: number): boolean {
    const before = this.invalidBefore.get(userId);
    return before !== undefined && sigTime < before;
  }

  /** Kicks sessions whose UserSig has expired (Tencent: KICKED_OUT with `userSigExpired`). */
  expire(nowMs: number): void {
    for (const s of [...this.all]) {
      if (s.userId && s.sigExpiresAt !== undefined && s.sigExpiresAt <= nowMs) {
        this.unbind(s, s.userId);
        s.kick('userSigExpired');
      }
    }
  }
}
