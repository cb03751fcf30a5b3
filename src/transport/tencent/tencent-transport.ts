/**
 * `ChatTransport` over the real Tencent Cloud Chat web SDK (docs/tencent-sdk.md, docs/house-rules.md#transports). Owns one lease
 * on the shared instance of its SDKAppID, its own SDK listeners (inbound frames, net state), its
 * subscription to the shared login's signals, its subjects and its profile filler; `destroy()`
 * releases all of them, idempotently. The SDK is loaded and created on the first `connect()`.
 *
 * Beyond `ChatTransport` it exposes `errors$`: warnings worth an `lcr-error` that are not room
 * events (this element's room was taken over by another element's join, a re-join failed…).
 */
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { ConnectionState, InboundFrame, OutboundWire, SendResult } from '../../protocol/index.ts';
import { TransportError, type ChatTransport, type Identity, type RoomSnapshot } from '../chat-transport.ts';
import { InboundListeners } from './inbound.ts';
import { sharedPool, type Lease } from './instance-pool.ts';
import type { SessionSignal } from './login-session.ts';
import { createSdkMessage, failedResult, sentResult } from './outbound.ts';
import { ProfileFiller } from './profile-filler.ts';
import type { TencentTransportOptions, TransportNotice, TransportNoticeCode } from './tencent-options.ts';
import { RoomData } from './room-data.ts';
import type { MembershipEvent, RoomMember } from './room-membership.ts';
import { loadSdk as defaultLoadSdk } from './sdk-loader.ts';
import { EVENT, SDK_CODE, TYPE_VALUES, type SdkEvent, type SdkMessage } from './sdk-types.ts';
import { toTransportError } from './transport-errors.ts';
import { userCredentials } from '../user-sig.ts';

export type { TencentTransportOptions, TransportNotice, TransportNoticeCode } from './tencent-options.ts';

export class TencentTransport implements ChatTransport, RoomMember {
  readonly kind = 'tencent';
  private readonly state = new BehaviorSubject<ConnectionState>('idle');
  private readonly frames = new Subject<InboundFrame>();
  private readonly notices = new Subject<TransportNotice>();
  readonly state$: Observable<ConnectionState> = this.state.asObservable();
  readonly events$: Observable<InboundFrame> = this.frames.asObservable();
  readonly errors$: Observable<TransportNotice> = this.notices.asObservable();

  private lease: Lease | undefined;
  private acquiring: Promise<Lease> | undefined;
  private inbound: InboundListeners | undefined;
  private filler: ProfileFiller | undefined;
  private signals: Subscription | undefined;
  private roomData: RoomData | undefined;
  private identity: Identity | undefined;
  private roomId: string | undefined;
  private everConnected = false;
  private relogging = false;
  private stopped = false;
  private destroyed = false;
  private readonly now: () => number;

  constructor(private readonly options: TencentTransportOptions) {
    this.now = options.now ?? Date.now;
  }

  async connect(identity: Identity): Promise<void> {
    this.assertAlive();
    const first = !this.everConnected || this.stopped;
    if (first) this.setState('connecting');
    try {
      const lease = await this.acquire();
      if (identity.kind === 'user') {
        const request = { timeoutMs: this.options.userSigTimeoutMs, fetch: this.options.fetch };
        await lease.login.login(this, userCredentials(identity, lease.external, request));
      } else {
        lease.login.release(this);
      }
      this.assertAlive();
      this.identity = identity;
      this.stopped = false;
      this.everConnected = true;
      this.setState('connected');
    } catch (err) {
      if (first && !this.destroyed) this.setState('offline');
      throw toTransportError(err, 'Could not connect to Tencent Cloud Chat');
    }
  }

