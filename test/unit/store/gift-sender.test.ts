/**
 * The gift path from tap to billed gift, in the gift feature alone (virtual time): rapid taps merge
 * into batches (99 taps → 5 bills summing to 99), each caller is settled by the batch naming its tap,
 * only a billed gift is shown (echo), a cancelled or refused one shows nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GiftSender, type GiftSendResult } from '../../../src/controllers/gift-sender.ts';
import { parseCatalog } from '../../../src/gifts/gift-catalog.ts';
import type { GiftEvent } from '../../../src/protocol/index.ts';

const ME = { id: 'me', nick: 'Me', level: 0, role: 'member' as const };
const catalog = parseCatalog([{ id: 'rose', name: 'Rose', price: 5, type: 1, image: '/rose.svg' }], { origin: 'https://shop.example' });

function sender(answer: (body: { count: number; clientId: string }) => Response | Promise<Response>) {
  const host = new EventTarget();
  const bills: { count: number; clientId: string }[] = [];
  const echoes: GiftEvent[] = [];
  const results: GiftSendResult[] = [];
  const retryIds: (string | undefined)[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { count: number; clientId: string };
    bills.push(body);
    return answer(body);
  }) as typeof globalThis.fetch;
  const s = new GiftSender({
    host: host as HTMLElement,
    catalog: () => catalog,
    endpoint: () => '/api/gifts',
    roomId: () => 'room-1',
    self: () => ME,
    active: () => true,
    echo: (e) => echoes.push(e),
    onResult: (r, retryId) => {
      results.push(r);
      retryIds.push(retryId);
    },
    fetch,
  });
  return { s, host, bills, echoes, results, retryIds };
}

const ok = () => new Response(JSON.stringify({ ok: true, balance: 100 }), { headers: { 'content-type': 'application/json' } });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('location', { origin: 'https://shop.example', href: 'https://shop.example/live' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('GiftSender', () => {
  it('99 rapid taps → 5 bills summing to 99; every tap settled once by its batch; shown once billed', async () => {
    const { s, bills, echoes } = sender(ok);
    const taps: Promise<GiftSendResult>[] = [];
    for (let i = 0; i < 99; i++) {
      taps.push(s.send('rose', 1, false));
      await vi.advanceTimersByTimeAsync(50);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(bills.map((b) => b.count)).toEqual([20, 20, 20, 20, 19]);
    expect(new Set(bills.map((b) => b.clientId)).size).toBe(5);
    const settled = await Promise.all(taps);
    expect(settled.every((r) => r.ok)).toBe(true);
    // each caller gets its own batch's outcome: the first 20 taps the first batch's count
    expect(settled.map((r) => (r.ok ? r.count : 0))).toEqual([...Array(80).fill(20), ...Array(19).fill(19)]);
    expect(echoes.map((e) => [e.clientId, e.gift.count])).toEqual(bills.map((b) => [b.clientId, b.count]));
  });

  it('a preset count is one bill at once, apart from pending taps', async () => {
    const { s, bills } = sender(ok);
    const tap = s.send('rose', 1, false);
    const preset = s.send('rose', 99, true);
    await vi.advanceTimersByTimeAsync(10);
    expect(bills.map((b) => b.count)).toEqual([1, 99]);
    await expect(preset).resolves.toMatchObject({ ok: true, count: 99 });
    await expect(tap).resolves.toMatchObject({ ok: true, count: 1 });
  });

  it('the host cancels lcr-gift-request: nothing billed, nothing shown, the caller told', async () => {
    const { s, host, bills, echoes } = sender(ok);
    host.addEventListener('lcr-gift-request', (e) => e.preventDefault());
    const r = s.send('rose', 10, true);
    await vi.advanceTimersByTimeAsync(10);
    await expect(r).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect([bills.length, echoes.length]).toEqual([0, 0]);
  });

  it('refused (insufficient balance): the reason, no echo, no retry offered', async () => {
    const { s, echoes, results, retryIds } = sender(
      () => new Response(JSON.stringify({ ok: false, error: 'insufficient-balance', balance: 2 }), { status: 402 }),
    );
    const r = s.send('rose', 10, true);
    await vi.advanceTimersByTimeAsync(10);
    await expect(r).resolves.toMatchObject({ ok: false, reason: 'insufficient-balance' });
    expect(echoes).toHaveLength(0);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'insufficient-balance' });
    expect(retryIds.at(-1)).toBeUndefined();
  });

  it('no answer (500 ×3): nothing shown; retry bills again under the same clientId, then shows it once', async () => {
    let fail = true;
    const { s, bills, echoes, retryIds } = sender(() => (fail ? new Response('oops', { status: 500 }) : ok()));
    const r = s.send('rose', 10, true);
    await vi.advanceTimersByTimeAsync(5000);
    await expect(r).resolves.toMatchObject({ ok: false, reason: 'network' });
    expect(echoes).toHaveLength(0);
    const retryId = retryIds.at(-1);
    expect(retryId).toBe(bills[0]!.clientId);
    expect(bills).toHaveLength(3); // three attempts, one clientId
    fail = false;
    const again = s.retry(retryId!);
    await vi.advanceTimersByTimeAsync(10);
    await expect(again).resolves.toMatchObject({ ok: true, count: 10 });
    expect(new Set(bills.map((b) => b.clientId))).toEqual(new Set([retryId]));
    expect(echoes.map((e) => e.clientId)).toEqual([retryId]);
  });

  it('a session end drops pending taps: never billed, callers cancelled', async () => {
    const { s, bills } = sender(ok);
    const tap = s.send('rose', 1, false);
    s.reset();
    await vi.advanceTimersByTimeAsync(3000);
    await expect(tap).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(bills).toHaveLength(0);
  });
});
