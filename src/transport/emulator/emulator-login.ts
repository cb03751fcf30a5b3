/**
 * The emulator transport's login: which UserSig a (re)login sends, and when a new one is asked of
 * the host's UserSig service. The request itself (`../user-sig.ts`: timeout, size cap, the answer
 * must name the same user) is the one the Tencent transport uses. A UserSig is kept across
 * reconnects until the server calls it expired (error 70001, or a `userSigExpired` kick); only then
 * is a new one fetched, and only when a `userSigUrl` exists.
 */
import { TransportError, type Identity } from '../chat-transport.ts';
import { userCredentials, type UserCredentials, type UserSigRequestOptions } from '../user-sig.ts';
import type { ClientFrame } from './wire.ts';

type Request = (t: ClientFrame['t'], fields: Record<string, unknown>) => Promise<unknown>;
type UserIdentity = Extract<Identity, { kind: 'user' }>;

const SIG_EXPIRED = 70001;

export class EmulatorLogin {
  private user: { identity: UserIdentity; creds: UserCredentials } | undefined;
  private sig: string | undefined;

  /** `base` resolves a relative `userSigUrl` (the page's URL, or the emulator's outside a page). */
  constructor(
    private readonly base: string,
    private readonly request: UserSigRequestOptions = {},
  ) {}

  /** A new identity (a `connect`): forgets the last one's UserSig. Throws when a user has no way to get one. */
  reset(identity: Identity): void {
    this.sig = undefined;
    this.user = undefined;
    if (identity.kind !== 'user') return;
    const url = identity.userSigUrl ? new URL(identity.userSigUrl, this.base).href : undefined;
    const resolved: UserIdentity = { ...identity, ...(url ? { userSigUrl: url } : {}) };
    this.user = { identity, creds: userCredentials(resolved, false, this.request) };
  }

  /** Whether an expired UserSig can be replaced (a `userSigUrl` is known). */
  get renewable(): boolean {
    return this.user?.creds.refreshable ?? false;
  }

  /** The server called the UserSig expired: the next login fetches a new one. */
  expire(): void {
    this.sig = undefined;
  }

  /** Logs the socket in (guests need nothing); an expired UserSig is renewed once when it can be. */
  async login(request: Request): Promise<void> {
    const user = this.user;
    if (!user) return;
    try {
      await this.attempt(user, request);
    } catch (err) {
      if (!(err instanceof TransportError) || err.code !== SIG_EXPIRED || !user.creds.refreshable) throw err;
      this.sig = undefined;
      await this.attempt(user, request);
    }
  }

  private async attempt({ identity: id, creds }: NonNullable<EmulatorLogin['user']>, request: Request): Promise<void> {
    this.sig ??= await creds.getUserSig();
    await request('login', {
      userId: id.userId,
      userSig: this.sig,
      ...(id.nick ? { nick: id.nick } : {}),
      ...(id.avatar ? { avatar: id.avatar } : {}),
      ...(id.level !== undefined ? { level: id.level } : {}),
    });
  }
}
