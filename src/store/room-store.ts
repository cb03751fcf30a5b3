/**
 * The room store: one per mounted room, the only owner of the room's state. It runs the room
 * session (transport + pipeline) and exposes what it knows as typed streams — `room$`, `chat$`,
 * `barrage$`, `gifts$`, `likes$`, `own$` (the viewer's own texts: pending → sent | failed(reason),
 * kept here and nowhere else), `events$` (the public `lcr-*` events to dispatch), `metrics$` — plus
 * one command API (`sendText`, `retry`, `like`, `echoGift`, `sendCustom`, `updateRoom`) that the UI
 * and the element's methods both call. Controllers subscribe to what they render; none calls another.
 */
import { BehaviorSubject, Subject, type Observable } from 'rxjs';
import { barrageItemFrom } from '../barrage/barrage-item.ts';
import type { BarrageItem } from '../barrage/barrage-types.ts';
import type { ChatEntry } from '../chat/chat-types.ts';
import type { LcrEventEntry } from '../events/index.ts';
import {
  INITIAL_ROOM_VIEW,
  type DisplayItem,
  type EchoState,
  type GiftCombo,
  type LikeBurst,
  type PipelineMetrics,
  type RoomView,
  type TextRequest,
} from '../pipeline/index.ts';
import type { FailureReason, GiftEvent, OutboundWire, RoomEvent, SendResult } from '../protocol/index.ts';
import { RoomSession, type SessionConfig, type SessionSink } from './room-session.ts';
import { roomFrames, type RoomUpdate } from './room-update.ts';

export type TextSendResult = { readonly ok: true; readonly id?: string } | { readonly ok: false; readonly reason: FailureReason };

/** What the chat list is told: a new line, a status change of an own line, a recall, an edit. */
export type ChatOp =
  | { readonly op: 'push'; readonly entry: ChatEntry }
  | { readonly op: 'status'; readonly id: string; readonly status: 'pending' | 'sent' | 'failed'; readonly reason?: FailureReason }
  | { readonly op: 'remove'; readonly id: string }
  | { readonly op: 'text'; readonly id: string; readonly text: string };

/** One step of an own text: the chat list shows its status; the input shows a failure of its own sends. */
export interface OwnMessage {
  readonly clientId: string;
  readonly status: 'pending' | 'sent' | 'failed' | 'cooldown';
  readonly reason?: FailureReason;
  /** For `cooldown`: when a send may go again. */
  readonly retryInMs?: number;
  /** Sent from the chat input (not through `sendText`). */
  readonly fromInput: boolean;
}

/** Failures the viewer caused or can see at the input: not an `lcr-error` (`send`). */
const VIEWER_CAUSED: ReadonlySet<FailureReason> = new Set([
  'muted',
  'sensitive',
  'too-large',
  'too-fast',
  'kicked',
  'cancelled',
  'not-logged-in',
]);

/** Own texts remembered for Retry (the oldest are forgotten first). */
const MAX_REMEMBERED = 200;

export class RoomStore {
  private readonly roomState = new BehaviorSubject<RoomView>(INITIAL_ROOM_VIEW);
  private readonly chat = new Subject<ChatOp>();
  private readonly barrage = new Subject<BarrageItem>();
  private readonly giftCombos = new Subject<GiftCombo>();
  private readonly likeBursts = new Subject<LikeBurst>();
  private readonly likeSendResults = new Subject<{ readonly count: number; readonly result: Promise<SendResult> }>();
  private readonly own = new Subject<OwnMessage>();
  private readonly events = new Subject<LcrEventEntry>();
  private readonly metrics = new Subject<PipelineMetrics>();
  private readonly sessionEnds = new Subject<void>();

  readonly room$: Observable<RoomView> = this.roomState.asObservable();
  readonly chat$: Observable<ChatOp> = this.chat.asObservable();
  readonly barrage$: Observable<BarrageItem> = this.barrage.asObservable();
  readonly gifts$: Observable<GiftCombo> = this.giftCombos.asObservable();
  readonly likes$: Observable<LikeBurst> = this.likeBursts.asObservable();
  /** One aggregated like message handed to the transport, and its outcome. */
  readonly likeSends$ = this.likeSendResults.asObservable();
  readonly own$: Observable<OwnMessage> = this.own.asObservable();
  readonly events$: Observable<LcrEventEntry> = this.events.asObservable();
  readonly metrics$: Observable<PipelineMetrics> = this.metrics.asObservable();
  /** A session ended (stop, restart): per-session state (counts, pending taps) starts over. */
  readonly sessionEnd$: Observable<void> = this.sessionEnds.asObservable();

