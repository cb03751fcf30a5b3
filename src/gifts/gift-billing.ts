/**
 * `billGift`: one gift batch to the business server (`gift-endpoint`), which charges the viewer and
 * then sends the High-priority gift message to the room (docs/gift-protocol.md#billing). POST JSON
 * `{roomId, userID, giftId, count, clientId}` → `{ok: true, balance?}`; 402 or
 * `{error: "insufficient-balance"}` is a balance failure; anything else that is not a 2xx with
 * `ok !== false` is a failure with a reason the viewer can read.
 *
 * A transient failure — no answer, a timeout, a 5xx, a 2xx whose body is not JSON — is tried again
 * with the same `clientId` (the business server's idempotency key), so a response lost after the
 * charge bills once and still shows the gift; after `attempts` it is a `network` failure.
 *
 * Must not: throw or reject (every outcome is a result), wait longer than `timeoutMs` per attempt,
 * or send to a URL that is neither `https:` nor same-origin.
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
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  readonly origin?: string;
  /** Attempts for a transient failure (default 3), and the waits between them (default 0.5 s, 1.5 s). */
  readonly attempts?: number;
  readonly retryDelaysMs?: readonly number[];
}

const RETRY_DELAYS_MS = [500, 1500];
/** Marks an attempt whose outcome is unknown: the request may or may not have been billed. */
const TRANSIENT = Symbol('transient');

const balanceOf = (body: unknown): number | undefined => {
  const b = (body as { balance?: unknown } | null)?.balance;
  return typeof b === 'number' && Number.isFinite(b) && b >= 0 ? b : undefined;
};

export async function billGift(endpoint: string, req: GiftBillRequest, options: GiftBillOptions = {}): Promise<GiftBillResult> {
  const origin = options.origin ?? (typeof location === 'object' ? location.origin : undefined);
  const checked = safeUrl(endpoint, origin ? { origin } : {});
  if (!checked) return { ok: false, reason: 'rejected' };
  const url = new URL(checked, origin).href;
  const attempts = Math.max(1, options.attempts ?? 3);
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  let last: GiftBillResult = { ok: false, reason: 'network' };
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((r) => setTimeout(r, delays[Math.min(attempt - 1, delays.length - 1)] ?? 0));
    const outcome = await attemptBill(url, req, options);
    if (outcome.result !== TRANSIENT) return outcome.result;
    last = { ok: false, reason: 'network', ...(outcome.status !== undefined ? { status: outcome.status } : {}) };
  }
  return last;
}

async function attemptBill(
  url: string,
  req: GiftBillRequest,
  options: GiftBillOptions,
): Promise<{ result: GiftBillResult | typeof TRANSIENT; status?: number }> {
  const doFetch = options.fetch ?? fetch;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), options.timeoutMs ?? 10_000);
  try {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ roomId: req.roomId, userID: req.userId, giftId: req.giftId, count: req.count, clientId: req.clientId }),
      signal: abort.signal,
    });
    let body: unknown;
    let parsed = true;
    try {
      body = await res.json();
    } catch {
      parsed = false;
      body = null;
    }
    if (res.status >= 500 || (res.ok && (!parsed || typeof body !== 'object' || body === null)))
      return { result: TRANSIENT, status: res.status };
    const balance = balanceOf(body);
    const error = (body as { error?: unknown } | null)?.error;
    const extra = { status: res.status, ...(balance !== undefined ? { balance } : {}) };
    if (res.status === 402 || error === 'insufficient-balance') return { result: { ok: false, reason: 'insufficient-balance', ...extra } };
    if (!res.ok || (body as { ok?: unknown }).ok === false) {
      const reason: FailureReason = res.status === 401 || res.status === 403 ? 'not-logged-in' : 'rejected';
      return { result: { ok: false, reason, ...extra } };
    }
    return { result: { ok: true, ...(balance !== undefined ? { balance } : {}) } };
  } catch {
    return { result: TRANSIENT };
  } finally {
    clearTimeout(timer);
  }
}
