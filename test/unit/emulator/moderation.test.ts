/** Keyword filter and Tencent's before/after-send callbacks against a real local HTTP server. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import type { EmulatorConfig } from '../../../demo/server/config.ts';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { createRoom, fence, isFence, rest, startEmulator, TestClient, until } from './helpers.ts';

type Seen = { url: URL; body: Record<string, unknown> };
let emu: Emulator | undefined;
let hook: Server | undefined;
const clients: TestClient[] = [];

/** A business server on 127.0.0.1:0 answering each callback with `answer(body)` (or never). */
async function businessServer(answer: (body: Record<string, unknown>) => unknown): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  hook = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, unknown>;
      seen.push({ url: new URL(req.url!, 'http://x'), body });
      const a = answer(body);
      if (a === 'hang') return; // never answers: the emulator's timeout decides
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(a));
    });
  });
  await new Promise<void>((r) => hook!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/im-callback`, seen };
}

async function setup(config: Partial<EmulatorConfig>): Promise<{ sender: TestClient; watcher: TestClient }> {
  emu = await startEmulator({ config });
  await createRoom(emu, 'live');
  const watcher = await TestClient.open(emu.wsUrl);
  const sender = await TestClient.open(emu.wsUrl);
  clients.push(watcher, sender);
  await watcher.ok('join', { roomId: 'live' });
  await sender.login(emu, 'alice');
  await sender.ok('join', { roomId: 'live' });
  return { sender, watcher };
}
const text = (t: string) => ({ wire: { type: 'TIMTextElem', text: t, priority: 'normal', cloudCustomData: '{"lcr":{"level":1}}' } });
const texts = (c: TestClient) =>
  c
    .messages()
    .filter((m) => m.type === 'TIMTextElem' && !isFence(m.payload.text))
    .map((m) => m.payload.text);

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  hook?.closeAllConnections();
  await new Promise((r) => (hook ? hook.close(r) : r(undefined)));
  hook = undefined;
  await emu?.close();
  emu = undefined;
});

describe('keyword list', () => {
  test('a text hitting the list answers 80001 and is not delivered', async () => {
    const { sender, watcher } = await setup({ keywords: ['badword'] });
    expect(await sender.request('send', text('this has a BadWord inside'))).toMatchObject({ ok: false, code: 80001 });
    expect((await sender.request('send', text('clean'))).ok).toBe(true);
    await watcher.waitMessage((m) => m.payload.text === 'clean');
    expect(texts(watcher)).toEqual(['clean']);
  });
});

describe('before-send callback (Group.CallbackBeforeSendMsg)', () => {
  test('is called with Tencent’s body; 0 allows, 1 rejects with 10016, 2 drops silently', async () => {
    const biz = await businessServer((b) => {
      const t = (b.MsgBody as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text;
      return { ActionStatus: 'OK', ErrorInfo: '', ErrorCode: t.startsWith('reject') ? 1 : t.startsWith('drop') ? 2 : 0 };
    });
    const { sender, watcher } = await setup({ beforeSendUrl: biz.url, keywords: [] });
    expect((await sender.request('send', text('allowed'))).ok).toBe(true);
    expect(await sender.request('send', text('reject me'))).toMatchObject({ ok: false, code: 10016 });
    const dropped = await sender.request('send', text('drop me'));
    expect(dropped.ok).toBe(true); // the sender sees success
    await watcher.waitMessage((m) => m.payload.text === 'allowed');
    await fence(emu!, 'live', watcher);
    expect(texts(watcher)).toEqual(['allowed']);

    const first = biz.seen[0]!;
    expect(first.url.pathname).toBe('/im-callback');
    expect(first.url.searchParams.get('CallbackCommand')).toBe('Group.CallbackBeforeSendMsg');
    expect(first.url.searchParams.get('SdkAppid')).toBe(String(emu!.config.sdkAppId));
    expect(first.url.searchParams.get('contenttype')).toBe('json');
    expect(first.body).toMatchObject({
      CallbackCommand: 'Group.CallbackBeforeSendMsg',
      GroupId: 'live',
      Type: 'AVChatRoom',
      From_Account: 'alice',
      Operator_Account: 'alice',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'allowed' } }],
      CloudCustomData: '{"lcr":{"level":1}}',
    });
    expect(typeof first.body.Random).toBe('number');
  });

  test('the business server may rewrite the message body', async () => {
    const biz = await businessServer(() => ({
      ActionStatus: 'OK',
      ErrorCode: 0,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: '***' } }],
    }));
    const { sender, watcher } = await setup({ beforeSendUrl: biz.url, keywords: [] });
    await sender.ok('send', text('rude words'));
    expect((await watcher.waitMessage((m) => m.type === 'TIMTextElem')).payload.text).toBe('***');
  });

  test('a timeout follows the policy: allow delivers, reject answers 10016', async () => {
    const biz = await businessServer(() => 'hang');
    const allow = await setup({ beforeSendUrl: biz.url, callbackTimeoutMs: 100, callbackTimeoutPolicy: 'allow' });
    expect((await allow.sender.request('send', text('late but fine'))).ok).toBe(true);
    await allow.watcher.waitMessage((m) => m.payload.text === 'late but fine');
    expect(emu!.engine.moderation.stats.beforeTimeouts).toBe(1);
    for (const c of clients.splice(0)) c.close();
    await emu!.close();

    const reject = await setup({ beforeSendUrl: biz.url, callbackTimeoutMs: 100, callbackTimeoutPolicy: 'reject' });
    expect(await reject.sender.request('send', text('too late'))).toMatchObject({ ok: false, code: 10016 });
  });

  test('REST sends call it too unless ForbidCallbackControl says otherwise', async () => {
    const biz = await businessServer(() => ({ ActionStatus: 'OK', ErrorCode: 1 }));
    await setup({ beforeSendUrl: biz.url });
    const body = { GroupId: 'live', Random: 1, MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'admin says' } }] };
    expect(await rest(emu!, 'group_open_http_svc/send_group_msg', body)).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10016 });
    expect(biz.seen.at(-1)!.url.searchParams.get('OptPlatform')).toBe('RESTAPI');
    const skip = await rest(emu!, 'group_open_http_svc/send_group_msg', {
      ...body,
      ForbidCallbackControl: ['ForbidBeforeSendMsgCallback'],
    });
    expect(skip).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
  });
});

describe('after-send callback (Group.CallbackAfterSendMsg)', () => {
  test('fires for delivered messages only: not for dropped, rejected or shed ones', async () => {
    const after = await businessServer(() => ({ ActionStatus: 'OK', ErrorCode: 0 }));
    // Room rate 1/s: of a burst, most messages are shed (they still answer success).
    const { sender, watcher } = await setup({ afterSendUrl: after.url, roomRate: 1, keywords: ['bad'] });
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await sender.request('send', text(`m${i}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await sender.request('send', text('bad'))).toMatchObject({ ok: false, code: 80001 });
    await watcher.waitMessage((m) => m.type === 'TIMTextElem');
    const room = emu!.rooms.get('live')!;
    await until(() => room.pending === 0 || undefined, 3000, 'frequency control to settle'); // delivered or shed
    await watcher.ok('ping'); // every delivered frame was written to this socket before the answer
    const delivered = texts(watcher);
    expect(room.stats.shed.Normal).toBeGreaterThan(0);
    expect(delivered.length).toBe(8 - room.stats.shed.Normal);
    await until(() => after.seen.length === delivered.length || undefined, 2000, 'after-send calls');
    expect(after.seen.map((s) => (s.body.MsgBody as { MsgContent: { Text: string } }[])[0]!.MsgContent.Text).sort()).toEqual(
      [...delivered].sort(),
    );
    expect(after.seen[0]!.body).toMatchObject({
      CallbackCommand: 'Group.CallbackAfterSendMsg',
      GroupId: 'live',
      Type: 'AVChatRoom',
      From_Account: 'alice',
    });
    expect(typeof after.seen[0]!.body.MsgSeq).toBe('number');
    expect(typeof after.seen[0]!.body.MsgTime).toBe('number');
  });
});
