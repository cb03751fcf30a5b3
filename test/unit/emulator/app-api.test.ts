/** The demo business endpoints: UserSig service, gift billing, wallet, crowd control. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import type { CrowdOptions } from '../../../demo/server/hooks.ts';
import { verifyUserSig } from '../../../demo/server/usersig.ts';
import { createRoom, sleep, startEmulator, TestClient } from './helpers.ts';

let emu: Emulator;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});
const post = (path: string, body: unknown) => fetch(`${emu.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('POST /api/usersig', () => {
  test('answers {userID, userSig} that verifies for that user; refuses bad ids; admin sig per policy', async () => {
    emu = await startEmulator({ config: { issueAdminSig: 'never' } });
    const res = await post('/api/usersig', { userID: 'viewer_1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { userID: string; userSig: string };
    expect(body.userID).toBe('viewer_1');
    expect(verifyUserSig(body.userSig, emu.config.sdkAppId, emu.config.secretKey, 'viewer_1')).toMatchObject({ ok: true });
    expect((await post('/api/usersig', { userID: 'bad id!' })).status).toBe(400);
    expect((await post('/api/usersig', {})).status).toBe(400);
    expect((await post('/api/usersig', { userID: emu.config.admin })).status).toBe(403);
    const pre = await fetch(`${emu.url}/api/usersig`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('issues the admin UserSig to loopback callers by default (the admin page), and /api/info names the admin', async () => {
    emu = await startEmulator();
    expect(emu.config.issueAdminSig).toBe('loopback');
    expect((await post('/api/usersig', { userID: emu.config.admin })).status).toBe(200);
    expect(await (await fetch(`${emu.url}/api/config`)).json()).toEqual({ sdkAppId: emu.config.sdkAppId, admin: 'administrator', rooms: [] });
  });
});

describe('gift billing', () => {
  test('charges the wallet and sends the gift message (High, From_Account the user); errors send nothing', async () => {
    emu = await startEmulator({ config: { walletStart: 3000 } });
    await createRoom(emu, 'live');
    const w = await TestClient.open(emu.wsUrl);
    clients.push(w);
    await w.ok('join', { roomId: 'live' });
    expect(await (await fetch(`${emu.url}/api/gifts`)).json()).toHaveLength(3);
    expect(await (await fetch(`${emu.url}/api/wallet?userID=alice`)).json()).toEqual({ ok: true, userID: 'alice', balance: 3000 });

    const res = await post('/api/gifts', { roomId: 'live', userID: 'alice', giftId: 'rocket', count: 1 });
    expect(res.status).toBe(200);
    const ok = (await res.json()) as { ok: boolean; balance: number; messageId: string };
    expect(ok).toMatchObject({ ok: true, balance: 1000 });
    const m = await w.waitMessage((x) => x.ID === ok.messageId);
    expect(m).toMatchObject({ type: 'TIMCustomElem', from: 'alice', priority: 'High' });
    expect(JSON.parse(m.payload.data as string)).toEqual({
      version: 1, businessID: 'flutter_live_kit',
      data: { cmd: 'send_gift_message', cmdInfo: { type: 3, giftUrl: '/gifts/rocket.svg', giftCount: 1, giftSEUrl: '/gifts/rocket.json', giftName: 'Super Rocket', giftUnits: '', giftId: 'rocket' } },
    });

    const poor = await post('/api/gifts', { roomId: 'live', userID: 'alice', giftId: 'car', count: 3 });
    expect(poor.status).toBe(402);
    expect(await poor.json()).toEqual({ ok: false, error: 'insufficient-balance', balance: 1000 });
    expect((await post('/api/gifts', { roomId: 'live', userID: 'alice', giftId: 'unicorn', count: 1 })).status).toBe(400);
    for (const count of [0, -1, 1.5, 10_000, '3']) {
      expect((await post('/api/gifts', { roomId: 'live', userID: 'alice', giftId: 'rose', count })).status).toBe(400);
    }
    expect((await post('/api/gifts', { roomId: 'nope', userID: 'alice', giftId: 'rose', count: 1 })).status).toBe(404);
    await sleep(300);
    expect(w.messages().filter((x) => x.type === 'TIMCustomElem')).toHaveLength(1);
    expect(await (await fetch(`${emu.url}/api/wallet?userID=alice`)).json()).toMatchObject({ balance: 1000 });
  });
});

describe('POST /api/crowd', () => {
  test('needs the admin UserSig and drives the installed crowd simulator', async () => {
    const calls: string[] = [];
    let given: CrowdOptions | undefined;
    let running = false;
    emu = await startEmulator({
      crowdFactory: (opts) => {
        given = opts;
        return {
          start: () => void (calls.push('start'), (running = true)),
          stop: () => void (calls.push('stop'), (running = false)),
          flood: (rate, seconds) => void calls.push(`flood ${rate} ${seconds}`),
          get running() {
            return running;
          },
        };
      },
    });
    await createRoom(emu, 'live');
    const crowd = (query: string, body: unknown) => fetch(`${emu.url}/api/crowd?${query}`, { method: 'POST', body: JSON.stringify(body) });
    expect((await crowd('sdkappid=1&identifier=x&usersig=y', { roomId: 'live', action: 'start' })).status).toBe(403);
    const started = await crowd(emu.adminQuery(), { roomId: 'live', action: 'start' });
    expect(await started.json()).toEqual({ ok: true, roomId: 'live', running: true });
    await crowd(emu.adminQuery(), { roomId: 'live', action: 'flood', rate: 400, seconds: 5 });
    await crowd(emu.adminQuery(), { roomId: 'live', action: 'stop' });
    expect(calls).toEqual(['start', 'flood 400 5', 'stop']);
    expect(given?.roomId).toBe('live');
    expect((await crowd(emu.adminQuery(), { roomId: 'live', action: 'explode' })).status).toBe(400);
    expect((await crowd(emu.adminQuery(), { roomId: 'nope', action: 'start' })).status).toBe(404);

    // The CrowdApi it was given works over the room engine.
    given!.api.join('bot-9', 'Bot Nine', 2);
    expect(emu.engine.audience('live')).toBe(1);
  });

  test('without a simulator installed it says so', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const r = await fetch(`${emu.url}/api/crowd?${emu.adminQuery()}`, { method: 'POST', body: JSON.stringify({ roomId: 'live', action: 'start' }) });
    expect(r.status).toBe(409);
  });
});
