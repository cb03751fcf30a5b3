/**
 * Idempotent gift billing: one outcome per key (`<userID>:<clientId>`). A request that repeats a
 * key gets the first request's answer — while it is still running, the same promise — so a
 * retried, duplicated or replayed request bills once. A failed charge (nothing billed) may be
 * tried again; a request that reuses a key for a different gift is refused. Bounded: the oldest
 * keys are forgotten after `max` entries.
 */
type Reply = readonly [status: number, body: unknown, headers?: Record<string, string>];

export class GiftLedger {
  private readonly outcomes = new Map<string, { readonly what: string; readonly reply: Promise<Reply> }>();
  /** How many requests were charged, and how many were answered from the ledger (tests, the admin page). */
  readonly stats = { charged: 0, replayed: 0 };

  constructor(private readonly max = 20_000) {}

  async once(key: string, what: string, bill: () => Promise<Reply>): Promise<Reply> {
    const known = this.outcomes.get(key);
    if (known) {
      if (known.what !== what) return [409, { ok: false, error: 'client-id-reused' }];
      this.stats.replayed++;
      return known.reply;
    }
    if (this.outcomes.size >= this.max) this.outcomes.delete(this.outcomes.keys().next().value as string);
    const reply = bill().then((r) => {
      if (r[0] === 200) this.stats.charged++;
      // Nothing was billed: forget the key so the viewer can try again (e.g. after a top-up).
      else this.outcomes.delete(key);
      return r;
    });
    this.outcomes.set(key, { what, reply });
    return reply;
  }
}
