/** AVChatRoom semantics over real WebSocket clients on 127.0.0.1. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { genUserSig } from '../../../demo/server/usersig.ts';
import { createRoom, fence, rest, startEmulator, TestClient, until } from './helpers.ts';

let emu: Emulator;
const clients: TestClient[] = [];
const open = async (): Promise<TestClient> => {
  const c = await TestClient.open(emu.wsUrl);
  clients.push(c);
  return c;
};

beforeEach(async () => {
  emu = await startEmulator({ config: { userRate: 0 } });
  await createRoom(emu, 'room-a');
  await createRoom(emu, 'room-b');
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});

describe('joining, receiving, sending', () => {
  test('a guest joins and receives, but sending fails with 2024', async () => {
    const guest = await open();
    expect(await guest.waitFrame('hello')).toMatchObject({ v: 1, sdkAppId: emu.config.sdkAppId });
    const snap = (await guest.ok('join', { roomId: 'room-a' })) as { roomId: string; profile: { memberNum: number } };
    expect(snap.roomId).toBe('room-a');
    expect(snap.profile.memberNum).toBe(1);
    const r = await guest.request('send', { wire: { type: 'TIMTextElem', text: 'hi', priority: 'normal', cloudCustomData: '' } });
    expect(r).toMatchObject({ ok: false, code: 2024 });

    const alice = await open();
    await alice.login(emu, 'alice', { nick: 'Alice', level: 7 });
    // The level on the wire is the business server's (its before-send callback rewrites it).
    emu.app.sessions.setLevel('alice', 7);
    await alice.ok('join', { roomId: 'room-a' });
    const sent = (await alice.ok('send', {
      wire: { type: 'TIMTextElem', text: 'hello room', priority: 'normal', cloudCustomData: '{"lcr":{"level":7}}' },
    })) as { id: string; time: number };
    const got = await guest.waitMessage((m) => m.type === 'TIMTextElem');
    expect(got).toEqual({
      ID: sent.id,
      type: 'TIMTextElem',
      payload: { text: 'hello room' },
      from: 'alice',
      nick: 'Alice',
      avatar: '',
      time: sent.time,
      priority: 'Normal',
      cloudCustomData: '{"lcr":{"level":7}}',
    });
    expect(sent.id).toMatch(/^144115\d{12}-\d+-\d+$/);
    expect(Math.abs(sent.time - Date.now() / 1000)).toBeLessThan(5); // seconds, like Tencent
    // The sender's own instance gets no echo.
    await fence(emu, 'room-a', alice);
    expect(alice.messages().some((m) => m.ID === sent.id)).toBe(false);
    // A member sees the join tip of a logged-in user, with the member count.
    expect(
      guest
        .messages()
        .some((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 1 && (m.payload.userIDList as string[])[0] === 'alice'),
    ).toBe(true);
  });

  test('sending needs membership (10007), an existing room (10010) and a valid frame (10004)', async () => {
    const alice = await open();
    await alice.login(emu, 'alice');
    expect(
      await alice.request('send', { wire: { type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' } }),
    ).toMatchObject({ ok: false, code: 10007 });
    expect(await alice.request('join', { roomId: 'nope' })).toMatchObject({ ok: false, code: 10010 });
    await alice.ok('join', { roomId: 'room-a' });
    expect(await alice.request('send', { wire: { type: 'TIMImageElem' } })).toMatchObject({ ok: false, code: 10004 });
    expect(await alice.request('bogus')).toMatchObject({ ok: false, code: 10004 });
  });

  test('one live room per connection: joining B leaves A', async () => {
    const watcher = await open();
    await watcher.ok('join', { roomId: 'room-a' });
    const bob = await open();
    await bob.login(emu, 'bob');
    await bob.ok('join', { roomId: 'room-a' });
    expect(emu.engine.audience('room-a')).toBe(2);
    await bob.ok('join', { roomId: 'room-b' });
    expect(emu.engine.audience('room-a')).toBe(1);
    expect(emu.engine.audience('room-b')).toBe(1);
    const quit = await watcher.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 2);
    expect(quit.payload).toMatchObject({ userIDList: ['bob'], memberNum: 1 });
    expect(await bob.ok('audience')).toEqual({ count: 1 });
    expect(await bob.ok('audience', { roomId: 'room-a' })).toEqual({ count: 1 });
  });

  test('the same user on a second connection kicks the first with multipleAccount', async () => {
    const tab1 = await open();
    await tab1.login(emu, 'carol');
    await tab1.ok('join', { roomId: 'room-a' });
    const tab2 = await open();
    await tab2.login(emu, 'carol');
    const kicked = await tab1.waitFrame('kicked');
    expect(kicked.reason).toBe('multipleAccount');
    await until(() => tab1.closed, 2000, 'tab1 closed');
    expect(emu.engine.audience('room-a')).toBe(0);
    expect(tab2.frames.some((f) => f.t === 'kicked')).toBe(false);
  });

  test('multi-login policy "allow" keeps both connections', async () => {
    await emu.close();
    emu = await startEmulator({ config: { multiLogin: 'allow' } });
    const tab1 = await open();
    await tab1.login(emu, 'carol');
    const tab2 = await open();
    await tab2.login(emu, 'carol');
    // A kick would have reached tab1 before tab2's login answer; a round trip on each proves none came.
    await tab1.ok('ping');
    await tab2.ok('ping');
    expect(tab1.closed || tab2.closed).toBe(false);
  });

  test('login failures carry Tencent account codes', async () => {
    const c = await open();
    expect(await c.request('login', { userId: 'dave', userSig: 'garbage' })).toMatchObject({ ok: false, code: 70003 });
    expect(await c.request('login', { userId: 'dave', userSig: emu.userSig('erin') })).toMatchObject({ ok: false, code: 70013 });
    expect(await c.request('login', { userId: 'dave', userSig: genUserSig(emu.config.sdkAppId, 'wrong-key', 'dave', 60) })).toMatchObject({
      ok: false,
      code: 70009,
    });
    expect(await c.request('login', { userId: 'dave', userSig: genUserSig(1, emu.config.secretKey, 'dave', 60) })).toMatchObject({
      ok: false,
      code: 70014,
    });
    expect(
      await c.request('login', {
        userId: 'dave',
        userSig: genUserSig(emu.config.sdkAppId, emu.config.secretKey, 'dave', 10, Date.now() - 60_000),
      }),
    ).toMatchObject({ ok: false, code: 70001 });
    expect(await c.request('login', { userId: 'with space', userSig: 'x' })).toMatchObject({ ok: false, code: 10004 });
  });

  test('message body over 12 KB answers 80002; 12 KB exactly passes', async () => {
    const alice = await open();
    await alice.login(emu, 'alice');
    await alice.ok('join', { roomId: 'room-a' });
    const big = await alice.request('send', {
      wire: {
        type: 'TIMCustomElem',
        data: 'x'.repeat(12 * 1024 + 1),
        description: '',
        extension: '',
        priority: 'normal',
        cloudCustomData: '',
      },
    });
    expect(big).toMatchObject({ ok: false, code: 80002 });
    const edge = await alice.request('send', {
      wire: { type: 'TIMTextElem', text: 'é'.repeat(6 * 1024), priority: 'normal', cloudCustomData: '' },
    });
    expect(edge.ok).toBe(true);
  });

  test('a REST kick ends the session with REST_API_Kick and invalidates older UserSigs', async () => {
    const c = await open();
    const oldSig = genUserSig(emu.config.sdkAppId, emu.config.secretKey, 'frank', 3600, Date.now() - 5000);
    await c.ok('login', { userId: 'frank', userSig: oldSig });
    await c.ok('join', { roomId: 'room-a' });
    expect(await rest(emu, 'im_open_login_svc/kick', { UserID: 'frank' })).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect((await c.waitFrame('kicked')).reason).toBe('REST_API_Kick');
    await until(() => c.closed, 2000, 'closed');
    const again = await open();
    expect(await again.request('login', { userId: 'frank', userSig: oldSig })).toMatchObject({ ok: false, code: 70001 });
    await again.login(emu, 'frank'); // a newly issued one works
  });

  test('per-user send rate limit answers 10023', async () => {
    await emu.close();
    emu = await startEmulator({ config: { userRate: 2 } });
    await createRoom(emu, 'room-a');
    const alice = await open();
    await alice.login(emu, 'alice');
    await alice.ok('join', { roomId: 'room-a' });
    const wire = { type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' };
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await alice.request('send', { wire }));
    expect(results.map((r) => (r.ok ? 0 : r.code))).toEqual([0, 0, 10023]);
  });

  test('leaving and closing free the seat; the audience counts connections and crowd bots', async () => {
    const a = await open();
    await a.ok('join', { roomId: 'room-a' });
    const b = await open();
    await b.ok('join', { roomId: 'room-a' });
    const { createCrowdApi } = await import('../../../demo/server/crowd-bridge.ts');
    const api = createCrowdApi(emu.engine, 'room-a', emu.billing);
    api.join('bot-1', 'Bot One', 3);
    api.join('bot-2', 'Bot Two', 4);
    const r = await rest(emu, 'group_open_http_svc/get_online_member_num', { GroupId: 'room-a' });
    expect(r).toMatchObject({ ActionStatus: 'OK', OnlineMemberNum: 4 });
    await a.ok('leave');
    b.close();
    api.leave('bot-1');
    await until(() => emu.engine.audience('room-a') === 1 || undefined, 2000, 'audience 1');
  });
});
