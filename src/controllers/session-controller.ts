/**
 * Connects the room session to the element: starts it on connect (and when the room or the
 * identity changes), stops it on disconnect, and routes its outputs — room view, chat lines,
 * barrage items, host events — to their owners. Also owns the countdown tick.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { barrageItemFrom } from '../barrage/barrage-item.ts';
import {
  LcrConnectionChangeEvent,
  LcrErrorEvent,
  LcrGiftEvent,
  LcrKickedEvent,
  LcrMemberEnterEvent,
  LcrMessageEvent,
  LcrMetricsEvent,
  LcrMuteChangeEvent,
  LcrRoomStateChangeEvent,
} from '../events/index.ts';
import { INITIAL_ROOM_VIEW, type DisplayItem, type RoomView } from '../pipeline/types.ts';
import type { TextRequest } from '../pipeline/create-room-pipeline.ts';
import type { ChatInputController } from '../chat/chat-input.ts';
import type { FailureReason, InboundFrame, OutboundWire, RoomEvent, SendResult } from '../protocol/index.ts';
import type { BarrageController } from './barrage-controller.ts';
import type { ChatController } from './chat-controller.ts';
import type { GiftController } from './gift-controller.ts';
import type { LikeController } from './like-controller.ts';
import type { RoomSession, SessionConfig, SessionSink } from './room-session.ts';

/** The session code (RxJS, the pipeline, the transports) is its own chunk, loaded on first connect. */
let sessionModule: Promise<typeof import('./room-session.ts')> | undefined;
const loadSession = () => (sessionModule ??= import('./room-session.ts'));

type Host = ReactiveControllerHost & HTMLElement & { tick(now: number): void };

export interface SessionControllerOptions {
  readonly config: () => SessionConfig | undefined;
  readonly onRoom: (room: RoomView) => void;
  readonly chat: () => ChatController;
  readonly barrage: () => BarrageController;
  /** The interactions (input, likes, gifts), once their chunk is here. */
  readonly ui: () => { readonly gifts: GiftController; readonly likes: LikeController; readonly input: ChatInputController } | undefined;
  /** Resolves when they are: the session starts after, so no gift or echo finds them missing. */
  readonly ready: () => Promise<unknown>;
  /** Resolves when the session's chunk may be fetched (after the video's first frame). */
  readonly after?: () => Promise<void>;
}

export type TextSendResult = { readonly ok: true; readonly id?: string } | { readonly ok: false; readonly reason: FailureReason };

