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
  LcrKickedEvent,
  LcrMemberEnterEvent,
  LcrMessageEvent,
  LcrMetricsEvent,
  LcrMuteChangeEvent,
  LcrRoomStateChangeEvent,
} from '../events/index.ts';
import { INITIAL_ROOM_VIEW, type DisplayItem, type RoomView, type TextRequest } from '../pipeline/index.ts';
import type { RoomEvent } from '../protocol/index.ts';
import type { BarrageHost } from './barrage-host.ts';
import type { ChatHost } from './chat-host.ts';
import { RoomSession, type SessionConfig } from './room-session.ts';

type Host = ReactiveControllerHost & HTMLElement & { tick(now: number): void };

export interface SessionHostOptions {
  readonly config: () => SessionConfig | undefined;
  readonly onRoom: (room: RoomView) => void;
  readonly chat: () => ChatHost;
  readonly barrage: () => BarrageHost;
}

export class SessionHost implements ReactiveController {
  private readonly session: RoomSession;
  private room: RoomView = INITIAL_ROOM_VIEW;
  private readonly sent = new Map<string, TextRequest>();
  private clock: ReturnType<typeof setInterval> | undefined;
  private connected = false;

  constructor(
    private readonly host: Host,
    private readonly options: SessionHostOptions,
  ) {
    host.addController(this);
    this.session = new RoomSession({
      room: (v) => this.onRoom(v),
      event: (e) => this.onEvent(e),
      display: (d) => this.onDisplay(d),
      barrage: (d) => void options.barrage().push(barrageItemFrom(d.event, d.folded)),
      gift: () => undefined, // banners and effects: the gifts layer (next issue)
      likes: () => undefined,
      metrics: (m) => host.dispatchEvent(new LcrMetricsEvent({ ...m, ...(options.barrage().stats() ? { barrage: options.barrage().stats()! } : {}) })),
      echo: (e) => options.chat().setStatus(e.clientId, e.status, e.reason),
      cooldown: () => undefined,
      error: (code, message, cause) => host.dispatchEvent(new LcrErrorEvent({ code, message, cause })),
    });
  }

  hostConnected(): void {
    this.connected = true;
    void this.host.updateComplete.then(() => this.connected && this.restart());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.session.stop();
    this.stopClock();
    this.room = INITIAL_ROOM_VIEW;
  }

  restart(): void {
    this.session.stop();
    const config = this.options.config();
    if (!this.connected || !config) return;
    void this.session.start(config);
  }

  capacity(free: number): void {
    this.session.capacity$.next(free);
  }

  send(request: TextRequest): void {
    this.sent.set(request.clientId, request);
    if (this.sent.size > 200) this.sent.delete(this.sent.keys().next().value as string);
    this.session.sendText(request);
  }

  retry(clientId: string): void {
    const request = this.sent.get(clientId);
    if (request) this.session.sendText({ ...request, retry: true });
  }

  get transport() {
    return this.session.transport;
  }

  private onRoom(v: RoomView): void {
    const prev = this.room;
    this.room = v;
    this.options.onRoom(v);
    if (v.state !== prev.state) this.host.dispatchEvent(new LcrRoomStateChangeEvent({ state: v.state, previous: prev.state, room: v }));
    if (v.connection !== prev.connection) this.host.dispatchEvent(new LcrConnectionChangeEvent({ state: v.connection, previous: prev.connection }));
    if (v.kicked && v.kicked !== prev.kicked) {
      this.host.dispatchEvent(new LcrKickedEvent({ reason: v.kicked }));
      this.session.stop(); // a kicked session ends cleanly; never auto-rejoin (multi-login loops)
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
    chat.push({ id: e.id, kind: 'text', sender: e.sender, text: e.text, own: e.own, folded: d.folded, ...(e.own ? { status: 'pending' as const } : {}) });
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
