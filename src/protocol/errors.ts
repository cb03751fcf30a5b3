/** Maps Tencent Cloud Chat error codes (docs/tencent-sdk.md#error-codes) to the protocol's failure reasons. */
import type { FailureReason } from './types.ts';

export function failureFromCode(code: unknown): FailureReason {
  const c = typeof code === 'number' ? code : typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : NaN;
  switch (c) {
    case 10016:
      return 'rejected';
    case 10017:
      return 'muted';
    case 80001:
      return 'sensitive';
    case 80002:
      return 'too-large';
    case 10023:
    case 2996:
      return 'too-fast';
    case 10010:
    case 10015:
      return 'room-gone';
    case 2024:
      return 'not-logged-in';
    case 70001:
      return 'sig-expired';
    case 2800:
    case 2801:
    case 2805:
      return 'network';
  }
  if (c >= 3002 && c <= 3006) return 'kicked';
  return 'unknown';
}

/** Failures worth a retry button (the same message may go through later). */
export function isRetryable(reason: FailureReason): boolean {
  return reason === 'network' || reason === 'too-fast' || reason === 'unknown' || reason === 'sig-expired';
}
