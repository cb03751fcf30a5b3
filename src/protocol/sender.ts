/** Builds a validated `Sender` and reads our per-message metadata from `cloudCustomData`. */
import type { DecodeContext } from './context.ts';
import { LIMITS } from './limits.ts';
import { cleanId, cleanText, intIn, isRecord, parseJson, safeUrl } from './sanitize.ts';
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
  return JSON.stringify({
    lcr: { level: meta.level, ...(meta.role ? { role: meta.role } : {}), ...(meta.clientId ? { cid: meta.clientId } : {}) },
  });
}

/** The system "sender" of control events that no user sent. */
export const SYSTEM_SENDER: Sender = { id: '@TIM#SYSTEM', nick: 'system', level: 0, role: 'admin', trusted: true };

/**
 * Identities no viewer can log in as: Tencent's system sender and the REST API's default admin
 * account (a UserSig service must never sign for them; docs/security.md).
 */
export const SYSTEM_IDS: ReadonlySet<string> = new Set(['@TIM#SYSTEM', 'administrator']);

/** Whether `id` may send control commands, gifts and role claims (docs/security.md). */
export function isTrustedId(id: string, ctx: Pick<DecodeContext, 'anchorId' | 'trustedIds'>): boolean {
  return SYSTEM_IDS.has(id) || id === ctx.anchorId || (ctx.trustedIds?.has(id) ?? false);
}

/**
 * An avatar URL from a message: `https:` or same-origin, and on the host's avatar allow-list.
 * Without a list no avatar from a message is loaded (the UI draws a generated one), so a viewer
 * cannot make every other viewer fetch a URL of their choosing.
 */
export function avatarUrl(avatar: unknown, ctx: Pick<DecodeContext, 'origin' | 'allowAvatarUrl'>): string | undefined {
  if (avatar === undefined || avatar === '' || !ctx.allowAvatarUrl) return undefined;
  return safeUrl(avatar, { ...(ctx.origin ? { origin: ctx.origin } : {}), allowUrl: ctx.allowAvatarUrl });
}

/**
 * A validated sender. The role comes from ids (the anchor, trusted ids) and, for a trusted
 * sender only, from its metadata: a viewer's own `role` claim is ignored. The level is the
 * server-set one (the business server's before-send callback rewrites `cloudCustomData`).
 */
export function makeSender(id: unknown, nick: unknown, avatar: unknown, meta: MessageMeta, ctx: DecodeContext): Sender | undefined {
  const uid = cleanId(id, LIMITS.userIdChars);
  if (!uid) return undefined;
  const url = avatarUrl(avatar, ctx);
  const trusted = isTrustedId(uid, ctx);
  const role: Role = uid === ctx.anchorId ? 'anchor' : trusted ? (meta.role ?? 'admin') : 'member';
  const name = cleanText(nick, LIMITS.nickChars) ?? uid;
  const sender: { -readonly [K in keyof Sender]: Sender[K] } = { id: uid, nick: name, level: meta.level, role };
  if (url) sender.avatar = url;
  if (trusted) sender.trusted = true;
  return sender;
}
