/**
 * `billGift`: one gift batch to the business server (`gift-endpoint`), which charges the viewer and
 * then sends the High-priority gift message to the room (SPEC §5). POST JSON
 * `{roomId, userID, giftId, count, clientId}` → `{ok: true, balance?}`; 402 or
 * `{error: "insufficient-balance"}` is a balance failure; anything else that is not a 2xx with
 * `ok !== false` is a failure with a reason the viewer can read.
 *
 * Must not: throw or reject (every outcome is a result), wait longer than `timeoutMs`, or send to a
 * URL that is neither `https:` nor same-origin.
 */
import { safeUrl, type FailureReason } from '../protocol/index.ts';

export interface GiftBillRequest {
  readonly roomId: string;
  readonly userId: string;
  readonly giftId: string;
  readonly count: number;
  readonly clientId: string;
}

export type GiftBillResult =
  | { readonly ok: true; readonly balance?: number }
  | { readonly ok: false; readonly reason: FailureReason; readonly status?: number; readonly balance?: number };

export interface GiftBillOptions {
  readonly fetch?: typeof fetch;
  /** Default 10 s. */
  readonly timeoutMs?: number;
  readonly origin?: string;
}

const balanceOf = (body: unknown): number | undefined => {
  const b = (body as { balance?: unknown } | null)?.balance;
  return typeof b === 'number' && Number.isFinite(b) && b >= 0 ? b : undefined;
};

export async function billGift(endpoint: string, req: GiftBillRequest, options: GiftBillOptions = {}): Promise<GiftBillResult> {
  const origin = options.origin ?? (typeof location === 'object' ? location.origin : undefined);
  const checked = safeUrl(endpoint, origin ? { origin } : {});
  if (!checked) return { ok: false, reason: 'rejected' };
  const doFetch = options.fetch ?? fetch;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 10_000);
  try {
    const res = await doFetch(new URL(checked, origin).href, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ roomId: req.roomId, userID: req.userId, giftId: req.giftId, count: req.count, clientId: req.clientId }),
      signal: abort.signal,
    });
    let body: unknown = null;
    try {
      body = await res.json();
    } catch {
      body = null;
    }
    const balance = balanceOf(body);
    const error = (body as { error?: unknown } | null)?.error;
    const extra = { status: res.status, ...(balance !== undefined ? { balance } : {}) };
    if (res.status === 402 || error === 'insufficient-balance') return { ok: false, reason: 'insufficient-balance', ...extra };
    if (!res.ok || (body as { ok?: unknown } | null)?.ok === false) {
      const reason: FailureReason = res.status >= 500 ? 'network' : res.status === 401 || res.status === 403 ? 'not-logged-in' : 'rejected';
      return { ok: false, reason, ...extra };
    }
    return { ok: true, ...(balance !== undefined ? { balance } : {}) };
  } catch {
    return { ok: false, reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
}
