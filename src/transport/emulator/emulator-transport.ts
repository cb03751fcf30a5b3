/**
 * The `ChatTransport` for the room emulator (`demo/server`), over a WebSocket speaking the frames
 * of `wire.ts`. Owns one socket at a time, its request/response correlation (each request times
 * out), a keep-alive ping, reconnection with jittered exponential backoff (re-login, rejoin the
 * room, replay what the room knows: repeats are dropped by the pipeline's dedupe). Kicks end the
 * session without reconnecting (two tabs of one user must not kick each other forever), except an
 * expired UserSig when a `userSigUrl` can issue a new one (`emulator-login.ts`). `destroy()` is
 * idempotent.
 */
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import type { ConnectionState, InboundFrame, OutboundWire, SendResult } from '../../protocol/types.ts';
import { TransportError, type ChatTransport, type Identity, type RoomSnapshot } from '../chat-transport.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { EmulatorLogin } from './emulator-login.ts';
import { CODE_NO_NETWORK, CODE_TIMEOUT, netError, WireSocket, type WebSocketCtor } from './wire-socket.ts';
import { WIRE_PATH, type ClientFrame, type ResultData, type ServerFrame, type WireJoinSnapshot } from './wire.ts';

export type { WebSocketCtor, WebSocketLike } from './wire-socket.ts';

export interface EmulatorTransportOptions {
  /** The emulator's base URL (`http://127.0.0.1:8080`, or `/` on its own pages) or its WebSocket URL. */
  readonly url: string;
  /** Defaults to the global `WebSocket`; pass `ws`'s in Node. */
  readonly WebSocket?: WebSocketCtor;
  /** For the UserSig service's requests; defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
  readonly requestTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly pingIntervalMs?: number;
  readonly backoff?: BackoffOptions;
  readonly random?: () => number;
}

const AUTH_CODES = new Set([70001, 70003, 70009, 70013, 70014]);
/** Whether an error refuses the viewer (credentials, the UserSig service's 4xx): retrying cannot help. */
const refused = (err: unknown): boolean =>
  err instanceof TransportError &&
  (err.reason === 'sig-expired' ||
    err.reason === 'rejected' ||
    err.reason === 'not-logged-in' ||
    (err.code !== undefined && AUTH_CODES.has(err.code)));

/**
 * `http(s)://host[/]` → `ws(s)://host/ws`; a ws URL with a path is kept. Relative URLs (`/`)
 * resolve against the page (`location`), or `base` when given.
 */
export function wsUrlOf(url: string, base: string | undefined = (globalThis as { location?: { href?: string } }).location?.href): string {
  const u = new URL(url, base);
  if (u.protocol === 'http:') u.protocol = 'ws:';
  else if (u.protocol === 'https:') u.protocol = 'wss:';
  if (u.pathname === '' || u.pathname === '/') u.pathname = WIRE_PATH;
  return u.href;
}

export class EmulatorTransport implements ChatTransport {
  readonly kind = 'emulator';
  readonly state$: Observable<ConnectionState>;
  readonly events$: Observable<InboundFrame>;
  private readonly state = new BehaviorSubject<ConnectionState>('idle');
  private readonly frames = new Subject<InboundFrame>();
  private readonly wsUrl: string;
  private readonly Ctor: WebSocketCtor;
  private readonly random: () => number;
  private readonly login: EmulatorLogin;
  private socket: WireSocket | undefined;
  private roomId: string | undefined;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  /** Set by kicks and destroy: no reconnecting any more. */
  private stopped = false;
  private destroyed = false;

  constructor(private readonly opts: EmulatorTransportOptions) {
    this.wsUrl = wsUrlOf(opts.url);
    const Ctor = opts.WebSocket ?? (globalThis as { WebSocket?: WebSocketCtor }).WebSocket;
    if (!Ctor) throw new Error('EmulatorTransport: no WebSocket implementation (pass options.WebSocket)');
    this.Ctor = Ctor;
    this.random = opts.random ?? Math.random;
    const base = (globalThis as { location?: { href?: string } }).location?.href ?? this.wsUrl.replace(/^ws/, 'http');
    this.login = new EmulatorLogin(base, { fetch: opts.fetch, timeoutMs: opts.requestTimeoutMs });
    this.state$ = this.state.asObservable();
    this.events$ = this.frames.asObservable();
  }

  async connect(identity: Identity): Promise<void> {
    if (this.destroyed) throw new TransportError('transport destroyed', undefined, 'cancelled');
    clearTimeout(this.reconnectTimer);
    this.dropSocket();
    this.stopped = false;
    this.setState('connecting');
    try {
      this.login.reset(identity);
      await this.open();
      await this.login.login(this.request);
    } catch (err) {
      this.dropSocket();
      if (!this.destroyed) this.setState('offline');
      throw err instanceof TransportError ? err : netError(String((err as Error)?.message ?? err));
    }
    this.attempt = 0;
    this.setState('connected');
    this.startPing();
  }

  async join(roomId: string): Promise<RoomSnapshot> {
    const snap = (await this.request('join', { roomId })) as WireJoinSnapshot;
    this.roomId = roomId;
    return { roomId, profile: snap.profile, attributes: snap.attributes, selfMuteSeconds: snap.selfMuteSeconds, history: snap.history };
  }

  async leave(): Promise<void> {
    const had = this.roomId;
    this.roomId = undefined;
    if (had === undefined || !this.socket?.isOpen) return;
    await this.request('leave', {}).catch(() => undefined);
  }

