/**
 * Sending gifts (docs/gift-protocol.md): a tap stays here until it is billed. Taps are merged
 * locally (`mergeGiftTaps`: a preset count is one batch; rapid taps flush at 20 or after 1 s idle);
 * each batch fires the cancelable `lcr-gift-request`, then is billed at `gift-endpoint`. Callers are
 * settled by the ids of the taps a batch names, never by count. Only a billed gift is shown to its
 * sender (`echo`: the room store shows it, deduped against the room's copy by its client id, so its
 * `lcr-gift`, banner, effect, barrage item and chat line all follow the charge); a failed bill shows
 * nothing but the failure and its reason.
 *
 * Owns: the merger's subscription, the callers waiting for their taps and the unanswered batches a
 * retry may bill (same clientId). Must not: bill without an endpoint or after the host cancelled,
 * or show a gift the catalog does not know as anything but text.
 */
import { asyncScheduler, Subject, type SchedulerLike, type Subscription } from 'rxjs';
import { emit } from '../events/index.ts';
import { billGift, type GiftBillResult } from '../gifts/gift-billing.ts';
import type { CatalogGift, GiftCatalog } from '../gifts/index.ts';
import { mergeGiftTaps, type GiftBatch, type GiftTap } from '../pipeline/index.ts';
import { giftInfoOf, LIMITS, type FailureReason, type GiftEvent, type Sender } from '../protocol/index.ts';

export type GiftSendResult =
  | { readonly ok: true; readonly count: number; readonly balance?: number; readonly billedByHost?: boolean }
  | { readonly ok: false; readonly reason: FailureReason | 'cancelled' | 'no-endpoint' | 'unknown-gift'; readonly balance?: number };

export interface GiftSenderDeps {
  readonly host: HTMLElement;
  readonly catalog: () => GiftCatalog;
  readonly endpoint: () => string;
  readonly roomId: () => string;
  readonly self: () => Sender | undefined;
  /** Whether a room session runs (a tap without one is refused: `network`). */
  readonly active: () => boolean;
  /** Shows the sender's own gift once it is billed. */
  readonly echo: (event: GiftEvent) => void;
  /** Every outcome; `retryId` is set when the outcome is unknown and `retry(retryId)` may bill it once. */
  readonly onResult: (result: GiftSendResult, retryId?: string) => void;
  readonly fetch?: typeof fetch;
  /** The merger's clock (tests pass a virtual one). */
  readonly scheduler?: SchedulerLike;
}

