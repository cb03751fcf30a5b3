/** Builds a validated `Sender` and reads our per-message metadata from `cloudCustomData`. */
import { LIMITS } from './limits.ts';
import { cleanId, cleanText, intIn, isRecord, parseJson, safeUrl, type UrlPolicy } from './sanitize.ts';
import type { Role, Sender } from './types.ts';

const ROLES: readonly Role[] = ['anchor', 'admin', 'member', 'guest'];

/** Metadata we put in `cloudCustomData` as `{"lcr":{"level":3,"role":"admin","cid":"…"}}`. */
export interface MessageMeta {
  readonly level: number;
  readonly role?: Role;
  readonly clientId?: string;
}

const NO_META: MessageMeta = { level: 0 };
/** Senders repeat the same metadata text; a small cache spares a JSON parse per message. */
const metaCache = new Map<string, MessageMeta>();
const META_CACHE_MAX = 512;

export function readMeta(cloudCustomData: unknown): MessageMeta {
  if (typeof cloudCustomData !== 'string' || cloudCustomData.length === 0) return NO_META;
  const cached = metaCache.get(cloudCustomData);
  if (cached) return cached;
  const meta = parseMeta(cloudCustomData);
  // Client ids are unique per message: caching those would only evict useful entries.
  if (meta.clientId === undefined) {
    if (metaCache.size >= META_CACHE_MAX) metaCache.delete(metaCache.keys().next().value as string);
    metaCache.set(cloudCustomData, meta);
  }
  return meta;
}

function parseMeta(cloudCustomData: string): MessageMeta {
  const parsed = parseJson(cloudCustomData, 1024);
  if (!parsed.ok || !isRecord(parsed.value)) return NO_META;
  const meta = parsed.value.lcr;
  if (!isRecord(meta)) return NO_META;
  const role = ROLES.find((r) => r === meta.role);
  const clientId = cleanId(meta.cid);
  return {
    level: intIn(meta.level, 0, LIMITS.levelMax) ?? 0,
    ...(role ? { role } : {}),
    ...(clientId ? { clientId } : {}),
  };
}

export function encodeMeta(meta: MessageMeta): string {
  return JSON.stringify({ lcr: { level: meta.level, ...(meta.role ? { role: meta.role } : {}), ...(meta.clientId ? { cid: meta.clientId } : {}) } });
}

/** The system "sender" of control events that no user sent. */
export const SYSTEM_SENDER: Sender = { id: '@TIM#SYSTEM', nick: 'system', level: 0, role: 'admin' };

export function makeSender(
  id: unknown,
  nick: unknown,
  avatar: unknown,
  meta: MessageMeta,
  policy: UrlPolicy,
  anchorId?: string,
): Sender | undefined {
  const uid = cleanId(id, LIMITS.userIdChars);
  if (!uid) return undefined;
  const url = avatar === undefined || avatar === '' ? undefined : safeUrl(avatar, policy);
  const role: Role = uid === anchorId ? 'anchor' : (meta.role ?? 'member');
  const name = cleanText(nick, LIMITS.nickChars) ?? uid;
  return url ? { id: uid, nick: name, avatar: url, level: meta.level, role } : { id: uid, nick: name, level: meta.level, role };
}
