/** Every kind of frame the emulator emits decodes with the project's decoder (`ok: true`). */
import { afterEach, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { decodeFrame } from '../../../src/protocol/decode.ts';
import type { InboundFrame } from '../../../src/protocol/types.ts';
import type { WireJoinSnapshot } from '../../../src/transport/emulator/wire.ts';
import { createCrowdApi } from '../../../demo/server/crowd-bridge.ts';
import { createRoom, rest, startEmulator, TestClient, until } from './helpers.ts';

let emu: Emulator;
const clients: TestClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});

/** The same mapping the emulator transport makes from server frames to inbound frames. */
function inbound(c: TestClient): InboundFrame[] {
  return c.frames.flatMap((f): InboundFrame[] => {
    if (f.t === 'message') return [{ kind: 'message', message: f.message }];
    if (f.t === 'attributes') return [{ kind: 'attributes', attributes: f.attributes, time: f.time }];
    if (f.t === 'kicked') return [{ kind: 'kicked', reason: f.reason, time: f.time }];
    return [];
  });
}

test('text, custom (gift, like, any), tips 1/2/6/7/10/11, notices 5/255, broadcast, attributes, profile, kicks', async () => {
  emu = await startEmulator({ config: { multiLogin: 'kick-old', userSigPolicy: 'open' } });
  await createRoom(emu, 'live', { Owner_Account: 'anchor', Notification: 'Welcome' });
  await createRoom(emu, 'other');
  const w = await TestClient.open(emu.wsUrl);
  clients.push(w);
  await w.login(emu, 'watcher');
  const snap = (await w.ok('join', { roomId: 'live' })) as WireJoinSnapshot;

  const alice = await TestClient.open(emu.wsUrl);
  clients.push(alice);
  await alice.login(emu, 'alice', { nick: 'Alice', level: 3 });
  await alice.ok('join', { roomId: 'live' });
  await alice.ok('send', {
    wire: { type: 'TIMTextElem', text: 'hello', priority: 'normal', cloudCustomData: '{"lcr":{"level":3,"cid":"c-1"}}' },
  });
  const gift = await fetch(`${emu.url}/api/gifts`, {
    method: 'POST',
    body: JSON.stringify({ roomId: 'live', userID: 'alice', giftId: 'rocket', count: 1, clientId: 'g-1' }),
  });
  expect(gift.status).toBe(200);
  const crowd = createCrowdApi(emu.engine, 'live', emu.billing);
  crowd.join('bot-1', 'Bot', 5);
  crowd.sendLike('bot-1', 12);
  crowd.sendGift('bot-1', 'rose', 3);
  // A command of the host's own: the business server sends it (clients may send only text, likes and enter notices).
  await rest(emu, 'group_open_http_svc/send_group_msg', {
    GroupId: 'live',
    Random: 7,
    MsgBody: [
      {
        MsgType: 'TIMCustomElem',
        MsgContent: {
          Data: JSON.stringify({ version: 1, businessID: 'flutter_live_kit', data: { cmd: 'poll_open', cmdInfo: { q: 'yes?' } } }),
          Desc: 'poll_open',
          Ext: '',
        },
      },
    ],
  });
  crowd.leave('bot-1');
  const admin = (cmd: string, body: Record<string, unknown>) => rest(emu, `group_open_http_svc/${cmd}`, { GroupId: 'live', ...body });
  await admin('modify_group_base_info', { Notification: 'New notice', MuteAllMember: 'On' });
  await admin('forbid_send_msg', { Members_Account: ['alice'], MuteTime: 30 });
  await admin('ban_group_member', { Members_Account: ['mallory'], Duration: 60 });
  await admin('unban_group_member', { Members_Account: ['mallory'] });
  await admin('send_group_system_notification', { Content: 'maintenance at 10' });
  await admin('modify_group_attr', {
    GroupAttr: [
      { key: 'state', value: 'live' },
      { key: 'startTime', value: String(Date.now()) },
    ],
  });
  await rest(emu, 'group_open_http_svc/send_broadcast_msg', {
    Random: 1,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'to every room' } }],
  });

  const expected = [
    (m: Record<string, unknown>) => m.type === 'TIMTextElem' && !m.isBroadcastMessage,
    (m: Record<string, unknown>) => m.type === 'TIMTextElem' && m.isBroadcastMessage === true,
    ...[1, 2, 6, 7, 10, 11].map(
      (op) => (m: Record<string, unknown>) => m.type === 'TIMGroupTipElem' && (m.payload as { operationType: number }).operationType === op,
    ),
    (m: Record<string, unknown>) => m.type === 'TIMGroupSystemNoticeElem',
    ...['send_gift_message', 'send_like_message', 'poll_open'].map(
      (cmd) => (m: Record<string, unknown>) => m.type === 'TIMCustomElem' && String((m.payload as { data: string }).data).includes(cmd),
    ),
  ];
  await until(
    () => expected.every((p) => w.messages().some((m) => p(m as unknown as Record<string, unknown>))) || undefined,
    5000,
    'every kind of message',
  );

  // A second login of the watcher's user kicks it; then the room is dismissed for the other socket.
  const tab2 = await TestClient.open(emu.wsUrl);
  clients.push(tab2);
  await tab2.login(emu, 'watcher');
  await tab2.ok('join', { roomId: 'live' });
  await until(() => w.frames.find((f) => f.t === 'kicked'), 2000, 'kick');
  await rest(emu, 'group_open_http_svc/destroy_group', { GroupId: 'live' });
  await tab2.waitMessage((m) => m.type === 'TIMGroupSystemNoticeElem' && m.payload.operationType === 5);

  const frames = [
    ...inbound(w),
    ...inbound(tab2),
    { kind: 'profile', profile: snap.profile } as InboundFrame,
    { kind: 'attributes', attributes: snap.attributes } as InboundFrame,
  ];
  const ctx = { now: Date.now(), origin: emu.url, selfId: 'watcher', anchorId: 'anchor' };
  const kinds = new Set<string>();
  for (const f of frames) {
    const r = decodeFrame(f, ctx);
    if (!r.ok) throw new Error(`did not decode: ${JSON.stringify(f).slice(0, 300)} → ${r.reason} ${r.detail ?? ''}`);
    for (const e of r.events) kinds.add(e.kind);
  }
  expect([...kinds].sort()).toEqual(
    [
      'announcement',
      'audience',
      'ban',
      'custom',
      'gift',
      'introduction',
      'kick',
      'like',
      'member-enter',
      'member-leave',
      'mute',
      'room-state',
      'system',
      'text',
    ].sort(),
  );
});