  async send(wire: OutboundWire): Promise<SendResult> {
    if (this.state.value !== 'connected') return { ok: false, reason: 'network', code: CODE_NO_NETWORK, message: 'not connected' };
    try {
      const r = (await this.request('send', { wire })) as ResultData['send'];
      return { ok: true, id: r.id, time: r.time * 1000 };
    } catch (err) {
      const e = err instanceof TransportError ? err : netError('send failed');
      return { ok: false, reason: e.reason, ...(e.code !== undefined ? { code: e.code } : {}), message: e.message };
    }
  }

  async getAudienceCount(): Promise<number> {
    const r = (await this.request('audience', this.roomId ? { roomId: this.roomId } : {})) as ResultData['audience'];
    return r.count;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.dropSocket();
    this.setState('offline');
    this.frames.complete();
    this.state.complete();
  }

  // ---- socket lifetime ------------------------------------------------------------------------

  private setState(s: ConnectionState): void {
    if (!this.destroyed || s === 'offline') {
      if (this.state.value !== s && !this.state.closed) this.state.next(s);
    }
  }

  /** Opens a new socket (replacing any); its unexpected close starts reconnecting. */
  private async open(): Promise<void> {
    this.dropSocket();
    const socket = await WireSocket.open({
      url: this.wsUrl,
      WebSocket: this.Ctor,
      connectTimeoutMs: this.opts.connectTimeoutMs ?? 8000,
      requestTimeoutMs: this.opts.requestTimeoutMs ?? 8000,
      onPush: (frame) => this.onPush(frame),
      onClose: () => this.onClosed(socket),
    });
    if (this.stopped) {
      socket.close();
      throw new TransportError('transport stopped', undefined, 'cancelled');
    }
    this.socket = socket;
  }

  /** Forgets the current socket now and fails its requests. */
  private dropSocket(): void {
    clearInterval(this.pingTimer);
    this.pingTimer = undefined;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(this.destroyed ? new TransportError('transport destroyed', undefined, 'cancelled') : undefined);
  }

  private onClosed(socket: WireSocket): void {
    if (socket !== this.socket) return;
    const wasConnected = this.state.value === 'connected' || this.state.value === 'reconnecting';
    this.dropSocket();
    if (this.stopped || !wasConnected) return;
    this.setState('reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.reconnectTimer);
    const delay = backoffDelay(this.attempt++, this.random, this.opts.backoff ?? DEFAULT_BACKOFF);
    this.reconnectTimer = setTimeout(() => void this.reconnect(), delay);
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.open();
      await this.login.login(this.request);
    } catch (err) {
      if (this.stopped) return;
      // Refused credentials do not get better by retrying: the session is over. A UserSig service
      // that is down (5xx, timeout) does: that is retried like the socket.
      if (refused(err)) return this.end('userSigExpired');
      this.dropSocket();
      this.setState('reconnecting');
      return this.scheduleReconnect();
    }
    this.attempt = 0;
    if (this.roomId !== undefined) await this.rejoin(this.roomId);
    if (!this.stopped && this.socket) {
      this.setState('connected');
      this.startPing();
    }
  }

  /** After a reconnect: back into the room, then tell the pipeline what it may have missed. */
  private async rejoin(roomId: string): Promise<void> {
    try {
      const snap = (await this.request('join', { roomId })) as WireJoinSnapshot;
      const time = Date.now();
      this.frames.next({ kind: 'profile', profile: snap.profile, time });
      this.frames.next({ kind: 'attributes', attributes: snap.attributes, time });
      // The history repeats what was shown before the drop: the pipeline's dedupe (the one) drops those.
      for (const m of snap.history ?? []) this.frames.next({ kind: 'message', message: m });
    } catch (err) {
      const code = err instanceof TransportError ? err.code : undefined;
      if (code === 10010 || code === 10015) {
        this.roomId = undefined;
        this.frames.next({ kind: 'kicked', reason: 'roomDismissed', time: Date.now() });
      } else if (code === 10007) {
        this.roomId = undefined;
        this.frames.next({ kind: 'kicked', reason: 'banned', time: Date.now() });
      } else {
        this.dropSocket(); // network trouble: try the whole thing again
        this.setState('reconnecting');
        this.scheduleReconnect();
      }
    }
  }

  private startPing(): void {
    clearInterval(this.pingTimer);
    const every = this.opts.pingIntervalMs ?? 25_000;
    if (every <= 0) return;
    this.pingTimer = setInterval(() => {
      const socket = this.socket;
      // A ping that times out means a half-open connection: treat it as closed.
      this.request('ping', {}).catch((err: TransportError) => {
        if (err.code === CODE_TIMEOUT && socket && socket === this.socket) this.onClosed(socket);
      });
    }, every);
  }

  /** Ends the session for good (kicked): tells the pipeline, stops reconnecting. */
  private end(reason: string): void {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.frames.next({ kind: 'kicked', reason, time: Date.now() });
    this.dropSocket();
    this.setState('offline');
  }

  // ---- requests and pushes -----------------------------------------------------------------------

  private readonly request = (t: ClientFrame['t'], fields: Record<string, unknown>): Promise<unknown> =>
    this.socket ? this.socket.request(t, fields) : Promise.reject(netError('not connected'));

  private onPush(frame: ServerFrame): void {
    switch (frame.t) {
      case 'message': {
        this.frames.next({ kind: 'message', message: frame.message });
        return;
      }
      case 'attributes':
        this.frames.next({ kind: 'attributes', attributes: frame.attributes, time: frame.time });
        return;
      case 'kicked':
        return this.onKicked(frame.reason);
      default:
        return; // hello, error, and anything newer than this client
    }
  }

  private onKicked(reason: string): void {
    if (reason === 'userSigExpired' && this.login.renewable) {
      // Renewable: the server closes the socket; the reconnect fetches a new UserSig.
      this.login.expire();
      return;
    }
    this.end(reason);
  }
}