  async join(roomId: string): Promise<RoomSnapshot> {
    this.assertAlive();
    const lease = this.lease;
    if (!lease || !this.identity) throw new TransportError('connect() must succeed before join()', undefined, 'not-logged-in');
    if (!roomId) throw new TransportError('A room id is required', undefined, 'room-gone');
    this.roomId = roomId;
    this.roomData!.reset();
    let answer;
    try {
      answer = await lease.room.join(this, roomId);
    } catch (err) {
      if (this.roomId === roomId) this.roomId = undefined;
      throw toTransportError(err, `Could not join room "${roomId}"`);
    }
    const read = await this.roomData!.read(roomId, answer, lease.login.loggedIn, lease.login.userId);
    if (read.likeTotal !== undefined) this.emit({ kind: 'like-total', total: read.likeTotal, time: this.now() });
    return read.snapshot;
  }

  async leave(): Promise<void> {
    this.roomId = undefined;
    this.roomData?.reset();
    if (this.lease) await this.lease.room.leave(this);
  }

  async send(wire: OutboundWire): Promise<SendResult> {
    if (this.destroyed) return { ok: false, reason: 'cancelled', message: 'transport destroyed' };
    if (this.stopped) return { ok: false, reason: 'kicked', message: 'session ended' };
    const lease = this.lease;
    const roomId = this.roomId;
    if (!lease || !roomId) return { ok: false, reason: 'room-gone', message: 'not in a room' };
    if (this.identity?.kind !== 'user') {
      return { ok: false, reason: 'not-logged-in', code: SDK_CODE.notLoggedIn, message: 'guests cannot send' };
    }
    // While the login is being renewed a send would fail anyway; say so in a retryable way.
    if (!lease.login.loggedIn) return { ok: false, reason: 'network', message: 'reconnecting' };
    let created: SdkMessage | undefined;
    try {
      created = createSdkMessage(lease.chat, roomId, wire);
      const result = sentResult(await lease.chat.sendMessage(created), created, this.now());
      return result;
    } catch (err) {
      const failed = failedResult(err);
      if (failed.code === SDK_CODE.userSigExpired) lease.login.reportExpired();
      return failed;
    }
  }

  async getAudienceCount(): Promise<number> {
    this.assertAlive();
    if (!this.roomId || !this.roomData) throw new TransportError('Not in a room', undefined, 'room-gone');
    return this.roomData.audience(this.roomId);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.detach();
    const lease = this.lease;
    this.lease = undefined;
    this.roomId = undefined;
    if (lease) {
      lease.login.release(this);
      void lease.room.leave(this).finally(() => lease.release());
    }
    this.state.next('offline');
    this.state.complete();
    this.frames.complete();
    this.notices.complete();
  }

  /** Called by the shared room membership. */
  onMembershipEvent(event: MembershipEvent): void {
    if (this.destroyed || event.roomId !== this.roomId) return;
    switch (event.type) {
      case 'evicted':
        this.roomId = undefined;
        this.notify(
          'room-evicted',
          `Left room "${event.roomId}": another element on this page joined "${event.nextRoomId}" (one live room per SDKAppID)`,
          event.roomId,
        );
        return;
      case 'lost':
        this.roomId = undefined;
        this.emit({ kind: 'kicked', reason: 'roomDismissed', time: this.now() });
        this.notify('room-lost', `Room "${event.roomId}" no longer exists (error ${event.code ?? '?'})`, event.roomId);
        return;
      case 'rejoin-failed':
        this.notify('rejoin-failed', event.error.message, event.roomId);
        return;
      case 'rejoined':
        void this.refreshRoom(event.roomId);
        return;
    }
  }

  private async refreshRoom(roomId: string): Promise<void> {
    if (!this.lease?.login.loggedIn || !this.roomData) return;
    const fresh = await this.roomData.refresh(roomId);
    if (this.roomId !== roomId) return;
    const time = this.now();
    if (fresh.profile) this.emit({ kind: 'profile', profile: fresh.profile, time });
    if (fresh.attributes) this.emit({ kind: 'attributes', attributes: fresh.attributes, time });
  }

