/**
 * One WebSocket to the emulator and its request/response correlation: every request carries a
 * fresh `rid` and settles with the matching `result` frame or a timeout. Pushed frames go to
 * `onPush`; an unexpected close goes to `onClose` (once). `close()` is idempotent, detaches the
 * socket at once (no waiting for a close handshake) and fails what is still pending.
 */
import { failureFromCode } from '../../protocol/errors.ts';
import { TransportError } from '../chat-transport.ts';
import type { ClientFrame, ServerFrame } from './wire.ts';

/** The part of the WebSocket API used here (the browser's, or the `ws` package's in Node). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
}
export type WebSocketCtor = new (url: string) => WebSocketLike;

export interface WireSocketOptions {
  readonly url: string;
  readonly WebSocket: WebSocketCtor;
  readonly connectTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly onPush: (frame: ServerFrame) => void;
  readonly onClose: () => void;
}

export const CODE_NO_NETWORK = 2800;
export const CODE_TIMEOUT = 2801;
const OPEN = 1;

export const netError = (message: string, code = CODE_NO_NETWORK): TransportError => new TransportError(message, code, 'network');

type Pending = { resolve: (data: unknown) => void; reject: (err: TransportError) => void; timer: ReturnType<typeof setTimeout> };

export class WireSocket {
  private readonly pending = new Map<number, Pending>();
  private rid = 0;
  private closed = false;

  private constructor(
    private readonly ws: WebSocketLike,
    private readonly opts: WireSocketOptions,
  ) {}

  /** Opens a socket; resolves once it is open, rejects if it closes first or takes too long. */
  static open(opts: WireSocketOptions): Promise<WireSocket> {
    return new Promise<WireSocket>((resolve, reject) => {
      let ws: WebSocketLike;
      try {
        ws = new opts.WebSocket(opts.url);
      } catch (err) {
        return reject(netError(`cannot open ${opts.url}: ${(err as Error).message}`));
      }
      const socket = new WireSocket(ws, opts);
      let opened = false;
      const timer = setTimeout(() => {
        socket.close();
        reject(netError('connect timeout', CODE_TIMEOUT));
      }, opts.connectTimeoutMs);
      ws.onopen = () => {
        clearTimeout(timer);
        opened = true;
        resolve(socket);
      };
      ws.onerror = () => undefined; // a close always follows
      ws.onmessage = (ev) => socket.onMessage(ev.data);
      ws.onclose = () => {
        clearTimeout(timer);
        const wasOpen = opened && !socket.closed;
        socket.close();
        if (wasOpen) opts.onClose();
        else reject(netError('connection closed'));
      };
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.ws.readyState === OPEN;
  }

  request(t: ClientFrame['t'], fields: Record<string, unknown>): Promise<unknown> {
    if (!this.isOpen) return Promise.reject(netError('not connected'));
    const rid = ++this.rid;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(rid);
        reject(netError(`${t} timed out`, CODE_TIMEOUT));
      }, this.opts.requestTimeoutMs);
      this.pending.set(rid, { resolve, reject, timer });
      try {
        this.ws.send(JSON.stringify({ ...fields, t, rid }));
      } catch {
        clearTimeout(timer);
        this.pending.delete(rid);
        reject(netError('send on a closed socket'));
      }
    });
  }

  /** Detaches and closes; pending requests fail with `reason` (a network error by default). */
  close(reason: TransportError = netError('connection lost')): void {
    if (this.closed) return;
    this.closed = true;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(reason);
    }
    this.pending.clear();
    const ws = this.ws;
    ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
    try {
      ws.close();
    } catch {
      // already closed
    }
  }

  private onMessage(data: unknown): void {
    let frame: ServerFrame;
    try {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    if (frame.t !== 'result') return this.opts.onPush(frame);
    const p = this.pending.get(frame.rid);
    if (!p) return;
    this.pending.delete(frame.rid);
    clearTimeout(p.timer);
    if (frame.ok) p.resolve(frame.data);
    else p.reject(new TransportError(String(frame.message), frame.code, failureFromCode(frame.code)));
  }
}
