/** Encoding of everything the client sends, validated against the same limits the decoder uses. */
import { CMD } from './commands.ts';
import { encodeEnvelope, encodeGift } from './envelope.ts';
import { LIMITS } from './limits.ts';
import { checkJson, cleanId, cleanText, intIn, utf8Bytes } from './sanitize.ts';
import { encodeMeta, type MessageMeta } from './sender.ts';
import type { GiftInfo, JsonValue, OutboundWire, Priority } from './types.ts';

export type EncodeResult = { ok: true; wire: OutboundWire } | { ok: false; reason: 'empty' | 'too-large' | 'bad-field' };

export function encodeText(text: string, meta: MessageMeta, priority: Priority = 'normal'): EncodeResult {
  const clean = cleanText(text, LIMITS.textChars);
  if (!clean) return { ok: false, reason: 'empty' };
  if (Array.from(text.trim()).length > LIMITS.textChars) return { ok: false, reason: 'too-large' };
  return { ok: true, wire: { type: 'TIMTextElem', text: clean, priority, cloudCustomData: encodeMeta(meta) } };
}

export function encodeCommand(cmd: string, info: Record<string, JsonValue>, meta: MessageMeta, priority: Priority): EncodeResult {
  if (!cleanId(cmd, LIMITS.cmdChars)) return { ok: false, reason: 'bad-field' };
  if (checkJson(info) !== 'ok') return { ok: false, reason: 'bad-field' };
  return custom(encodeEnvelope(cmd, info), cmd, meta, priority);
}

export function encodeLike(count: number, meta: MessageMeta): EncodeResult {
  const n = intIn(count, LIMITS.likeCountMin, LIMITS.likeCountMax);
  if (n === undefined) return { ok: false, reason: 'bad-field' };
  return custom(encodeEnvelope(CMD.like, { count: n }), CMD.like, meta, 'low');
}

/** Gifts are normally sent by the business server; this is for hosts that send them themselves. */
export function encodeGiftMessage(gift: GiftInfo, meta: MessageMeta): EncodeResult {
  if (intIn(gift.count, LIMITS.giftCountMin, LIMITS.giftCountMax) === undefined) return { ok: false, reason: 'bad-field' };
  return custom(encodeGift(gift), CMD.gift, meta, 'high');
}

function custom(data: string, cmd: string, meta: MessageMeta, priority: Priority): EncodeResult {
  if (utf8Bytes(data) > LIMITS.bodyBytes) return { ok: false, reason: 'too-large' };
  return { ok: true, wire: { type: 'TIMCustomElem', data, description: cmd, extension: '', priority, cloudCustomData: encodeMeta(meta) } };
}
