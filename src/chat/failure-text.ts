/**
 * Why an own message was not sent, as text for the viewer: one i18n key per `FailureReason`
 * (Tencent codes map to reasons in `protocol/errors.ts`: 10016 rejected, 10017 muted,
 * 80001 sensitive, 80002 too large, 10023/2996 too fast, 2024 not logged in, network …).
 */
import { t, type Lang, type StringKey } from '../i18n/index.ts';
import { failureFromCode, type FailureReason } from '../protocol/index.ts';

const KEYS: Readonly<Record<FailureReason, StringKey>> = {
  rejected: 'send.failed.rejected',
  muted: 'send.failed.muted',
  sensitive: 'send.failed.sensitive',
  'too-large': 'send.failed.too-large',
  'too-fast': 'send.failed.too-fast',
  'room-gone': 'send.failed.room-gone',
  'not-logged-in': 'send.failed.not-logged-in',
  kicked: 'send.failed.kicked',
  'sig-expired': 'send.failed.sig-expired',
  network: 'send.failed.network',
  cancelled: 'send.failed.cancelled',
  'insufficient-balance': 'send.failed.insufficient-balance',
  unknown: 'send.failed.unknown',
};

export function failureText(lang: Lang, reason: FailureReason): string {
  return t(lang, Object.hasOwn(KEYS, reason) ? KEYS[reason] : KEYS.unknown);
}

/** The same for a raw Tencent error code. */
export function failureTextForCode(lang: Lang, code: unknown): string {
  return failureText(lang, failureFromCode(code));
}
