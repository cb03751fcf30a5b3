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

export function readMeta(cloudCustomData: unknown): MessageMeta {
  if (typeof cloudCustomData !== 'string' || cloudCustomData.length === 0) return { level: 0 };
  const parsed = parseJson(cloudCustomData, 1024);
  if (!parsed.ok || !isRecord(parsed.value)) return { level: 0 };
  const meta = parsed.value.lcr;
  if (!isRecord(meta)) return { level: 0 };
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
  const url = safeUrl(avatar, policy);
  const role: Role = uid === anchorId ? 'anchor' : (meta.role ?? 'member');
  return {
    id: uid,
    nick: cleanText(nick, LIMITS.nickChars) ?? uid,
    ...(url ? { avatar: url } : {}),
    level: meta.level,
    role,
  };
}
