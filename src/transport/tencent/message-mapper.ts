/**
 * Projects SDK `Message` objects onto the plain-data wire shape every adapter emits in
 * `InboundFrame.message`, and decides which messages belong to the joined room. Pure functions: no
 * SDK object ever leaves this module, only copies of plain fields (bounded in depth and breadth).
 * Validation of the content is the decoder's job (src/protocol), not ours.
 */
import { TYPE_VALUES } from './sdk-types.ts';

/** The plain projection of a Tencent `Message` (field names as in the SDK). */
export interface WireMessage {
  readonly ID: string;
  readonly type: string;
  readonly payload: unknown;
  readonly from: string;
  readonly nick: string;
  readonly avatar: string;
  /** Seconds, as the SDK gives it. */
  readonly time: number;
  readonly priority: string;
  readonly cloudCustomData: string;
  readonly isRevoked?: boolean;
  readonly hasRiskContent?: boolean;
  readonly isBroadcastMessage?: boolean;
}

const MAX_DEPTH = 8;
const MAX_KEYS = 100;
const MAX_ITEMS = 200;

/**
 * A JSON-like copy: strings, finite numbers, booleans, null, arrays and objects (own enumerable
 * keys); functions, symbols and anything deeper or wider than the caps are left out.
 */
export function toPlain(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : undefined;
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value.slice(0, MAX_ITEMS)) {
      const copy = toPlain(item, depth + 1);
      if (copy !== undefined) out.push(copy);
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const key of Object.keys(value)) {
    if (n >= MAX_KEYS) break;
    if (key === '__proto__') continue;
    const copy = toPlain((value as Record<string, unknown>)[key], depth + 1);
    if (copy !== undefined) {
      out[key] = copy;
      n++;
    }
  }
  return out;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : undefined;

/** The plain projection, or undefined when the input has no usable message id. */
export function projectMessage(input: unknown): WireMessage | undefined {
  const m = rec(input);
  if (!m || typeof m.ID !== 'string' || m.ID.length === 0) return undefined;
  return {
    ID: m.ID,
    type: str(m.type),
    payload: toPlain(m.payload) ?? {},
    from: str(m.from),
    nick: str(m.nick),
    avatar: str(m.avatar),
    time: num(m.time),
    priority: str(m.priority) || TYPE_VALUES.MSG_PRIORITY_NORMAL,
    cloudCustomData: str(m.cloudCustomData),
    ...(m.isRevoked === true ? { isRevoked: true } : {}),
    ...(m.hasRiskContent === true ? { hasRiskContent: true } : {}),
    ...(m.isBroadcastMessage === true ? { isBroadcastMessage: true } : {}),
  };
}

/**
 * True for messages of the joined live room: group messages addressed to it, tips and system
 * notices naming it in `payload.groupProfile.groupID` (system notices are addressed to the user),
 * and app-wide broadcasts (they reach every live room by design).
 */
export function belongsToRoom(input: unknown, roomId: string): boolean {
  const m = rec(input);
  if (!m || !roomId) return false;
  if (m.isBroadcastMessage === true) return true;
  if (m.conversationID === `${TYPE_VALUES.CONV_GROUP}${roomId}`) return true;
  if (m.to === roomId && (m.conversationType === undefined || m.conversationType === TYPE_VALUES.CONV_GROUP)) return true;
  const profile = rec(rec(m.payload)?.groupProfile);
  return profile?.groupID === roomId;
}

/** Ids of the room's messages in a `MESSAGE_REVOKED` batch. */
export function revokedIds(list: unknown, roomId: string): string[] {
  if (!Array.isArray(list)) return [];
  return list
    .filter((m) => belongsToRoom(m, roomId))
    .map((m) => rec(m)?.ID)
    .filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** The group profile fields a live room uses, copied plain (others are dropped on purpose). */
export function projectGroupProfile(input: unknown, audience?: number): Record<string, unknown> | undefined {
  const g = rec(input);
  if (!g) return undefined;
  const out: Record<string, unknown> = {};
  if (typeof g.notification === 'string') out.notification = g.notification;
  if (typeof g.introduction === 'string') out.introduction = g.introduction;
  if (typeof g.muteAllMembers === 'boolean') out.muteAllMembers = g.muteAllMembers;
  // The online count is what a live room shows; `memberCount` is only a fallback.
  const members = audience ?? (typeof g.memberCount === 'number' ? g.memberCount : undefined);
  if (members !== undefined && Number.isFinite(members)) out.memberNum = members;
  return Object.keys(out).length ? out : undefined;
}
