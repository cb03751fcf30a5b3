/**
 * Decoding and encoding of custom messages: `{version, businessID, data: {cmd, cmdInfo}}`
 * (docs/gift-protocol.md#the-envelope). The gift command stays wire-compatible with Tencent's live room kit.
 */
import { BUSINESS_ID, CMD, ENVELOPE_VERSION } from './commands.ts';
import type { DecodeContext } from './context.ts';
import { LIMITS } from './limits.ts';
import { jsonCache } from './json-cache.ts';
import { boundedJson, capBytes, cleanId, cleanText, intIn, isRecord, safeUrl } from './sanitize.ts';
import { avatarUrl } from './sender.ts';
import type { DecodeResult, GiftInfo, GiftType, JsonValue, RoomEvent, RoomStateName, Sender } from './types.ts';
import { ROOM_STATES } from './types.ts';

/** The parts of a message every decoded event shares (id, time, sender, …). */
export type EventBase = Pick<RoomEvent, 'id' | 'time' | 'priority' | 'sender' | 'own'> & { clientId?: string };

const fail = (reason: Extract<DecodeResult, { ok: false }>['reason'], detail?: string): DecodeResult => ({
  ok: false,
  reason,
  ...(detail ? { detail } : {}),
});
const one = (event: RoomEvent): DecodeResult => ({ ok: true, events: [event] });
/** Likes repeat one envelope text, gifts a few: each distinct text is parsed and checked once. */
const envelopes = jsonCache(LIMITS.bodyBytes);

/** Reads an envelope from `payload.data`, which some senders put as JSON text and the kit as-is. */
export function decodeCustom(data: unknown, base: EventBase, ctx: DecodeContext): DecodeResult {
  const parsed = envelopes.parse(data);
  if (!parsed.ok) return fail(parsed.reason);
  const env = parsed.value;
  if (!isRecord(env) || !isRecord(env.data)) return fail('bad-envelope');
  if (env.businessID !== undefined && typeof env.businessID !== 'string') return fail('bad-envelope');
  const cmd = typeof env.data.cmd === 'string' ? cleanId(env.data.cmd, LIMITS.cmdChars) : undefined;
  if (!cmd) return fail('bad-envelope', 'cmd');
  const info = env.data.cmdInfo ?? {};
  if (!isRecord(info)) return fail('bad-envelope', 'cmdInfo');
  // Trust is decided here, once: only a trusted sender's gifts and control commands take effect.
  if (!base.sender.trusted && SERVER_ONLY.has(cmd)) return fail('untrusted', cmd);
  switch (cmd) {
    // Gifts and likes are the hot custom commands: built without object spreads (bench:pipeline).
    case CMD.gift: {
      const gift = decodeGift(info, ctx);
      if (!gift) return fail('bad-field', 'gift');
      const { id, time, priority, clientId } = base;
      const sender = gifter(info, base, ctx);
      if (!sender) return fail('bad-field', 'gift sender');
      const own = ctx.selfId !== undefined && sender.id === ctx.selfId;
      return one(
        clientId
          ? { kind: 'gift', id, time, priority, sender, own, clientId, gift }
          : { kind: 'gift', id, time, priority, sender, own, gift },
      );
    }
    case CMD.like: {
      const count = intIn(info.count ?? 1, LIMITS.likeCountMin, LIMITS.likeCountMax);
      if (count === undefined) return fail('bad-field', 'like count');
      const { id, time, priority, sender, own, clientId } = base;
      return one(
        clientId
          ? { kind: 'like', id, time, priority, sender, own, clientId, count }
          : { kind: 'like', id, time, priority, sender, own, count },
      );
    }
    case CMD.roomState:
      return decodeRoomState(info, base, ctx);
    case CMD.announcement: {
      const text =
        typeof info.text === 'string'
          ? capBytes(cleanText(info.text, LIMITS.announcementBytes) ?? '', LIMITS.announcementBytes)
          : undefined;
      return text === undefined ? fail('bad-field', 'announcement') : one({ ...base, kind: 'announcement', text });
    }
    case CMD.audience: {
      const count = intIn(info.count, 0, LIMITS.audienceMax);
      return count === undefined ? fail('bad-field', 'audience') : one({ ...base, kind: 'audience', count });
    }
    case CMD.enter:
      return one({ ...base, kind: 'member-enter' });
    case CMD.system: {
      const text = cleanText(info.text, LIMITS.systemTextChars);
      return text ? one({ ...base, kind: 'system', text }) : fail('empty');
    }
    default:
      return one({ ...base, kind: 'custom', cmd, info: boundedJson(info) });
  }
}

/** Commands that only the business server (REST API), the system or a trusted id may send. */
const SERVER_ONLY: ReadonlySet<string> = new Set([CMD.gift, CMD.roomState, CMD.announcement, CMD.audience, CMD.system]);

/**
 * Who gave a gift. The business server sends a billed gift from its trusted account and names
 * the viewer who paid in `cmdInfo` (`senderID`, `senderNick`, `senderAvatar`; the kit ignores
 * fields it does not know). Without them the trusted sender itself gave it.
 */
