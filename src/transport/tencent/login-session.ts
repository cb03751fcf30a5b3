/**
 * The login of one shared SDK instance (one per SDKAppID): who is logged in, for which transports
 * ("holders"), and keeping that login alive. Owns the instance's lifecycle listeners (registered in
 * the constructor, i.e. before any `login`, removed in `dispose`), the relogin backoff timers and
 * the `signals$` subject the transports follow.
 *
 * Rules (docs/tencent-sdk.md#reconnects-and-relogin): an expired UserSig (`KICKED_OUT: userSigExpired`, error 70001, or an unexplained
 * `SDK_NOT_READY` after ready) fetches a new UserSig and logs in again with bounded, jittered
 * backoff; multi-login and REST kicks stop for good (two tabs would otherwise kick each other
 * forever). One instance holds one user: a second transport asking for another user is refused.
 * A host-provided instance ("log in outside") is never logged in or out here.
 */
import { Subject, type Observable } from 'rxjs';
import { TransportError } from '../chat-transport.ts';
import type { UserCredentials } from '../user-sig.ts';
import { ReadyWaiters } from './ready-waiters.ts';
import { toTransportError } from './transport-errors.ts';
import { EVENT, SDK_CODE, TYPE_VALUES, type ChatApi, type SdkEvent } from './sdk-types.ts';

export type StopReason = 'multipleAccount' | 'multipleDevice' | 'userSigExpired' | 'REST_API_Kick' | 'unknown';

export type SessionSignal =
  | { readonly type: 'relogging' }
  | { readonly type: 'restored' }
  | { readonly type: 'stopped'; readonly reason: StopReason; readonly message: string };

export interface ReloginPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** How long an `SDK_NOT_READY` waits for a following `KICKED_OUT` before it counts as a lapse. */
  readonly notReadyGraceMs: number;
}

export const DEFAULT_RELOGIN: ReloginPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 30_000, notReadyGraceMs: 1500 };

export interface LoginSessionOptions {
  /** A host-provided instance: adopt its login, never log in/out. */
  readonly external: boolean;
  readonly readyTimeoutMs?: number;
  readonly relogin?: Partial<ReloginPolicy>;
  readonly random?: () => number;
  /** Runs after every successful (re)login, before `restored` (the room membership rejoins). */
  readonly afterLogin?: () => Promise<void>;
}

type Phase = 'out' | 'logging-in' | 'ready' | 'relogin' | 'stopped';

const KICK_REASONS: readonly StopReason[] = [
  TYPE_VALUES.KICKED_OUT_MULT_ACCOUNT,
  TYPE_VALUES.KICKED_OUT_MULT_DEVICE,
  TYPE_VALUES.KICKED_OUT_USERSIG_EXPIRED,
  TYPE_VALUES.KICKED_OUT_REST_API,
];

export class LoginSession {
  private phase: Phase = 'out';
  private user: UserCredentials | undefined;
  private readonly holders = new Set<object>();
  private pendingLogin: Promise<void> | undefined;
  private readonly ready: ReadyWaiters;
  private readonly signals = new Subject<SessionSignal>();
  private graceTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped whenever an in-flight (re)login must be abandoned. */
  private generation = 0;
  private disposed = false;
  private readonly policy: ReloginPolicy;

  readonly signals$: Observable<SessionSignal> = this.signals.asObservable();

  constructor(
    private readonly chat: ChatApi,
    private readonly options: LoginSessionOptions,
  ) {
    this.policy = { ...DEFAULT_RELOGIN, ...options.relogin };
    this.ready = new ReadyWaiters(() => chat.isReady(), options.readyTimeoutMs ?? 10_000);
    chat.on(EVENT.SDK_READY, this.onReady);
    chat.on(EVENT.SDK_NOT_READY, this.onNotReady);
    chat.on(EVENT.KICKED_OUT, this.onKicked);
    chat.on(EVENT.ERROR, this.onError);
    if (options.external && chat.isReady()) this.phase = 'ready';
  }

