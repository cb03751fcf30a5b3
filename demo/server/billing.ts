/**
 * Demo gift billing: the gift catalog (read from a JSON file, re-read when it changes) and an
 * in-memory wallet per user. Charging is all-or-nothing; `refund()` undoes a charge whose gift
 * message could not be sent. Nothing here is persistent or authenticated: it is a demo wallet.
 */
import { readFileSync, statSync } from 'node:fs';
import type { GiftType } from '../../src/protocol/types.ts';

export interface GiftEntry {
  readonly id: string;
  readonly name: string;
  readonly price: number;
  readonly type: GiftType;
  readonly image: string;
  readonly effect?: string;
}

export interface BillingOptions {
  readonly catalogPath: string;
  readonly walletStart: number;
}

const MAX_CATALOG_BYTES = 1024 * 1024;
const MAX_WALLETS = 100_000;

function validEntry(e: unknown): e is GiftEntry {
  if (typeof e !== 'object' || e === null) return false;
  const g = e as Record<string, unknown>;
  return (
    typeof g.id === 'string' &&
    g.id.length > 0 &&
    g.id.length <= 64 &&
    typeof g.name === 'string' &&
    g.name.length > 0 &&
    typeof g.price === 'number' &&
    Number.isInteger(g.price) &&
    g.price >= 0 &&
    (g.type === 1 || g.type === 2 || g.type === 3) &&
    typeof g.image === 'string' &&
    (g.effect === undefined || typeof g.effect === 'string')
  );
}

export class Billing {
  private readonly wallets = new Map<string, number>();
  private cache: { mtimeMs: number; size: number; gifts: readonly GiftEntry[] } | undefined;
  private warned = false;

  constructor(private readonly opts: BillingOptions) {}

  /** The catalog; an unreadable or invalid file answers an empty list (and warns once). */
  catalog(): readonly GiftEntry[] {
    try {
      const st = statSync(this.opts.catalogPath);
      if (this.cache && this.cache.mtimeMs === st.mtimeMs && this.cache.size === st.size) return this.cache.gifts;
      if (st.size > MAX_CATALOG_BYTES) throw new Error('catalog too large');
      const parsed: unknown = JSON.parse(readFileSync(this.opts.catalogPath, 'utf8'));
      if (!Array.isArray(parsed)) throw new Error('catalog must be an array');
      const gifts = Object.freeze(parsed.filter(validEntry).map((g) => Object.freeze({ ...g })));
      this.cache = { mtimeMs: st.mtimeMs, size: st.size, gifts };
      return gifts;
    } catch (err) {
      if (!this.warned) {
        this.warned = true;
        process.stderr.write(`[emulator] gift catalog ${this.opts.catalogPath}: ${(err as Error).message}\n`);
      }
      return [];
    }
  }

  gift(id: string): GiftEntry | undefined {
    return this.catalog().find((g) => g.id === id);
  }

  balance(userId: string): number {
    return this.wallets.get(userId) ?? this.opts.walletStart;
  }

  /** Takes `amount` coins if the wallet holds them. */
  charge(userId: string, amount: number): { ok: boolean; balance: number } {
    const balance = this.balance(userId);
    if (amount > balance) return { ok: false, balance };
    if (!this.wallets.has(userId) && this.wallets.size >= MAX_WALLETS) {
      // Bounded memory: forget the oldest wallet (it starts full again). Fine for a demo.
      const oldest = this.wallets.keys().next().value;
      if (oldest !== undefined) this.wallets.delete(oldest);
    }
    this.wallets.set(userId, balance - amount);
    return { ok: true, balance: balance - amount };
  }

  refund(userId: string, amount: number): void {
    this.wallets.set(userId, this.balance(userId) + amount);
  }
}
