/**
 * Builds the messages the emulator delivers, in the wire shape every adapter agrees on
 * (a plain projection of a Tencent `Message`), and converts between that shape and Tencent's
 * REST `MsgBody`. Owns message IDs and sequence numbers; knows nothing about rooms or sockets.
 */
import { randomInt } from 'node:crypto';
import type { WireMessage, WirePriority } from '../../src/transport/emulator/wire.ts';

export type Content =
  | { readonly type: 'TIMTextElem'; readonly text: string }
  | { readonly type: 'TIMCustomElem'; readonly data: string; readonly description: string; readonly extension: string };

export interface Author {
  readonly userId: string;
  readonly nick: string;
  readonly avatar: string;
}

/** Tencent's system sender of tips and notices. */
export const SYSTEM_ID = '@TIM#SYSTEM';

/** A REST `MsgBody` element (only the kinds the emulator carries). */
export type MsgBodyElem =
  | { MsgType: 'TIMTextElem'; MsgContent: { Text: string } }
  | { MsgType: 'TIMCustomElem'; MsgContent: { Data: string; Desc: string; Ext: string; Sound: string } };

/** A stable Tencent-looking numeric "tiny id" for a user id (IDs look like `<tinyId>-<time>-<n>`). */
function tinyId(userId: string): string {
  let h = 2166136261;
  for (let i = 0; i < userId.length; i++) h = Math.imul(h ^ userId.charCodeAt(i), 16777619) >>> 0;
  return `144115${String(h).padStart(12, '0')}`;
}

export class MessageFactory {
  private counter: number;

  constructor(private readonly now: () => number) {
    // Unique across restarts of the server (the transport de-duplicates by ID), whatever the
    // injected clock says: the start point comes from the OS, not from the test's `random()`.
    this.counter = randomInt(1, 2 ** 31);
  }

  private next(from: string, time: number): string {
    this.counter = (this.counter + 1) % 2 ** 32;
    return `${tinyId(from)}-${time}-${this.counter}`;
  }

  /** Seconds since the epoch (Tencent's `time`). */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  user(author: Author, content: Content, priority: WirePriority, cloudCustomData: string, extra: Partial<WireMessage> = {}): WireMessage {
    const time = this.seconds();
    const payload: Record<string, unknown> =
      content.type === 'TIMTextElem'
        ? { text: content.text }
        : { data: content.data, description: content.description, extension: content.extension };
    return {
      ID: this.next(author.userId, time),
      type: content.type,
      payload,
      from: author.userId,
      nick: author.nick,
      avatar: author.avatar,
      time,
      priority,
      cloudCustomData,
      ...extra,
    };
  }

  /** A group tip (`TIMGroupTipElem`): joins, quits, profile and member changes, bans. */
  tip(payload: Record<string, unknown>, priority: WirePriority = 'High'): WireMessage {
    const time = this.seconds();
    return {
      ID: this.next(SYSTEM_ID, time),
      type: 'TIMGroupTipElem',
      payload,
      from: SYSTEM_ID,
      nick: '',
      avatar: '',
      time,
      priority,
      cloudCustomData: '',
    };
  }

  /** A group system notice (`TIMGroupSystemNoticeElem`): dismissal, custom admin notices. */
  notice(payload: Record<string, unknown>): WireMessage {
    const time = this.seconds();
    return {
      ID: this.next(SYSTEM_ID, time),
      type: 'TIMGroupSystemNoticeElem',
      payload,
      from: SYSTEM_ID,
      nick: '',
      avatar: '',
      time,
      priority: 'High',
      cloudCustomData: '',
    };
  }
}

/** UTF-8 size of what counts against Tencent's 12 KB message limit. */
export function contentBytes(content: Content, cloudCustomData: string): number {
  const parts = content.type === 'TIMTextElem' ? [content.text] : [content.data, content.description, content.extension];
  return parts.reduce((n, s) => n + Buffer.byteLength(s, 'utf8'), Buffer.byteLength(cloudCustomData, 'utf8'));
}

export function msgBodyOf(content: Content): MsgBodyElem[] {
  return content.type === 'TIMTextElem'
    ? [{ MsgType: 'TIMTextElem', MsgContent: { Text: content.text } }]
    : [{ MsgType: 'TIMCustomElem', MsgContent: { Data: content.data, Desc: content.description, Ext: content.extension, Sound: '' } }];
}

/**
 * Reads the first text or custom element of a REST `MsgBody`; undefined when there is none.
 * (A Tencent message may hold several elements; the web SDK's `Message` shows one payload, so
 * the emulator carries the first supported element and ignores the rest.)
 */
export function contentFromMsgBody(body: unknown): Content | undefined {
  if (!Array.isArray(body)) return undefined;
  for (const el of body.slice(0, 8)) {
    if (typeof el !== 'object' || el === null) continue;
    const { MsgType, MsgContent } = el as { MsgType?: unknown; MsgContent?: unknown };
    if (typeof MsgContent !== 'object' || MsgContent === null) continue;
    const c = MsgContent as Record<string, unknown>;
    if (MsgType === 'TIMTextElem' && typeof c.Text === 'string') return { type: 'TIMTextElem', text: c.Text };
    if (MsgType === 'TIMCustomElem' && (typeof c.Data === 'string' || c.Data === undefined)) {
      return {
        type: 'TIMCustomElem',
        data: typeof c.Data === 'string' ? c.Data : '',
        description: typeof c.Desc === 'string' ? c.Desc : '',
        extension: typeof c.Ext === 'string' ? c.Ext : '',
      };
    }
  }
  return undefined;
}