  /** Ready to call APIs that need a login (sendMessage, getUserProfile, getGroupProfile…). */
  get loggedIn(): boolean {
    return this.phase === 'ready';
  }

  get userId(): string | undefined {
    if (this.options.external) return this.phase === 'ready' ? String(this.chat.getLoginUser() ?? '') || undefined : undefined;
    return this.phase === 'ready' || this.phase === 'relogin' ? this.user?.userId : undefined;
  }

  async login(holder: object, creds: UserCredentials): Promise<void> {
    if (this.disposed) throw new TransportError('The chat session was released', undefined, 'cancelled');
    if (this.options.external) return this.adoptExternal(holder, creds.userId);
    const current = this.user?.userId;
    const active = this.phase === 'ready' || this.phase === 'logging-in' || this.phase === 'relogin';
    if (active && current === creds.userId) {
      this.holders.add(holder);
      // Keep the best way to renew the UserSig among the holders.
      if (creds.refreshable && !this.user!.refreshable) this.user = creds;
      try {
        if (this.phase === 'logging-in' && this.pendingLogin) await this.pendingLogin;
        else if (this.phase === 'relogin') await this.ready.wait();
      } catch (err) {
        this.holders.delete(holder);
        throw toTransportError(err, 'Login failed');
      }
      return;
    }
    const switching = active && current !== undefined;
    if (switching && [...this.holders].some((h) => h !== holder)) {
      throw new TransportError(
        `SDKAppID already logged in as "${current}" by another element on this page; one SDK instance holds one user`,
        undefined,
        'rejected',
      );
    }
    this.clearTimers();
    this.holders.clear();
    this.holders.add(holder);
    this.user = creds;
    const gen = ++this.generation;
    // 'logging-in' from here on, also during the logout: concurrent callers for the same user
    // wait for this attempt, and the logout's SDK_NOT_READY is not mistaken for a lapse.
    this.phase = 'logging-in';
    const attempt = (async () => {
      if (switching) await this.chat.logout().catch(() => undefined);
      await this.performLogin(gen, creds);
    })();
    this.pendingLogin = attempt;
    try {
      await attempt;
    } catch (err) {
      if (gen === this.generation) {
        this.phase = 'out';
        this.user = undefined;
        this.holders.clear();
      }
      throw toTransportError(err, 'Login failed');
    } finally {
      if (this.pendingLogin === attempt) this.pendingLogin = undefined;
    }
  }

  /** The holder no longer needs the user. The login itself stays until the instance is destroyed. */
  release(holder: object): void {
    this.holders.delete(holder);
  }

  /** A send failed with 70001: treat it like `KICKED_OUT: userSigExpired`. */
  reportExpired(): void {
    if (!this.options.external && this.phase === 'ready') this.startRelogin('expired');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.clearTimers();
    this.chat.off(EVENT.SDK_READY, this.onReady);
    this.chat.off(EVENT.SDK_NOT_READY, this.onNotReady);
    this.chat.off(EVENT.KICKED_OUT, this.onKicked);
    this.chat.off(EVENT.ERROR, this.onError);
    this.ready.rejectAll(new TransportError('The chat session was released', undefined, 'cancelled'));
    this.signals.complete();
  }

  private async adoptExternal(holder: object, userId: string): Promise<void> {
    if (!this.chat.isReady()) {
      await this.ready.wait().catch(() => {
        throw new TransportError('The provided chat instance is not logged in (no SDK_READY)', SDK_CODE.notLoggedIn, 'not-logged-in');
      });
    }
    const current = String(this.chat.getLoginUser() ?? '');
    if (current !== userId) {
      throw new TransportError(`The provided chat instance is logged in as "${current}", not "${userId}"`, undefined, 'rejected');
    }
    this.phase = 'ready';
    this.holders.add(holder);
  }