  private acquire(): Promise<Lease> {
    if (this.acquiring) return this.acquiring;
    const pool = this.options.pool ?? sharedPool;
    const attempt = pool
      .acquire({
        sdkAppId: this.options.sdkAppId,
        loadSdk: this.options.loadSdk ?? defaultLoadSdk,
        ...(this.options.chat ? { chat: this.options.chat } : {}),
        ...(this.options.session ? { session: this.options.session } : {}),
      })
      .then((lease) => {
        if (this.destroyed) {
          lease.release();
          throw new TransportError('Transport destroyed while connecting', undefined, 'cancelled');
        }
        this.attach(lease);
        return lease;
      });
    this.acquiring = attempt;
    attempt.catch(() => {
      if (this.acquiring === attempt && !this.lease) this.acquiring = undefined; // let a later connect retry
    });
    return attempt;
  }

  /** Our listeners go on before any login (the session logs in only after this returns). */
  private attach(lease: Lease): void {
    this.lease = lease;
    const likesKey = this.options.likesCounterKey ?? 'likes';
    this.roomData = new RoomData(lease.chat, { minIntervalMs: this.options.audienceMinIntervalMs ?? 10_000, likesKey, now: this.now });
    this.filler = new ProfileFiller({
      fetchProfiles: async (ids) => ((await lease.chat.getUserProfile({ userIDList: ids })) as { data?: unknown } | undefined)?.data,
      enabled: () => lease.login.loggedIn,
      cacheSize: this.options.profileCacheSize ?? 500,
      now: this.now,
    });
    this.inbound = new InboundListeners({
      chat: lease.chat,
      roomId: () => this.roomId,
      emit: (frame) => this.emit(frame),
      filler: this.filler,
      likesKey,
      now: this.now,
    });
    lease.chat.on(EVENT.NET_STATE_CHANGE, this.onNetState);
    this.signals = lease.login.signals$.subscribe((signal) => this.onSignal(signal));
  }

  private detach(): void {
    this.lease?.chat.off(EVENT.NET_STATE_CHANGE, this.onNetState);
    this.signals?.unsubscribe();
    this.inbound?.dispose();
    this.filler?.dispose();
    this.signals = undefined;
    this.inbound = undefined;
    this.filler = undefined;
  }

  private readonly onNetState = (event: SdkEvent): void => {
    if (this.destroyed || this.stopped || !this.everConnected) return;
    const state = (event?.data as { state?: unknown } | undefined)?.state;
    if (state === TYPE_VALUES.NET_STATE_CONNECTED) {
      if (!this.relogging) this.setState('connected');
    } else if (state === TYPE_VALUES.NET_STATE_CONNECTING) this.setState('reconnecting');
    else if (state === TYPE_VALUES.NET_STATE_DISCONNECTED) this.setState('offline');
  };

  private onSignal(signal: SessionSignal): void {
    if (this.destroyed) return;
    switch (signal.type) {
      case 'relogging':
        this.relogging = true;
        this.setState('reconnecting');
        return;
      case 'restored':
        this.relogging = false;
        this.setState('connected');
        return;
      case 'stopped':
        this.relogging = false;
        this.stopped = true;
        this.emit({ kind: 'kicked', reason: signal.reason, time: this.now() });
        this.notify('session-stopped', signal.message, this.roomId);
        this.setState('offline');
        return;
    }
  }

  private emit(frame: InboundFrame): void {
    if (!this.destroyed) this.frames.next(frame);
  }

  private notify(code: TransportNoticeCode, message: string, roomId?: string): void {
    if (!this.destroyed) this.notices.next({ code, message, ...(roomId ? { roomId } : {}) });
  }

  private setState(next: ConnectionState): void {
    if (!this.destroyed && this.state.value !== next) this.state.next(next);
  }

  private assertAlive(): void {
    if (this.destroyed) throw new TransportError('Transport destroyed', undefined, 'cancelled');
  }
}
