/**
 * Robustness: 10,000 seeded random and garbage inputs (WebSocket frames and REST/API bodies) at a
 * real emulator; it must answer what it can, never crash, and serve the next valid request.
 */
import { expect, test } from 'vitest';
import { COMMANDS } from '../../../demo/server/rest-api.ts';
import { createRoom, rest, seeded, startEmulator, TestClient, until } from './helpers.ts';

const WS_FRAMES = 8000;
const HTTP_BODIES = 2000;

function generator(random: () => number) {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const str = (): string =>
    pick([
      () => '',
      () => 'live',
      () => 'fuzz-room',
      () => 'x'.repeat(int(5000)),
      () => String.fromCharCode(...Array.from({ length: int(40) }, () => int(0xffff))),
      () => '__proto__',
      () => '<script>alert(1)</script>',
      () => '\u0000\u202e\ud800',
      () => `@TGS#a${int(1e9)}`,
    ])();
  const value = (depth = 0): unknown => {
    const leaf = [() => null, () => true, () => int(2 ** 33) - 2 ** 32, () => random() * 1e308, () => str(), () => -0, () => 1.5];
    if (depth > 3) return pick(leaf)();
    return pick([
      ...leaf,
      () => Array.from({ length: int(5) }, () => value(depth + 1)),
      () =>
        Object.fromEntries(
          Array.from({ length: int(5) }, () => [
            pick([str(), 'GroupId', 'MsgBody', 'Members_Account', 'GroupAttr', 'MuteTime', 'type', 'text', 'data']),
            value(depth + 1),
          ]),
        ),
    ])();
  };
  const wire = () =>
    pick([
      () => ({
        type: 'TIMTextElem',
        text: value(),
        priority: pick(['high', 'normal', 'low', 'lowest', 'urgent', 3]),
        cloudCustomData: value(),
      }),
      () => ({ type: 'TIMCustomElem', data: value(), description: value(), extension: value(), priority: 'high', cloudCustomData: '' }),
      () => value(),
    ])();
  const frame = (): string | Buffer => {
    switch (int(8)) {
      case 0:
        return Buffer.from(Array.from({ length: int(300) }, () => int(256)));
      case 1:
        return pick(['', '{', 'null', '[]', '"str"', '1e999', '{"t":"send"}', '{"rid":-1}', '['.repeat(5000), '{"a":'.repeat(3000)]);
      case 2:
        return JSON.stringify(value());
      default:
        return JSON.stringify({
          t: pick(['login', 'join', 'leave', 'send', 'audience', 'ping', 'hello', 'result', str()]),
          rid: pick([int(1e6), -5, 1.5, '7', null, 2 ** 60, undefined]),
          userId: pick([str(), 'fuzzer', 'alice']),
          userSig: str(),
          roomId: pick(['live', str(), value()]),
          wire: wire(),
          nick: value(),
          level: value(),
        });
    }
  };
  const body = (): string =>
    random() < 0.1 ? pick(['', '{', 'null', '[]', '\u0000', '{"GroupId":'.repeat(100)]) : JSON.stringify(value());
  const typedBody = (): Record<string, unknown> => ({
    GroupId: pick(['live', 'fuzz-room', str(), value()]),
    Members_Account: pick([[str()], value(), ['alice', 'bob']]),
    MuteTime: pick([int(100), -1, 2 ** 40, value()]),
    Duration: value(),
    MsgBody: pick([[{ MsgType: 'TIMTextElem', MsgContent: { Text: str() } }], value()]),
    GroupAttr: pick([[{ key: str(), value: str() }], value()]),
    Notification: value(),
    Type: pick(['AVChatRoom', value()]),
    Name: value(),
    GroupIdList: value(),
    UserID: pick(['alice', str()]),
    Random: value(),
    roomId: pick(['live', value()]),
    userID: pick(['alice', str()]),
    giftId: pick(['rose', str()]),
    count: value(),
  });
  return { int, pick, frame, body, typedBody };
}