export class SessionController implements ReactiveController {
  private session: RoomSession | undefined;
  private readonly sink: SessionSink;
  private generation = 0;
  private lastCapacity = 0;
  private room: RoomView = INITIAL_ROOM_VIEW;
  private readonly sent = new Map<string, TextRequest>();
  private readonly waiting = new Map<string, (r: TextSendResult) => void>();
  /** The text the input last sent: its failure is shown at the input too. */
  private lastInputId: string | undefined;
  private started = false;
  private clock: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: Host,
    private readonly options: SessionControllerOptions,
  ) {
    host.addController(this);
    this.sink = {
      room: (v) => this.onRoom(v),
      event: (e) => this.onEvent(e),
      display: (d) => this.onDisplay(d),
      barrage: (d) => void options.barrage().push(barrageItemFrom(d.event, d.folded)),
      gift: (combo) => options.ui()?.gifts.onCombo(combo),
      likes: (burst) => options.ui()?.likes.received(burst),
      likeSent: (count, result) => options.ui()?.likes.sent(count, result),
      giftBatch: (batch) => void options.ui()?.gifts.sender.batch(batch),
      metrics: (m) => {
        const barrage = options.barrage().stats();
        const gifts = options.ui()?.gifts.stats();
        const hearts = options.ui()?.likes.hearts?.stats();
        host.dispatchEvent(
          new LcrMetricsEvent({
            ...m,
            ...(barrage ? { barrage } : {}),
            ...(gifts ? { gifts: { ...gifts } } : {}),
            ...(hearts ? { hearts: { ...hearts } } : {}),
          }),
        );
      },
      echo: (e) => {
        options.chat().setStatus(e.clientId, e.status, e.reason);
        if (e.status === 'pending') return;
        if (e.status === 'failed' && e.reason && e.clientId === this.lastInputId) options.ui()?.input.showFailure(e.reason);
        this.settle(
          e.clientId,
          e.status === 'sent' ? { ok: true, ...(e.serverId ? { id: e.serverId } : {}) } : { ok: false, reason: e.reason ?? 'unknown' },
        );
      },
      cooldown: (ms, clientId) => {
        options.ui()?.input.cooldown(ms, clientId);
        this.settle(clientId, { ok: false, reason: 'too-fast' });
      },
      error: (code, message, cause) => host.dispatchEvent(new LcrErrorEvent({ code, message, cause })),
    };
  }

  hostConnected(): void {
    this.connected = true;
    void this.host.updateComplete.then(() => this.connected && this.restart());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
    this.stopClock();
  }

  private stop(): void {
    this.generation++;
    this.session?.stop();
    this.started = false;
    this.room = INITIAL_ROOM_VIEW;
    for (const id of [...this.waiting.keys()]) this.settle(id, { ok: false, reason: 'cancelled' });
    this.options.ui()?.likes.reset();
    this.options.ui()?.gifts.sender.reset();
  }

  restart(): void {
    this.stop();
    const config = this.options.config();
    if (!this.connected || !config) return;
    this.started = true;
    const generation = this.generation;
    void Promise.resolve(this.options.after?.())
      .then(() => Promise.all([loadSession(), this.options.ready()]))
      .then(
        ([{ RoomSession }]) => {
          if (generation !== this.generation) return;
          this.session ??= new RoomSession(this.sink);
          this.session.capacity$.next(this.lastCapacity);
          void this.session.start(config);
        },
        (err: unknown) => this.sink.error('transport', `Could not load the room: ${(err as Error).message}`, err),
      );
  }

  /** Whether a room session runs with its pipeline wired (taps and sends have somewhere to go). */
  get active(): boolean {
    return this.started && !!this.session?.wired;
  }

  capacity(free: number): void {
    this.lastCapacity = free;
    this.session?.capacity$.next(free);
  }

  /** A text through the token bucket; resolves when it was sent, failed or refused. */
  send(request: TextRequest, fromInput = false): Promise<TextSendResult> {
    this.sent.set(request.clientId, request);
    if (this.sent.size > 200) this.sent.delete(this.sent.keys().next().value as string);
    if (fromInput) this.lastInputId = request.clientId;
    const done = new Promise<TextSendResult>((resolve) => this.waiting.set(request.clientId, resolve));
    if (this.session) this.session.sendText(request);
    else this.settle(request.clientId, { ok: false, reason: 'network' });
    return done;
  }

  like(count: number): boolean {
    if (!this.active) return false;
    this.session!.like(count);
    return true;
  }

  tapGift(giftId: string, count: number, preset: boolean): boolean {
    if (!this.active) return false;
    this.session!.tapGift({ giftId, count, preset });
    return true;
  }

  echoGift(...args: Parameters<RoomSession['echoGift']>): void {
    this.session?.echoGift(...args);
  }

  inject(frame: InboundFrame): void {
    this.session?.inject(frame);
  }

  sendWire(wire: OutboundWire): Promise<SendResult> {
    return this.session ? this.session.sendWire(wire) : Promise.resolve({ ok: false, reason: 'network' });
  }

  private settle(clientId: string, result: TextSendResult): void {
    const resolve = this.waiting.get(clientId);
    if (!resolve) return;
    this.waiting.delete(clientId);
    resolve(result);
  }

  retry(clientId: string): void {
    const request = this.sent.get(clientId);
    if (request) this.session?.sendText({ ...request, retry: true });
  }

  get transport() {
    return this.session?.transport;
  }

  private onRoom(v: RoomView): void {
    const prev = this.room;
    this.room = v;
    this.options.onRoom(v);
    this.options.ui()?.likes.serverTotal(v.likeTotal);
    if (v.state !== prev.state) this.host.dispatchEvent(new LcrRoomStateChangeEvent({ state: v.state, previous: prev.state, room: v }));
    if (v.connection !== prev.connection)
      this.host.dispatchEvent(new LcrConnectionChangeEvent({ state: v.connection, previous: prev.connection }));
    if (v.kicked && v.kicked !== prev.kicked) {
      this.host.dispatchEvent(new LcrKickedEvent({ reason: v.kicked }));
      this.session?.stop(); // a kicked session ends cleanly; never auto-rejoin (multi-login loops)
    }
    if (v.muteAll !== prev.muteAll) this.host.dispatchEvent(new LcrMuteChangeEvent({ muted: v.muteAll, scope: 'all', until: 0 }));
    if (v.selfMutedUntil !== prev.selfMutedUntil) {
      this.host.dispatchEvent(new LcrMuteChangeEvent({ muted: v.selfMutedUntil > 0, scope: 'self', until: v.selfMutedUntil }));
    }
    if (v.state === 'upcoming' && v.startTime) this.startClock();
    else this.stopClock();
  }

  private onEvent(e: RoomEvent): void {
    this.host.dispatchEvent(new LcrMessageEvent(e));
    if (e.kind === 'gift') this.host.dispatchEvent(new LcrGiftEvent(e));
    const chat = this.options.chat();
    switch (e.kind) {
      case 'member-enter':
        this.host.dispatchEvent(new LcrMemberEnterEvent({ userId: e.sender.id, nick: e.sender.nick }));
        chat.push({ id: e.id, kind: 'enter', sender: e.sender, text: '', own: e.own });
        break;
      case 'system':
        chat.push({ id: e.id, kind: 'system', sender: e.sender, text: e.text, own: false });
        break;
      case 'recall':
        chat.remove(e.targetId);
        break;
      case 'modify':
        chat.replaceText(e.targetId, e.text);
        break;
    }
  }

  private onDisplay(d: DisplayItem): void {
    const e = d.event;
    const chat = this.options.chat();
    if (e.kind === 'gift') {
      chat.push({ id: e.id, kind: 'gift', sender: e.sender, text: `🎁 ${e.gift.name} ×${e.gift.count}`, own: e.own });
      return;
    }
    chat.push({
      id: e.id,
      kind: 'text',
      sender: e.sender,
      text: e.text,
      own: e.own,
      folded: d.folded,
      ...(e.own ? { status: 'pending' as const } : {}),
    });
  }

  private startClock(): void {
    if (this.clock !== undefined) return;
    this.host.tick(Date.now());
    this.clock = setInterval(() => this.host.tick(Date.now()), 1000);
  }

  private stopClock(): void {
    if (this.clock !== undefined) clearInterval(this.clock);
    this.clock = undefined;
  }
}
