/**
 * Sending gifts (SPEC §5): taps go to the session, whose pipeline merges them (a preset count is
 * one batch; rapid taps flush at 20 or after 1 s idle); each batch fires the cancelable
 * `lcr-gift-request`, then is billed at `gift-endpoint`; the sender sees the gift at once (a local
 * echo through the pipeline, deduped against the room's copy by its client id) and a failed bill
 * rolls the echo back and reports the reason.
 *
 * Owns: the callers waiting for their batch (FIFO per gift, by count). Must not: bill without an
 * endpoint or after the host cancelled, or show a gift the catalog does not know as anything but text.
 */
import { LcrGiftRequestEvent } from '../events/index.ts';
import { billGift, type GiftBillResult } from '../gifts/gift-billing.ts';
import type { GiftCatalog } from '../gifts/index.ts';
import type { GiftBatch } from '../pipeline/index.ts';
import { LIMITS, type FailureReason, type GiftEvent, type Sender } from '../protocol/index.ts';

export type GiftSendResult =
  | { readonly ok: true; readonly count: number; readonly balance?: number; readonly billedByHost?: boolean }
  | { readonly ok: false; readonly reason: FailureReason | 'cancelled' | 'no-endpoint' | 'unknown-gift'; readonly balance?: number };

export interface GiftSenderDeps {
  readonly host: HTMLElement;
  readonly catalog: () => GiftCatalog;
  readonly endpoint: () => string;
  readonly roomId: () => string;
  readonly self: () => Sender | undefined;
  /** Hand taps to the session's merger; false when there is no session. */
  readonly tap: (giftId: string, count: number, preset: boolean) => boolean;
  readonly echo: (event: GiftEvent) => void;
  readonly rollback: (clientId: string) => void;
  readonly onResult: (result: GiftSendResult) => void;
  readonly fetch?: typeof fetch;
}

let seq = 0;
const clientIdFor = (): string => `g${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export class GiftSender {
  private waiters = new Map<string, { count: number; resolve: (r: GiftSendResult) => void }[]>();
  private inFlight = 0;

  constructor(private readonly d: GiftSenderDeps) {}

  /** Billing requests not answered yet. */
  get busy(): number {
    return this.inFlight;
  }

  /** One tap (merged with rapid others) or a preset count (one request). */
  send(giftId: string, count: number, preset: boolean): Promise<GiftSendResult> {
    const n = Math.floor(count);
    if (!Number.isFinite(n) || n < LIMITS.giftCountMin || n > LIMITS.giftCountMax) return Promise.resolve({ ok: false, reason: 'rejected' });
    if (!this.d.self()) return Promise.resolve({ ok: false, reason: 'not-logged-in' });
    return new Promise((resolve) => {
      const list = this.waiters.get(giftId) ?? [];
      list.push({ count: n, resolve });
      this.waiters.set(giftId, list);
      if (!this.d.tap(giftId, n, preset)) {
        list.pop();
        resolve({ ok: false, reason: 'network' });
      }
    });
  }

  /** A merged batch from the pipeline: ask the host, echo, bill, settle the waiting callers. */
  async batch(b: GiftBatch): Promise<void> {
    const covered = this.take(b.giftId, b.count);
    const settle = (r: GiftSendResult): void => {
      for (const resolve of covered) resolve(r);
      this.d.onResult(r);
    };
    const self = this.d.self();
    if (!self) return settle({ ok: false, reason: 'not-logged-in' });
    const entry = this.d.catalog().byId(b.giftId);
    const clientId = clientIdFor();
    const request = new LcrGiftRequestEvent({
      giftId: b.giftId,
      count: b.count,
      ...(entry ? { gift: { id: entry.id, name: entry.name, price: entry.price, type: entry.type } } : {}),
      roomId: this.d.roomId(),
      userId: self.id,
      clientId,
    });
    if (!this.d.host.dispatchEvent(request)) return settle({ ok: false, reason: 'cancelled' });
    const endpoint = this.d.endpoint();
    if (!endpoint) return settle({ ok: false, reason: 'no-endpoint' });
    if (!entry) return settle({ ok: false, reason: 'unknown-gift' });
    this.d.echo({
      kind: 'gift',
      id: clientId,
      clientId,
      time: Date.now(),
      priority: 'high',
      sender: self,
      own: true,
      gift: { type: entry.type, name: entry.name, count: b.count, units: '', imageUrl: entry.image, ...(entry.effect ? { effectUrl: entry.effect } : {}), giftId: entry.id },
    });
    this.inFlight++;
    let billed: GiftBillResult;
    try {
      billed = await billGift(endpoint, { roomId: this.d.roomId(), userId: self.id, giftId: entry.id, count: b.count, clientId }, this.d.fetch ? { fetch: this.d.fetch } : {});
    } finally {
      this.inFlight--;
    }
    if (!billed.ok) this.d.rollback(clientId);
    settle(billed.ok ? { ok: true, count: b.count, ...(billed.balance !== undefined ? { balance: billed.balance } : {}) } : billed);
  }

  /** The session ended: nobody waits for a batch that will not come. */
  reset(): void {
    for (const list of this.waiters.values()) for (const w of list) w.resolve({ ok: false, reason: 'cancelled' });
    this.waiters.clear();
  }

  private take(giftId: string, count: number): ((r: GiftSendResult) => void)[] {
    const list = this.waiters.get(giftId) ?? [];
    const out: ((r: GiftSendResult) => void)[] = [];
    let left = count;
    while (list.length && list[0]!.count <= left) {
      const w = list.shift()!;
      left -= w.count;
      out.push(w.resolve);
    }
    if (!list.length) this.waiters.delete(giftId);
    return out;
  }
}
