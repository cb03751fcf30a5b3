/** The demo business endpoints: UserSig service, gift billing, wallet, crowd control. */
import { afterEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import type { CrowdOptions } from '../../../demo/server/hooks.ts';
import { verifyUserSig } from '../../../demo/server/usersig.ts';
import { createRoom, fence, startEmulator, TestClient } from './helpers.ts';

let emu: Emulator;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});
const post = (path: string, body: unknown) =>
  fetch(`${emu.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Logs a viewer in to the demo business server; answers the session cookie. */
async function login(userID: string, nick = userID): Promise<string> {
  const res = await post('/api/login', { userID, nick });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/^lcr_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
  return cookie.split(';')[0]!;
}
const postAs = (cookie: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
  });

describe('POST /api/login and /api/usersig', () => {
  test("signs only for the user of the caller's session; refuses bad, reserved and admin ids; admin sig per policy", async () => {
    emu = await startEmulator({ config: { issueAdminSig: 'never' } });
    expect((await post('/api/usersig', { userID: 'viewer_1' })).status).toBe(403); // no session
    const cookie = await login('viewer_1');
    const res = await postAs(cookie, '/api/usersig', { userID: 'viewer_1' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { userID: string; userSig: string };
    expect(body.userID).toBe('viewer_1');
    expect(verifyUserSig(body.userSig, emu.config.sdkAppId, emu.config.secretKey, 'viewer_1')).toMatchObject({ ok: true });
    // Someone else's id with my session: refused (that would be their account).
    expect(await (await postAs(cookie, '/api/usersig', { userID: 'viewer_2' })).json()).toEqual({ ok: false, error: 'not-your-session' });
    expect((await post('/api/usersig', { userID: 'bad id!' })).status).toBe(400);
    expect((await post('/api/usersig', {})).status).toBe(400);
    expect((await post('/api/usersig', { userID: emu.config.admin })).status).toBe(403);
    // Reserved ids: no login as the anchor (multi-login would kick the real one), the admin, the system.
    for (const id of ['anchor', 'administrator']) expect((await post('/api/login', { userID: id })).status).toBe(403);
    expect((await post('/api/login', { userID: '@TIM#SYSTEM' })).status).toBe(400); // not even a valid id
    expect((await postAs(cookie, '/api/usersig', { userID: 'anchor' })).status).toBe(403);
    const pre = await fetch(`${emu.url}/api/usersig`, { method: 'OPTIONS' });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('state-changing endpoints refuse a page of another origin (the cookie alone authorises nothing)', async () => {
    emu = await startEmulator({ config: { allowedOrigins: ['https://shop.example'] } });
    const cookie = await login('viewer_1');
    const evil = await postAs(cookie, '/api/usersig', { userID: 'viewer_1' }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toEqual({ ok: false, error: 'bad-origin' });
    expect((await postAs(cookie, '/api/login', { userID: 'x' }, { origin: 'https://evil.example' })).status).toBe(403);
    expect((await postAs(cookie, '/api/usersig', { userID: 'viewer_1' }, { origin: emu.url })).status).toBe(200);
    expect((await postAs(cookie, '/api/usersig', { userID: 'viewer_1' }, { origin: 'https://shop.example' })).status).toBe(200);
  });

  test('issues the admin UserSig to loopback callers by default (the admin page), and /api/info names the admin', async () => {
    emu = await startEmulator();
    expect(emu.config.issueAdminSig).toBe('loopback');
    expect((await post('/api/usersig', { userID: emu.config.admin })).status).toBe(200);
    expect(await (await fetch(`${emu.url}/api/config`)).json()).toEqual({
      sdkAppId: emu.config.sdkAppId,
      admin: 'administrator',
      rooms: [],
    });
  });
});

describe('gift billing', () => {
  test("charges the session user's wallet once per clientId and sends the gift from the admin account naming the payer; errors send nothing", async () => {
    emu = await startEmulator({ config: { walletStart: 3000 } });
    await createRoom(emu, 'live');
    const w = await TestClient.open(emu.wsUrl);
    clients.push(w);
    await w.ok('join', { roomId: 'live' });
    expect(await (await fetch(`${emu.url}/api/gifts`)).json()).toHaveLength(3);
    expect(await (await fetch(`${emu.url}/api/wallet?userID=alice`)).json()).toEqual({ ok: true, userID: 'alice', balance: 3000 });
    expect((await post('/api/gifts', { roomId: 'live', userID: 'alice', giftId: 'rocket', count: 1, clientId: 'g1' })).status).toBe(401); // no session
    const alice = await login('alice', 'Alice');
    emu.app.sessions.setLevel('alice', 12);

    const res = await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rocket', count: 1, clientId: 'g1' });
    expect(res.status).toBe(200);
    const ok = (await res.json()) as { ok: boolean; balance: number; messageId: string };
    expect(ok).toMatchObject({ ok: true, balance: 1000 });
    const m = await w.waitMessage((x) => x.ID === ok.messageId);
    expect(m).toMatchObject({
      type: 'TIMCustomElem',
      from: 'administrator',
      priority: 'High',
      cloudCustomData: '{"lcr":{"level":12,"cid":"g1"}}',
    });
    expect(JSON.parse(m.payload.data as string)).toEqual({
      version: 1,
      businessID: 'flutter_live_kit',
      data: {
        cmd: 'send_gift_message',
        cmdInfo: {
          senderID: 'alice',
          senderNick: 'Alice',
          type: 3,
          giftUrl: '/gifts/rocket.svg',
          giftCount: 1,
          giftSEUrl: '/gifts/rocket.json',
          giftName: 'Super Rocket',
          giftUnits: '',
          giftId: 'rocket',
        },
      },
    });

    // The same request again (a retry after a lost answer, a double submit): billed once, same answer.
    const [again, twice] = await Promise.all([
      postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rocket', count: 1, clientId: 'g1' }),
      postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rocket', count: 1, clientId: 'g1' }),
    ]);
    expect(await again.json()).toEqual(ok);
    expect(await twice.json()).toEqual(ok);
    expect(emu.app.ledger.stats).toEqual({ charged: 1, replayed: 2 });
    // A clientId reused for another gift is refused, not billed.
    expect((await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rose', count: 1, clientId: 'g1' })).status).toBe(409);
    // Paying for someone else, or without an idempotency key: refused.
    expect((await postAs(alice, '/api/gifts', { roomId: 'live', userID: 'bob', giftId: 'rose', count: 1, clientId: 'g2' })).status).toBe(
      403,
    );
    expect((await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rose', count: 1 })).status).toBe(400);

    const poor = await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'car', count: 3, clientId: 'g3' });
    expect(poor.status).toBe(402);
    expect(await poor.json()).toEqual({ ok: false, error: 'insufficient-balance', balance: 1000 });
    expect((await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'unicorn', count: 1, clientId: 'g4' })).status).toBe(400);
    for (const count of [0, -1, 1.5, 10_000, '3']) {
      expect((await postAs(alice, '/api/gifts', { roomId: 'live', giftId: 'rose', count, clientId: 'g5' })).status).toBe(400);
    }
    expect((await postAs(alice, '/api/gifts', { roomId: 'nope', giftId: 'rose', count: 1, clientId: 'g6' })).status).toBe(404);
    await fence(emu, 'live', w);
    expect(w.messages().filter((x) => x.type === 'TIMCustomElem')).toHaveLength(1);
    expect(await (await fetch(`${emu.url}/api/wallet?userID=alice`)).json()).toMatchObject({ balance: 1000 });
  });
});

describe('the before-send callback (trust)', () => {
  test("clients may send text, likes and enter notices; gifts, control and unknown commands are refused (10016); metadata is the server's", async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const w = await TestClient.open(emu.wsUrl);
    const mallory = await TestClient.open(emu.wsUrl);
    clients.push(w, mallory);
    await w.ok('join', { roomId: 'live' });
    await mallory.login(emu, 'mallory', { nick: 'Mallory', level: 99 });
    await mallory.ok('join', { roomId: 'live' });
    emu.app.sessions.setLevel('mallory', 2);
    const env = (cmd: string, cmdInfo: Record<string, unknown> = {}) =>
      JSON.stringify({ version: 1, businessID: 'flutter_live_kit', data: { cmd, cmdInfo } });
    const custom = (data: string) => ({
      wire: { type: 'TIMCustomElem', data, description: '', extension: '', priority: 'high', cloudCustomData: '' },
    });
    for (const cmd of ['send_gift_message', 'room_state_changed', 'announcement_changed', 'audience_count', 'system_notice', 'poll_open']) {
      expect(
        await mallory.request('send', custom(env(cmd, { type: 3, giftName: 'Crown', giftCount: 99, state: 'ended', text: 'x', count: 9 }))),
      ).toMatchObject({ ok: false, code: 10016 });
    }
    expect(await mallory.request('send', custom(env('send_like_message', { count: 3 })))).toMatchObject({ ok: true });
    const sent = await mallory.request('send', {
      wire: { type: 'TIMTextElem', text: 'hi', priority: 'high', cloudCustomData: '{"lcr":{"role":"admin","level":99,"cid":"c-9"}}' },
    });
    expect(sent).toMatchObject({ ok: true });
    const text = await w.waitMessage((m) => m.type === 'TIMTextElem');
    // No role claim survives, the level is the server's, the client id stays; High is queued as Normal.
    expect(text).toMatchObject({ from: 'mallory', cloudCustomData: '{"lcr":{"level":2,"cid":"c-9"}}', priority: 'Normal' });
    await fence(emu, 'live', w);
    expect(
      w
        .messages()
        .filter((m) => m.type === 'TIMCustomElem')
        .map((m) => JSON.parse(m.payload.data as string).data.cmd),
    ).toEqual(['send_like_message']);
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
    const r = await fetch(`${emu.url}/api/crowd?${emu.adminQuery()}`, {
      method: 'POST',
      body: JSON.stringify({ roomId: 'live', action: 'start' }),
    });
    expect(r.status).toBe(409);
  });
});
