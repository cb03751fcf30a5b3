/**
 * UserSig issue and verification in Tencent's TLSSigAPIv2 format (docs/tencent-sdk.md#tlssigapiv2-format): HMAC-SHA256 over
 * newline-terminated `TLS.*` lines, wrapped in a JSON document, zlib-deflated, base64, URL-safe
 * (`+`→`*`, `/`→`-`, `=`→`_`). Used by every WebSocket login and every admin REST call.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { ERR } from './errors.ts';

export type SigFailure = 'expired' | 'forged' | 'malformed' | 'wrong-app' | 'wrong-user';

export type SigCheck =
  | { readonly ok: true; readonly time: number; readonly expire: number }
  | { readonly ok: false; readonly reason: SigFailure; readonly code: number };

/** Tencent's account error code for each failure. */
export const SIG_FAILURE_CODE: Record<SigFailure, number> = {
  expired: ERR.sigExpired,
  malformed: ERR.sigMalformed,
  forged: ERR.sigForged,
  'wrong-user': ERR.sigWrongUser,
  'wrong-app': ERR.sigWrongApp,
};

/** A UserSig is small; refuse anything that could make inflate work hard. */
const MAX_SIG_CHARS = 4096;
const MAX_DOC_BYTES = 4096;

function hmac(key: string, userId: string, sdkAppId: number, time: number, expire: number, userBuf?: string): string {
  let content = `TLS.identifier:${userId}\nTLS.sdkappid:${sdkAppId}\nTLS.time:${time}\nTLS.expire:${expire}\n`;
  if (userBuf !== undefined) content += `TLS.userbuf:${userBuf}\n`;
  return createHmac('sha256', key).update(content).digest('base64');
}

const escape = (b64: string): string => b64.replace(/\+/g, '*').replace(/\//g, '-').replace(/=/g, '_');
const unescape = (s: string): string => s.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');

/**
 * Issues a UserSig valid for `expireSeconds` from `nowMs` (milliseconds, the emulator's clock).
 * The field order of the JSON document matches the reference implementation, so for the same
 * second both produce the same string.
 */
export function genUserSig(sdkAppId: number, key: string, userId: string, expireSeconds: number, nowMs: number = Date.now()): string {
  const time = Math.floor(nowMs / 1000);
  const doc = {
    'TLS.ver': '2.0',
    'TLS.identifier': String(userId),
    'TLS.sdkappid': Number(sdkAppId),
    'TLS.time': time,
    'TLS.expire': Number(expireSeconds),
    'TLS.sig': hmac(key, String(userId), Number(sdkAppId), time, Number(expireSeconds)),
  };
  return escape(deflateSync(Buffer.from(JSON.stringify(doc))).toString('base64'));
}

/** Decodes the document inside a UserSig without checking it (undefined when unreadable). */
export function readUserSig(sig: unknown): Record<string, unknown> | undefined {
  if (typeof sig !== 'string' || sig.length === 0 || sig.length > MAX_SIG_CHARS) return undefined;
  if (!/^[A-Za-z0-9*\-_]+$/.test(sig)) return undefined;
  try {
    const raw = inflateSync(Buffer.from(unescape(sig), 'base64'), { maxOutputLength: MAX_DOC_BYTES });
    const doc: unknown = JSON.parse(raw.toString('utf8'));
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc) ? (doc as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const fail = (reason: SigFailure): SigCheck => ({ ok: false, reason, code: SIG_FAILURE_CODE[reason] });

/** Verifies `sig` for `userId` of `sdkAppId` at `nowMs`: ok, or why not (with Tencent's code). */
export function verifyUserSig(sig: unknown, sdkAppId: number, key: string, userId: string, nowMs: number = Date.now()): SigCheck {
  const doc = readUserSig(sig);
  if (!doc) return fail('malformed');
  const identifier = doc['TLS.identifier'];
  const app = doc['TLS.sdkappid'];
  const time = doc['TLS.time'];
  const expire = doc['TLS.expire'];
  const digest = doc['TLS.sig'];
  const userBuf = doc['TLS.userbuf'];
  if (
    typeof identifier !== 'string' ||
    typeof app !== 'number' ||
    typeof time !== 'number' ||
    typeof expire !== 'number' ||
    typeof digest !== 'string' ||
    (userBuf !== undefined && typeof userBuf !== 'string') ||
    !Number.isSafeInteger(time) ||
    !Number.isSafeInteger(expire)
  ) {
    return fail('malformed');
  }
  if (app !== sdkAppId) return fail('wrong-app');
  if (identifier !== userId) return fail('wrong-user');
  const expected = Buffer.from(hmac(key, identifier, app, time, expire, userBuf));
  const given = Buffer.from(digest);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return fail('forged');
  if (time + expire < Math.floor(nowMs / 1000)) return fail('expired');
  return { ok: true, time, expire };
}
