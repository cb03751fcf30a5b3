/**
 * A scripted transport for tests and the interim demo: the test pushes frames and decides how
 * sends settle. Records everything sent so tests can assert on it.
 */
import { BehaviorSubject, Subject } from 'rxjs';
import type { ConnectionState, InboundFrame, OutboundWire, SendResult } from '../../protocol/index.ts';
import type { ChatTransport, Identity, RoomSnapshot } from '../chat-transport.ts';

export interface FakeTransportOptions {
  /** Decides each send's result; default: success with a fresh id. */
  readonly onSend?: (wire: OutboundWire, index: number) => SendResult | Promise<SendResult>;
  readonly snapshot?: Partial<RoomSnapshot>;
  readonly audience?: number;
}

export class FakeTransport implements ChatTransport {
  readonly kind = 'fake';
  readonly state = new BehaviorSubject<ConnectionState>('idle');
  readonly frames = new Subject<InboundFrame>();
  readonly state$ = this.state.asObservable();
  readonly events$ = this.frames.asObservable();
  readonly sent: OutboundWire[] = [];
  identity: Identity | undefined;
  roomId: string | undefined;
  audience: number;
  destroyed = false;
  private seq = 0;

  constructor(private readonly options: FakeTransportOptions = {}) {
    this.audience = options.audience ?? 0;
  }

  async connect(identity: Identity): Promise<void> {
    this.identity = identity;
    this.state.next('connecting');
    this.state.next('connected');
  }

  async join(roomId: string): Promise<RoomSnapshot> {
    this.roomId = roomId;
    return { roomId, ...this.options.snapshot };
  }

  async leave(): Promise<void> {
    this.roomId = undefined;
  }

  async send(wire: OutboundWire): Promise<SendResult> {
    const index = this.sent.push(wire) - 1;
    if (this.options.onSend) return this.options.onSend(wire, index);
    return { ok: true, id: `fake-${++this.seq}`, time: Date.now() };
  }

  async getAudienceCount(): Promise<number> {
    return this.audience;
  }

  /** Test helper: deliver a raw message (a plain Tencent-shaped object). */
  push(message: unknown): void {
    this.frames.next({ kind: 'message', message });
  }

  emit(frame: InboundFrame): void {
    this.frames.next(frame);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.state.next('offline');
    this.frames.complete();
    this.state.complete();
  }
}
