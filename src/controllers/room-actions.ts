/**
 * What the viewer (or the host, through the element's methods) asks the room to do: send a text,
 * a gift, likes, a custom command, or a local room update. One path per action for UI and API:
 * who may act (guests are routed to `lcr-login-request`, muted and kicked viewers are refused),
 * the cancelable `lcr-send-request`, then the room store's commands.
 * Must not: keep state of its own beyond what the controllers it calls hold.
 */
import type { ChatInputStatus } from '../chat/chat-input-rules.ts';
import type { ChatInputController } from '../chat/chat-input.ts';
import type { RoomUpdate } from '../store/room-update.ts';
import { emit } from '../events/index.ts';
import type { RoomView } from '../pipeline/index.ts';
import { encodeCommand, type FailureReason, type JsonValue, type Priority, type SendResult } from '../protocol/index.ts';
import type { GiftController } from './gift-controller.ts';
import type { GiftSendResult } from './gift-sender.ts';
import type { LikeController } from './like-controller.ts';
import type { TextSendResult } from '../store/room-store.ts';
import type { StoreLink } from './store-link.ts';

export interface RoomActionsDeps {
  readonly host: HTMLElement;
  readonly userId: () => string;
  readonly nick: () => string;
  readonly link: StoreLink;
  readonly input: () => ChatInputController;
  readonly gifts: () => GiftController;
  readonly likes: () => LikeController;
}

/** The input's status from the room view: mute, ban and kick apply the moment the view changes. */
export function inputStatus(r: RoomView, guest: boolean): ChatInputStatus {
  return {
    guest,
    kicked: r.kicked,
    muteAll: r.muteAll,
    mutedUntil: r.selfMutedUntil,
    bannedUntil: r.selfBannedUntil,
    connection: r.connection === 'idle' ? 'connecting' : r.connection,
  };
}

const refused = <R extends { ok: false; reason: unknown }>(reason: R['reason']) => Promise.resolve({ ok: false, reason } as R);

export class RoomActions {
  constructor(private readonly d: RoomActionsDeps) {}

  requestLogin(reason: 'chat' | 'like' | 'gift'): void {
    emit(this.d.host, 'lcr-login-request', { reason });
  }

  /** Texts from the input and from `sendText`: checks, `lcr-send-request`, the token bucket. */
  submitText(text: string, fromInput: boolean): { clientId?: string; done: Promise<TextSendResult> } {
    const fail = (reason: FailureReason) => ({ done: refused<{ ok: false; reason: FailureReason }>(reason) });
    const userId = this.d.userId();
    if (!userId) {
      this.requestLogin('chat');
      return fail('not-logged-in');
    }
    const block = this.d.input().block;
    if (block && block.kind !== 'offline') return fail(block.kind === 'kicked' ? 'kicked' : 'muted');
    const store = this.d.link.current;
    if (!store?.active) return fail('network');
    const clientId = `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    if (!emit(this.d.host, 'lcr-send-request', { kind: 'text', text, clientId })) return fail('cancelled');
    const sender = { id: userId, nick: this.d.nick() || userId, level: 0, role: 'member' as const };
    return { clientId, done: store.sendText({ clientId, text, sender }, fromInput) };
  }

  sendGift(giftId: string, count: number): Promise<GiftSendResult> {
    if (!this.d.userId()) {
      this.requestLogin('gift');
      return refused<GiftSendResult & { ok: false }>('not-logged-in');
    }
    return this.d.gifts().sender.send(String(giftId), count, true);
  }

  like(count: number): Promise<SendResult> {
    if (!this.d.userId()) {
      this.requestLogin('like');
      return refused<SendResult & { ok: false }>('not-logged-in');
    }
    return this.d.likes().tap(count, true);
  }

  sendCustom(cmd: string, info: Record<string, JsonValue>, priority: Priority): Promise<SendResult> {
    if (!this.d.userId()) return refused<SendResult & { ok: false }>('not-logged-in');
    if (!emit(this.d.host, 'lcr-send-request', { kind: 'custom', cmd })) return refused<SendResult & { ok: false }>('cancelled');
    const encoded = encodeCommand(cmd, info, { level: 0 }, priority);
    if (!encoded.ok) return refused<SendResult & { ok: false }>(encoded.reason === 'too-large' ? 'too-large' : 'rejected');
    const store = this.d.link.current;
    return store ? store.sendCustom(encoded.wire) : refused<SendResult & { ok: false }>('network');
  }

  /** Room data from the host, decoded like the room's own (bad values are dropped and counted). */
  updateRoom(update: RoomUpdate): void {
    this.d.link.current?.updateRoom(update);
  }
}