  private readonly session: RoomSession;
  private started = false;
  /** Own texts by clientId (for Retry), and the callers waiting for their outcome. */
  private readonly sent = new Map<string, { readonly request: TextRequest; readonly fromInput: boolean }>();
  private readonly waiting = new Map<string, (r: TextSendResult) => void>();
  private lastCapacity = 0;

  constructor() {
    const sink: SessionSink = {
      room: (v) => this.onRoom(v),
      event: (e) => this.onEvent(e),
      display: (d) => this.onDisplay(d),
      barrage: (d) => this.barrage.next(barrageItemFrom(d.event, d.folded)),
      gift: (combo) => this.giftCombos.next(combo),
      likes: (burst) => this.likeBursts.next(burst),
      likeSent: (count, result) => this.likeSendResults.next({ count, result }),
      metrics: (m) => this.metrics.next(m),
      echo: (e) => this.onEcho(e),
      cooldown: (retryInMs, clientId) => {
        this.own.next({ clientId, status: 'cooldown', retryInMs, fromInput: this.sent.get(clientId)?.fromInput ?? false });
        this.settle(clientId, { ok: false, reason: 'too-fast' });
      },
      error: (code, message, cause) => this.events.next({ type: 'lcr-error', detail: { code, message, cause } }),
    };
    this.session = new RoomSession(sink);
  }

  get room(): RoomView {
    return this.roomState.value;
  }

  /** A session runs with its pipeline wired: sends and taps have somewhere to go. */
  get active(): boolean {
    return this.started && this.session.wired;
  }

  /** The transport of the running session (host-provided ones included). */
  get transport() {
    return this.session.transport;
  }

  /** Starts (or restarts) the session for `config`. */
  start(config: SessionConfig): Promise<void> {
    this.stop();
    this.started = true;
    this.session.capacity$.next(this.lastCapacity);
    return this.session.start(config);
  }

  /** Idempotent: leaves the room; whoever waits for a send is told it was cancelled. */
  stop(): void {
    this.session.stop();
    const wasStarted = this.started;
    this.started = false;
    if (this.roomState.value !== INITIAL_ROOM_VIEW) this.roomState.next(INITIAL_ROOM_VIEW);
    for (const id of [...this.waiting.keys()]) this.settle(id, { ok: false, reason: 'cancelled' });
    if (wasStarted) this.sessionEnds.next();
  }

  /** Free barrage lanes, from the renderer: the pipeline admits no more than this. */
  capacity(free: number): void {
    this.lastCapacity = free;
    this.session.capacity$.next(free);
  }

  /** A text through the token bucket; resolves when it was sent, failed or refused. */
  sendText(request: TextRequest, fromInput = false): Promise<TextSendResult> {
    this.sent.set(request.clientId, { request, fromInput });
    if (this.sent.size > MAX_REMEMBERED) this.sent.delete(this.sent.keys().next().value!);
    const done = new Promise<TextSendResult>((resolve) => this.waiting.set(request.clientId, resolve));
    if (this.active) this.session.sendText(request);
    else this.settle(request.clientId, { ok: false, reason: 'network' });
    return done;
  }

  /** Sends a failed own text again (same clientId: the room shows it once). */
  retry(clientId: string): void {
    const sent = this.sent.get(clientId);
    if (sent && this.active) this.session.sendText({ ...sent.request, retry: true });
  }

  /** Like taps, aggregated into one Low message per window; false without a session. */
  like(count: number): boolean {
    if (!this.active) return false;
    this.session.like(count);
    return true;
  }

  /** The viewer's own gift, billed: shown now, deduped against the room's copy by its clientId. */
  echoGift(event: GiftEvent): void {
    this.session.echoGift(event);
  }