test(`survives ${WS_FRAMES} garbage frames and ${HTTP_BODIES} garbage REST/API bodies, then serves valid requests`, async () => {
  const random = seeded(20250101);
  const g = generator(random);
  const emu = await startEmulator({ config: { roomRate: 1000 } });
  const clients: TestClient[] = [];
  try {
    await createRoom(emu, 'live');
    await createRoom(emu, 'fuzz-room');

    // --- WebSocket frames, over a few connections (some get logged in and joined first) ---
    let client = await TestClient.open(emu.wsUrl);
    clients.push(client);
    let reopened = 0;
    for (let i = 0; i < WS_FRAMES; i++) {
      if (client.closed || client.ws.readyState !== client.ws.OPEN) {
        client = await TestClient.open(emu.wsUrl);
        clients.push(client);
        reopened++;
      }
      if (i % 1000 === 0) {
        await client.login(emu, `fuzzer${i}`);
        await client.ok('join', { roomId: 'live' });
      }
      const oversize = i % 997 === 996;
      client.sendRaw(oversize ? 'x'.repeat(70 * 1024) : g.frame());
      if (oversize) await until(() => client.closed || undefined, 3000, 'close after an oversize frame');
      if (i % 200 === 0) await new Promise((r) => setTimeout(r, 5)); // let the server breathe
    }
    expect(reopened).toBeGreaterThan(0); // oversize frames close a connection (ws 1009); others keep going

    // --- HTTP bodies: Tencent commands, our API, random paths and queries ---
    const commands = Object.keys(COMMANDS);
    const statuses = new Map<number, number>();
    for (let i = 0; i < HTTP_BODIES; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, async () => {
          const kind = g.int(4);
          let url: string;
          let body: string;
          if (kind === 0) {
            url = `${emu.url}/v4/${g.pick(commands)}?${emu.adminQuery()}`;
            body = JSON.stringify(g.typedBody());
          } else if (kind === 1) {
            url = `${emu.url}/v4/${g.pick([...commands, 'x/y', '../../etc', '%00'])}?${g.pick([emu.adminQuery(), 'sdkappid=abc', '', 'usersig=' + 'A'.repeat(5000)])}`;
            body = g.body();
          } else if (kind === 2) {
            url = `${emu.url}${g.pick(['/api/gifts', '/api/usersig', '/api/crowd?' + emu.adminQuery(), '/api/wallet?userID=%ZZ', '/api/nope'])}`;
            body = g.pick([JSON.stringify(g.typedBody()), g.body()]);
          } else {
            url = `${emu.url}/${g.pick(['', 'hls/live/live.m3u8', 'ws', '%2e%2e/', 'v4', 'v4/'])}`;
            body = g.body();
          }
          const method = g.int(5) ? 'POST' : g.pick(['GET', 'PUT', 'DELETE']);
          const res = await fetch(url, { method, ...(method === 'GET' ? {} : { body }), signal: AbortSignal.timeout(5000) });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }),
      );
    }
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);

    // --- the next valid requests are served (the fuzz may legitimately have destroyed rooms) ---
    await createRoom(emu, 'after-fuzz');
    const ok = await TestClient.open(emu.wsUrl);
    clients.push(ok);
    await ok.login(emu, 'after_fuzz');
    await ok.ok('join', { roomId: 'after-fuzz' });
    const watcher = await TestClient.open(emu.wsUrl);
    clients.push(watcher);
    await watcher.ok('join', { roomId: 'after-fuzz' });
    await ok.ok('send', { wire: { type: 'TIMTextElem', text: 'still alive', priority: 'normal', cloudCustomData: '' } });
    await watcher.waitMessage((m) => m.payload.text === 'still alive');
    expect(await rest(emu, 'group_open_http_svc/get_online_member_num', { GroupId: 'after-fuzz' })).toMatchObject({
      ActionStatus: 'OK',
      OnlineMemberNum: 2,
    });
    await until(() => emu.engine.sessions.size >= 2 || undefined, 1000, 'sessions');
  } finally {
    for (const c of clients) c.close();
    await emu.close();
  }
}, 60_000);
