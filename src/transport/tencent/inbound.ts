/**
 * One transport's inbound SDK listeners: messages, modifications, recalls, group attributes and
 * group counters, turned into `InboundFrame`s for the joined room only. Owns those listeners
 * (registered in the constructor, removed in `dispose`, never touching other transports'
 * listeners), the bounded id de-duplication (the SDK itself remembers only ~100 ids) and the
 * ordered emission of messages whose sender profile is being filled.
 */
import type { InboundFrame } from '../../protocol/index.ts';
import { belongsToRoom, projectMessage, revokedIds, toPlain, type WireMessage } from './message-mapper.ts';
import { OrderedEmitter } from './ordered-emitter.ts';
import type { ProfileFiller } from './profile-filler.ts';
import { EVENT, type ChatApi, type SdkEvent } from './sdk-types.ts';

export interface InboundOptions {
  readonly chat: ChatApi;
  /** The room this transport is in now (messages of any other room are ignored). */
  readonly roomId: () => string | undefined;
  readonly emit: (frame: InboundFrame) => void;
  readonly filler: ProfileFiller;
  /** The group counter key that holds the room's like total. */
  readonly likesKey: string;
  readonly now: () => number;
}

const asList = (event: SdkEvent): unknown[] => (Array.isArray(event?.data) ? event.data : []);
const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;

export class InboundListeners {
  private readonly ordered: OrderedEmitter<InboundFrame>;
  private disposed = false;

  constructor(private readonly options: InboundOptions) {
    this.ordered = new OrderedEmitter(options.emit);
    const { chat } = options;
    chat.on(EVENT.MESSAGE_RECEIVED, this.onReceived);
    chat.on(EVENT.MESSAGE_MODIFIED, this.onModified);
    chat.on(EVENT.MESSAGE_REVOKED, this.onRevoked);
    chat.on(EVENT.GROUP_ATTRIBUTES_UPDATED, this.onAttributes);
    chat.on(EVENT.GROUP_COUNTER_UPDATED, this.onCounter);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const { chat } = this.options;
    chat.off(EVENT.MESSAGE_RECEIVED, this.onReceived);
    chat.off(EVENT.MESSAGE_MODIFIED, this.onModified);
    chat.off(EVENT.MESSAGE_REVOKED, this.onRevoked);
    chat.off(EVENT.GROUP_ATTRIBUTES_UPDATED, this.onAttributes);
    chat.off(EVENT.GROUP_COUNTER_UPDATED, this.onCounter);
    this.ordered.dispose();
  }

  private roomMessages(event: SdkEvent): WireMessage[] {
    const roomId = this.options.roomId();
    if (this.disposed || !roomId) return [];
    const out: WireMessage[] = [];
    for (const m of asList(event)) {
      if (!belongsToRoom(m, roomId)) continue;
      const wire = projectMessage(m);
      if (wire) out.push(wire);
    }
    return out;
  }

  private readonly onReceived = (event: SdkEvent): void => {
    for (const wire of this.roomMessages(event)) {
      const filled = this.options.filler.fill(wire);
      this.ordered.push(filled instanceof Promise ? filled.then(asMessageFrame) : asMessageFrame(filled));
    }
  };

  // A modified message keeps its id: it is a `modified` frame, which the pipeline's dedupe lets through.
  private readonly onModified = (event: SdkEvent): void => {
    for (const wire of this.roomMessages(event)) this.ordered.push({ kind: 'modified', message: wire });
  };

  private readonly onRevoked = (event: SdkEvent): void => {
    const roomId = this.options.roomId();
    if (this.disposed || !roomId) return;
    const ids = revokedIds(event?.data, roomId);
    if (ids.length) this.ordered.push({ kind: 'revoked', ids });
  };

  private readonly onAttributes = (event: SdkEvent): void => {
    const data = asRecord(event?.data);
    const roomId = this.options.roomId();
    if (this.disposed || !data || !roomId || data.groupID !== roomId) return;
    this.ordered.push({ kind: 'attributes', attributes: toPlain(data.groupAttributes) ?? {}, time: this.options.now() });
  };

  private readonly onCounter = (event: SdkEvent): void => {
    const data = asRecord(event?.data);
    const roomId = this.options.roomId();
    if (this.disposed || !data || !roomId || data.groupID !== roomId || data.key !== this.options.likesKey) return;
    this.ordered.push({ kind: 'like-total', total: toPlain(data.value), time: this.options.now() });
  };
}

function asMessageFrame(message: WireMessage): InboundFrame {
  return { kind: 'message', message };
}
