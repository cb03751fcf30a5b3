/**
 * `billGift` against the real emulator's business API (idempotent by clientId), with a fetch
 * wrapper that loses answers the server did send: a lost response after the charge is retried
 * with the same clientId and bills once; a gift endpoint that keeps failing ends in `network`.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { billGift } from '../../../src/gifts/gift-billing.ts';
import { createRoom, fence, startEmulator, TestClient } from '../emulator/helpers.ts';

let emu: Emulator | undefined;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu?.close();
  emu = undefined;
});

const fast = { retryDelaysMs: [10, 20], timeoutMs: 2000 };

async function room(): Promise<{ emu: Emulator; watcher: TestClient }> {
  emu = await startEmulator({ config: { userSigPolicy: 'open', walletStart: 5000 } });
  await createRoom(emu, 'live');
  const watcher = await TestClient.open(emu.wsUrl);
  clients.push(watcher);
  await watcher.ok('join', { roomId: 'live' });
  return { emu, watcher };
}
const balance = async (e: Emulator, user: string) =>
  ((await (await fetch(`${e.url}/api/wallet?userID=${user}`)).json()) as { balance: number }).balance;
const req = (clientId: string) => ({ roomId: 'live', userId: 'alice', giftId: 'rose', count: 2, clientId });

describe('billGift', () => {
  it('a response lost after the charge: retried with the same clientId, billed once, ok', async () => {
    const { emu, watcher } = await room();
    let calls = 0;
    const losing: typeof fetch = async (input, init) => {
      calls++;
      const res = await fetch(input, init); // the server charged and sent the gift
      if (calls === 1) throw new TypeError('connection reset'); // …and the answer never arrived
      return res;
    };
    const r = await billGift(`${emu.url}/api/gifts`, req('g-lost'), { ...fast, fetch: losing, origin: emu.url });
    expect(r).toMatchObject({ ok: true });
    expect(calls).toBe(2);
    expect(await balance(emu, 'alice')).toBe(5000 - 2); // 2 roses at 1 coin, once
    expect(emu.app.ledger.stats).toEqual({ charged: 1, replayed: 1 });
    await fence(emu, 'live', watcher);
    expect(watcher.messages().filter((m) => m.type === 'TIMCustomElem')).toHaveLength(1);
  });

  it.each([
    ['500', async () => new Response('{"ok":false}', { status: 500 })],
    ['invalid JSON', async () => new Response('<html>oops', { status: 200 })],
    [
      'no answer',
      async () => {
        throw new TypeError('offline');
      },
    ],
  ])('a gift endpoint answering %s every time: three attempts, then a network failure; nothing billed', async (_what, answer) => {
    const { emu } = await room();
    let calls = 0;
    const r = await billGift(`${emu.url}/api/gifts`, req('g-bad'), { ...fast, origin: emu.url, fetch: async () => (calls++, answer()) });
    expect(r).toMatchObject({ ok: false, reason: 'network' });
    expect(calls).toBe(3);
    expect(await balance(emu, 'alice')).toBe(5000);
  });

  it('a slow endpoint times out per attempt and is retried; the late first answer bills once', async () => {
    const { emu } = await room();
    let calls = 0;
    const slowFirst: typeof fetch = async (input, init) => {
      calls++;
      if (calls === 1) {
        const res = fetch(input, { ...init, signal: null }); // reaches the server regardless of the abort
        await new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('timeout', 'AbortError'))));
        return res;
      }
      return fetch(input, init);
    };
    const r = await billGift(`${emu.url}/api/gifts`, req('g-slow'), {
      retryDelaysMs: [10],
      timeoutMs: 300,
      origin: emu.url,
      fetch: slowFirst,
    });
    expect(r).toMatchObject({ ok: true });
    expect(await balance(emu, 'alice')).toBe(4998);
    expect(emu.app.ledger.stats.charged).toBe(1);
  });

  it('refusals are final, not retried: insufficient balance, not logged in', async () => {
    const { emu } = await room();
    let calls = 0;
    const counting: typeof fetch = (input, init) => (calls++, fetch(input, init));
    expect(
      await billGift(`${emu.url}/api/gifts`, { ...req('g-car'), giftId: 'car', count: 999 }, { ...fast, origin: emu.url, fetch: counting }),
    ).toMatchObject({ ok: false, reason: 'insufficient-balance' });
    expect(calls).toBe(1);
  });
});