  private async performLogin(gen: number, user: UserCredentials): Promise<void> {
    const userSig = await user.getUserSig();
    this.check(gen);
    await this.chat.login({ userID: user.userId, userSig });
    this.check(gen);
    await this.ready.wait();
    this.check(gen);
    this.phase = 'ready';
    await this.options.afterLogin?.().catch(() => undefined);
  }

  private check(gen: number): void {
    if (gen !== this.generation || this.disposed) throw new TransportError('Login superseded', undefined, 'cancelled');
  }

  private readonly onReady = (): void => {
    this.ready.resolveAll();
    if (this.options.external) this.phase = 'ready';
  };

  private readonly onNotReady = (): void => {
    if (this.options.external) {
      if (this.phase === 'ready') this.phase = 'out';
      return;
    }
    if (this.phase !== 'ready') return; // our own logout/login, or a guest instance
    // A multi-login kick shows up as SDK_NOT_READY first and KICKED_OUT right after: wait a moment
    // so such a kick is never answered with a relogin.
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => {
      this.graceTimer = undefined;
      if (this.phase === 'ready' && !this.chat.isReady()) this.startRelogin('not-ready');
    }, this.policy.notReadyGraceMs);
  };

  private readonly onKicked = (event: SdkEvent): void => {
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    const type = (event?.data as { type?: unknown } | undefined)?.type;
    if (type === TYPE_VALUES.KICKED_OUT_USERSIG_EXPIRED && !this.options.external && this.user) {
      this.startRelogin('expired');
      return;
    }
    const reason = KICK_REASONS.find((r) => r === type) ?? 'unknown';
    this.stop(reason, `Kicked offline (${String(type)})`);
  };

  private readonly onError = (event: SdkEvent): void => {
    if ((event?.data as { code?: unknown } | undefined)?.code === SDK_CODE.userSigExpired) this.reportExpired();
  };

  private startRelogin(cause: 'expired' | 'not-ready'): void {
    const user = this.user;
    if (this.disposed || this.phase === 'relogin' || !user) return;
    if (cause === 'expired' && !user.refreshable) {
      this.stop('userSigExpired', 'The UserSig expired and there is no user-sig-url to renew it');
      return;
    }
    this.phase = 'relogin';
    const gen = ++this.generation;
    this.signals.next({ type: 'relogging' });
    void this.reloginAttempt(gen, user, cause, 0);
  }

  private async reloginAttempt(gen: number, user: UserCredentials, cause: 'expired' | 'not-ready', attempt: number): Promise<void> {
    try {
      await this.performLogin(gen, user);
      this.check(gen);
      this.signals.next({ type: 'restored' });
    } catch (err) {
      if (gen !== this.generation || this.disposed) return;
      const error = toTransportError(err, 'Relogin failed');
      const fatal =
        (error.code === SDK_CODE.userSigExpired && !user.refreshable) ||
        error.reason === 'rejected' || // the UserSig service refuses this viewer now
        error.reason === 'kicked';
      if (fatal || attempt + 1 >= this.policy.maxAttempts) {
        this.stop(
          cause === 'expired' ? 'userSigExpired' : 'unknown',
          `Could not log in again after ${attempt + 1} attempt(s): ${error.message}`,
        );
        return;
      }
      const delay = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
      const jittered = delay * (0.75 + 0.5 * (this.options.random ?? Math.random)());
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        void this.reloginAttempt(gen, user, cause, attempt + 1);
      }, jittered);
    }
  }

  private stop(reason: StopReason, message: string): void {
    this.generation++;
    this.clearTimers();
    this.phase = 'stopped';
    this.user = undefined;
    this.holders.clear();
    this.ready.rejectAll(new TransportError(message, undefined, 'kicked'));
    this.signals.next({ type: 'stopped', reason, message });
  }

  private clearTimers(): void {
    if (this.graceTimer !== undefined) clearTimeout(this.graceTimer);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.graceTimer = undefined;
    this.retryTimer = undefined;
  }
}