const MAX_UNSETTLED = 8;
let seq = 0;
const clientIdFor = (): string => `g${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export class GiftSender {
  /** Callers by tap id: each is settled by the batch that names its tap. */
  private readonly waiters = new Map<string, (r: GiftSendResult) => void>();
  private taps$ = new Subject<GiftTap>();
  private merging: Subscription | undefined;
  private inFlight = 0;
  /** Batches whose bill got no answer, by clientId: a retry reuses the id (bounded). */
  private readonly unsettled = new Map<string, { giftId: string; count: number }>();

  constructor(private readonly d: GiftSenderDeps) {}

  /** Billing requests not answered yet. */
  get busy(): number {
    return this.inFlight;
  }

  /** One tap (merged with rapid others) or a preset count (one request). */
  send(giftId: string, count: number, preset: boolean): Promise<GiftSendResult> {
    const n = Math.floor(count);
    if (!Number.isFinite(n) || n < LIMITS.giftCountMin || n > LIMITS.giftCountMax)
      return Promise.resolve({ ok: false, reason: 'rejected' });
    if (!this.d.self()) return Promise.resolve({ ok: false, reason: 'not-logged-in' });
    if (!this.d.active()) return Promise.resolve({ ok: false, reason: 'network' });
    this.merging ??= this.taps$
      .pipe(mergeGiftTaps({ flushAt: 20, idleMs: 1000, scheduler: this.d.scheduler ?? asyncScheduler }))
      .subscribe((b) => void this.batch(b));
    const id = `t${(seq++).toString(36)}`;
    const done = new Promise<GiftSendResult>((resolve) => this.waiters.set(id, resolve));
    this.taps$.next({ id, giftId, count: n, preset });
    return done;
  }

  /** A merged batch: ask the host, bill, show it once billed, settle the callers of its taps. */
  private async batch(b: GiftBatch): Promise<void> {
    const covered = this.take(b.tapIds);
    const settle = (r: GiftSendResult, retryId?: string): void => {
      for (const resolve of covered) resolve(r);
      this.d.onResult(r, retryId);
    };
    const self = this.d.self();
    if (!self) return settle({ ok: false, reason: 'not-logged-in' });
    const entry = this.d.catalog().byId(b.giftId);
    const clientId = clientIdFor();
    const request = {
      giftId: b.giftId,
      count: b.count,
      ...(entry ? { gift: { id: entry.id, name: entry.name, price: entry.price, type: entry.type } } : {}),
      roomId: this.d.roomId(),
      userId: self.id,
      clientId,
    };
    if (!emit(this.d.host, 'lcr-gift-request', request)) return settle({ ok: false, reason: 'cancelled' });
    if (!this.d.endpoint()) return settle({ ok: false, reason: 'no-endpoint' });
    if (!entry) return settle({ ok: false, reason: 'unknown-gift' });
    return this.bill(self, entry, b.count, clientId, settle);
  }

  /**
   * Bills a batch whose outcome was unknown (no answer) again, with the same clientId: the business
   * server charges it at most once, whether or not the first attempt went through.
   */
  retry(clientId: string): Promise<GiftSendResult> {
    const failed = this.unsettled.get(clientId);
    const self = this.d.self();
    const entry = failed && this.d.catalog().byId(failed.giftId);
    if (!failed || !self || !entry) return Promise.resolve({ ok: false, reason: 'rejected' });
    this.unsettled.delete(clientId);
    return new Promise((resolve) => {
      void this.bill(self, entry, failed.count, clientId, (r, retryId) => {
        resolve(r);
        this.d.onResult(r, retryId);
      });
    });
  }

  private async bill(
    self: Sender,
    entry: CatalogGift,
    count: number,
    clientId: string,
    settle: (r: GiftSendResult, retryId?: string) => void,
  ): Promise<void> {
    const endpoint = this.d.endpoint();
    if (!endpoint) return settle({ ok: false, reason: 'no-endpoint' });
    this.inFlight++;
    let billed: GiftBillResult;
    try {
      billed = await billGift(
        endpoint,
        { roomId: this.d.roomId(), userId: self.id, giftId: entry.id, count, clientId },
        this.d.fetch ? { fetch: this.d.fetch } : {},
      );
    } finally {
      this.inFlight--;
    }
    if (!billed.ok) {
      // Nothing was shown, so nothing is taken back. An unknown outcome can be retried safely.
      if (billed.reason !== 'network') return settle(billed);
      this.unsettled.set(clientId, { giftId: entry.id, count });
      for (const old of this.unsettled.keys()) if (this.unsettled.size > MAX_UNSETTLED) this.unsettled.delete(old);
      return settle(billed, clientId);
    }
    // Billed: the sender sees it now (the room's copy, deduped by clientId, may come first or later).
    this.d.echo({
      kind: 'gift',
      id: clientId,
      clientId,
      time: Date.now(),
      priority: 'high',
      sender: self,
      own: true,
      gift: giftInfoOf(entry, count),
    });
    settle({ ok: true, count, ...(billed.balance !== undefined ? { balance: billed.balance } : {}) });
  }

  /** The session ended: pending taps are dropped (never billed) and nobody waits for them. */
  reset(): void {
    this.merging?.unsubscribe();
    this.merging = undefined;
    this.taps$ = new Subject<GiftTap>();
    for (const resolve of this.waiters.values()) resolve({ ok: false, reason: 'cancelled' });
    this.waiters.clear();
  }

  private take(tapIds: readonly string[]): ((r: GiftSendResult) => void)[] {
    const out: ((r: GiftSendResult) => void)[] = [];
    for (const id of tapIds) {
      const resolve = this.waiters.get(id);
      if (!resolve) continue;
      this.waiters.delete(id);
      out.push(resolve);
    }
    return out;
  }
}