  /** Any message, straight to the transport (the element's `sendCustom`). */
  sendCustom(wire: OutboundWire): Promise<SendResult> {
    return this.session.sendWire(wire).then((r) => {
      if (!r.ok && !VIEWER_CAUSED.has(r.reason)) {
        this.events.next({ type: 'lcr-error', detail: { code: 'send', message: `A custom message could not be sent (${r.reason})` } });
      }
      return r;
    });
  }

  /** Room data from the host, through the room's own decoder (bad values are dropped and counted). */
  updateRoom(update: RoomUpdate, now = Date.now()): void {
    for (const frame of roomFrames(update, now)) this.session.inject(frame);
  }

  private settle(clientId: string, result: TextSendResult): void {
    const resolve = this.waiting.get(clientId);
    if (!resolve) return;
    this.waiting.delete(clientId);
    resolve(result);
  }

  private onEcho(e: EchoState): void {
    this.chat.next({ op: 'status', id: e.clientId, status: e.status, ...(e.reason ? { reason: e.reason } : {}) });
    const fromInput = this.sent.get(e.clientId)?.fromInput ?? false;
    this.own.next({ clientId: e.clientId, status: e.status, ...(e.reason ? { reason: e.reason } : {}), fromInput });
    if (e.status === 'pending') return;
    if (e.status === 'failed' && !VIEWER_CAUSED.has(e.reason ?? 'unknown')) {
      this.events.next({ type: 'lcr-error', detail: { code: 'send', message: `A message could not be sent (${e.reason ?? 'unknown'})` } });
    }
    this.settle(
      e.clientId,
      e.status === 'sent' ? { ok: true, ...(e.serverId ? { id: e.serverId } : {}) } : { ok: false, reason: e.reason ?? 'unknown' },
    );
  }

  private onRoom(v: RoomView): void {
    const prev = this.roomState.value;
    this.roomState.next(v);
    const emit = (entry: LcrEventEntry): void => this.events.next(entry);
    if (v.state !== prev.state) emit({ type: 'lcr-room-state-change', detail: { state: v.state, previous: prev.state, room: v } });
    if (v.connection !== prev.connection)
      emit({ type: 'lcr-connection-change', detail: { state: v.connection, previous: prev.connection } });
    if (v.kicked && v.kicked !== prev.kicked) {
      emit({ type: 'lcr-kicked', detail: { reason: v.kicked } });
      this.session.stop(); // a kicked session ends cleanly; never auto-rejoin (multi-login loops)
    }
    if (v.muteAll !== prev.muteAll) emit({ type: 'lcr-mute-change', detail: { muted: v.muteAll, scope: 'all', until: 0 } });
    if (v.selfMutedUntil !== prev.selfMutedUntil) {
      emit({ type: 'lcr-mute-change', detail: { muted: v.selfMutedUntil > 0, scope: 'self', until: v.selfMutedUntil } });
    }
  }

  private onEvent(e: RoomEvent): void {
    this.events.next({ type: 'lcr-message', detail: e });
    if (e.kind === 'gift') this.events.next({ type: 'lcr-gift', detail: e });
    switch (e.kind) {
      case 'member-enter':
        this.events.next({ type: 'lcr-member-enter', detail: { userId: e.sender.id, nick: e.sender.nick } });
        this.chat.next({ op: 'push', entry: { id: e.id, kind: 'enter', sender: e.sender, text: '', own: e.own } });
        break;
      case 'system':
        this.chat.next({ op: 'push', entry: { id: e.id, kind: 'system', sender: e.sender, text: e.text, own: false } });
        break;
      case 'recall':
        this.chat.next({ op: 'remove', id: e.targetId });
        break;
      case 'modify':
        this.chat.next({ op: 'text', id: e.targetId, text: e.text });
        break;
    }
  }

  private onDisplay(d: DisplayItem): void {
    const e = d.event;
    const entry: ChatEntry =
      e.kind === 'gift'
        ? { id: e.id, kind: 'gift', sender: e.sender, text: `🎁 ${e.gift.name} ×${e.gift.count}`, own: e.own }
        : {
            id: e.id,
            kind: 'text',
            sender: e.sender,
            text: e.text,
            own: e.own,
            folded: d.folded,
            ...(e.own ? { status: 'pending' as const } : {}),
          };
    this.chat.next({ op: 'push', entry });
  }
}