function gifter(info: Record<string, unknown>, base: EventBase, ctx: DecodeContext): Sender | undefined {
  if (info.senderID === undefined) return base.sender;
  const id = cleanId(info.senderID, LIMITS.userIdChars);
  if (!id) return undefined;
  const avatar = avatarUrl(info.senderAvatar, ctx);
  const nick = cleanText(info.senderNick, LIMITS.nickChars) ?? id;
  const role = id === ctx.anchorId ? 'anchor' : 'member';
  return avatar ? { id, nick, avatar, level: base.sender.level, role } : { id, nick, level: base.sender.level, role };
}

function decodeGift(info: Record<string, unknown>, ctx: DecodeContext): GiftInfo | undefined {
  const type = intIn(info.type ?? 1, 1, 3) as GiftType | undefined;
  const count = intIn(info.giftCount ?? 1, LIMITS.giftCountMin, LIMITS.giftCountMax);
  const name = cleanText(info.giftName, LIMITS.giftNameChars);
  if (type === undefined || count === undefined || !name) return undefined;
  const imageUrl = safeUrl(info.giftUrl, ctx);
  const effectUrl = type === 3 ? safeUrl(info.giftSEUrl, ctx) : undefined;
  const giftId = cleanId(info.giftId);
  return {
    type,
    name,
    count,
    units: cleanText(info.giftUnits, LIMITS.giftUnitsChars) ?? '',
    ...(imageUrl ? { imageUrl } : {}),
    ...(effectUrl ? { effectUrl } : {}),
    ...(giftId ? { giftId } : {}),
  };
}

/** Room state from a command or from group attributes (both use the same field names). */
export function decodeRoomState(info: Record<string, unknown>, base: EventBase, ctx: DecodeContext): DecodeResult {
  const state: RoomStateName | undefined = ROOM_STATES.find((s) => s === info.state);
  if (!state) return fail('bad-field', 'state');
  const startTime = intIn(info.startTime, 0, 8.64e15);
  const streamUrl = mediaUrl(info.streamUrl, ctx);
  const replayUrl = mediaUrl(info.replayUrl, ctx);
  return one({
    ...base,
    kind: 'room-state',
    state,
    ...(startTime !== undefined ? { startTime } : {}),
    ...(streamUrl ? { streamUrl } : {}),
    ...(replayUrl ? { replayUrl } : {}),
  });
}

/**
 * A stream or replay URL from the room: same-origin, or on the host's stream-host list. Never
 * any `https:` URL, or whoever can set room state could point every player at their stream. A
 * root-relative URL is the room server's own: resolved against `roomBase` when there is one.
 */
function mediaUrl(v: unknown, ctx: DecodeContext): string | undefined {
  const url = safeUrl(v, ctx.origin ? { origin: ctx.origin } : {});
  if (!url) return undefined;
  if (url.startsWith('/') && !url.startsWith('//')) return roomRelative(url, ctx.roomBase);
  try {
    if (ctx.origin !== undefined && new URL(url).origin === ctx.origin) return url;
    return ctx.allowMediaUrl?.(new URL(url).href) ? url : undefined;
  } catch {
    return undefined;
  }
}

function roomRelative(path: string, base: string | undefined): string | undefined {
  if (base === undefined) return path;
  try {
    return new URL(path, base).href;
  } catch {
    return undefined;
  }
}

/** Builds the envelope text for a command (what `payload.data` carries). */
export function encodeEnvelope(cmd: string, cmdInfo: Record<string, JsonValue>): string {
  return JSON.stringify({ version: ENVELOPE_VERSION, businessID: BUSINESS_ID, data: { cmd, cmdInfo } });
}

/** What a gift message says of `count` of a catalog entry: the business server's and the sender's own copy agree. */
export function giftInfoOf(
  entry: { readonly id: string; readonly name: string; readonly type: GiftType; readonly image?: string; readonly effect?: string },
  count: number,
): GiftInfo {
  return {
    type: entry.type,
    name: entry.name,
    count,
    units: '',
    ...(entry.image ? { imageUrl: entry.image } : {}),
    ...(entry.effect ? { effectUrl: entry.effect } : {}),
    giftId: entry.id,
  };
}

/** The kit's gift payload (docs/gift-protocol.md#gift-message), exactly its field names. */
export function encodeGift(gift: GiftInfo, from?: { id: string; nick: string; avatar?: string }): string {
  return encodeEnvelope(CMD.gift, {
    ...(from ? { senderID: from.id, senderNick: from.nick, ...(from.avatar ? { senderAvatar: from.avatar } : {}) } : {}),
    type: gift.type,
    giftUrl: gift.imageUrl ?? '',
    giftCount: gift.count,
    giftSEUrl: gift.effectUrl ?? '',
    giftName: gift.name,
    giftUnits: gift.units,
    ...(gift.giftId ? { giftId: gift.giftId } : {}),
  });
}
