/** The Tencent-shaped REST API over real HTTP, with the documented sample bodies. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { genUserSig } from '../../../demo/server/usersig.ts';
import { fence, rest, startEmulator, TestClient, until } from './helpers.ts';

let emu: Emulator;
const clients: TestClient[] = [];
beforeEach(async () => {
  emu = await startEmulator();
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});

const q = (over: Record<string, string>): string => {
  const p = new URLSearchParams({
    sdkappid: String(emu.config.sdkAppId),
    identifier: emu.config.admin,
    usersig: emu.adminSig(),
    random: '99999999',
    contenttype: 'json',
    ...over,
  });
  return p.toString();
};
async function watcher(groupId: string): Promise<TestClient> {
  const c = await TestClient.open(emu.wsUrl);
  clients.push(c);
  await c.ok('join', { roomId: groupId });
  return c;
}
async function create(body: Record<string, unknown> = {}): Promise<string> {
  const r = await rest(emu, 'group_open_http_svc/create_group', {
    Owner_Account: 'leckie',
    Type: 'AVChatRoom',
    Name: 'TestGroup',
    ...body,
  });
  expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  return r.GroupId as string;
}

describe('authentication and envelope', () => {
  test('admin UserSig, SDKAppID and identifier are verified with Tencent codes; HTTP status stays 200', async () => {
    const cmd = 'group_open_http_svc/get_group_info';
    const body = { GroupIdList: ['x'] };
    const key = emu.config.secretKey;
    const app = emu.config.sdkAppId;
    const cases: [string, number][] = [
      [q({ sdkappid: '' }), 60012],
      [q({ sdkappid: '1400000001' }), 70014],
      [q({ usersig: genUserSig(app, 'forged-key', emu.config.admin, 3600) }), 70009],
      [q({ usersig: genUserSig(app, key, emu.config.admin, 60, Date.now() - 3600_000) }), 70001],
      [q({ usersig: 'eJyrVkrNKlSyUrJQ' }), 70003],
      [q({ usersig: emu.adminSig(), identifier: 'someone' }), 70013],
      [q({ identifier: 'someone', usersig: genUserSig(app, key, 'someone', 3600) }), 60010],
    ];
    for (const [query, code] of cases) {
      const res = await fetch(`${emu.url}/v4/${cmd}?${query}`, { method: 'POST', body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: code });
    }
  });

  test('unknown commands, bad JSON and wrong methods answer Tencent-style errors', async () => {
    expect(await rest(emu, 'group_open_http_svc/no_such_command', {})).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60009 });
    expect(await rest(emu, 'nosvc/x', {})).toMatchObject({ ErrorCode: 60009 });
    expect(await rest(emu, 'group_open_http_svc/get_group_info', '{not json')).toMatchObject({ ErrorCode: 60003 });
    expect(await rest(emu, 'group_open_http_svc/get_group_info', '[1,2]')).toMatchObject({ ErrorCode: 60003 });
    const get = await fetch(`${emu.url}/v4/group_open_http_svc/get_group_info?${emu.adminQuery()}`);
    expect(await get.json()).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 60002 });
    expect(await rest(emu, 'group_open_http_svc/get_group_info', {})).toMatchObject({ ErrorCode: 10004 });
  });
});

describe('groups', () => {
  test('create_group (AVChatRoom only), duplicate ids, get_group_info with a per-group error', async () => {
    const generated = await create();
    expect(generated).toMatch(/^@TGS#a[A-Z0-9]{9}$/);
    expect(
      await create({
        GroupId: 'MyFirstGroup',
        Introduction: 'This is group Introduction',
        Notification: 'This is group Notification',
        FaceUrl: 'http://this.is.face.url',
      }),
    ).toBe('MyFirstGroup');
    expect(await rest(emu, 'group_open_http_svc/create_group', { Type: 'AVChatRoom', Name: 'x', GroupId: 'MyFirstGroup' })).toMatchObject({
      ErrorCode: 10021,
    });
    expect(await rest(emu, 'group_open_http_svc/create_group', { Type: 'Public', Name: 'x' })).toMatchObject({ ErrorCode: 10004 });
    expect(await rest(emu, 'group_open_http_svc/create_group', { Type: 'AVChatRoom' })).toMatchObject({ ErrorCode: 10004 });
    const info = await rest(emu, 'group_open_http_svc/get_group_info', { GroupIdList: ['MyFirstGroup', '@TGS#1CXTZEAET'] });
    expect(info).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    const [mine, missing] = info.GroupInfo as Record<string, unknown>[];
    expect(mine).toMatchObject({
      GroupId: 'MyFirstGroup',
      ErrorCode: 0,
      Type: 'AVChatRoom',
      Name: 'TestGroup',
      Owner_Account: 'leckie',
      Notification: 'This is group Notification',
      Introduction: 'This is group Introduction',
      MemberNum: 0,
      MuteAllMember: 'Off',
    });
    expect(missing).toMatchObject({ GroupId: '@TGS#1CXTZEAET', ErrorCode: 10010 });
    // Room state defaults in group attributes: where the HLS origin serves this room.
    const attrs = await rest(emu, 'group_open_attr_http_svc/get_group_attr', { GroupId: 'MyFirstGroup' });
    expect(attrs.GroupAttrAry).toEqual([
      { key: 'state', value: 'upcoming' },
      { key: 'streamUrl', value: '/hls/MyFirstGroup/live.m3u8' },
      { key: 'replayUrl', value: '/hls/MyFirstGroup/replay.m3u8' },
    ]);
  });

  test('modify_group_base_info with the documented sample body', async () => {
    const id = await create();
    const w = await watcher(id);
    const r = await rest(emu, 'group_open_http_svc/modify_group_base_info', {
      GroupId: id,
      Name: 'NewName',
      Introduction: 'NewIntroduction',
      Notification: 'NewNotification',
      FaceUrl: 'http://this.is.new.face.url',
      MaxMemberNum: 500,
      ApplyJoinOption: 'NeedPermission',
      MuteAllMember: 'On',
    });
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    const tip = await w.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 6);
    expect(tip.payload.newGroupProfile).toEqual({
      name: 'NewName',
      notification: 'NewNotification',
      introduction: 'NewIntroduction',
      avatar: 'http://this.is.new.face.url',
      muteAllMembers: true,
    });
    expect(await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: id, MuteAllMember: 'maybe' })).toMatchObject({
      ErrorCode: 10004,
    });
    expect(await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: 'nope', Name: 'x' })).toMatchObject({
      ErrorCode: 10010,
    });
  });

  test('destroy_group: members get the dismissal notice; the group is gone', async () => {
    const id = await create();
    const w = await watcher(id);
    expect(await rest(emu, 'group_open_http_svc/destroy_group', { GroupId: id })).toMatchObject({ ErrorCode: 0 });
    const n = await w.waitMessage((m) => m.type === 'TIMGroupSystemNoticeElem');
    expect(n.payload.operationType).toBe(5);
    expect(await rest(emu, 'group_open_http_svc/get_online_member_num', { GroupId: id })).toMatchObject({ ErrorCode: 10010 });
    expect(await rest(emu, 'group_open_http_svc/destroy_group', { GroupId: id })).toMatchObject({ ErrorCode: 10010 });
  });
});

describe('messages', () => {
  test('send_group_msg: the documented samples, From_Account and MsgPriority', async () => {
    const id = await create();
    const w = await watcher(id);
    const plain = await rest(emu, 'group_open_http_svc/send_group_msg', {
      GroupId: id,
      Random: 8912345,
      MsgBody: [
        { MsgType: 'TIMTextElem', MsgContent: { Text: 'red packet' } },
        { MsgType: 'TIMFaceElem', MsgContent: { Index: 6, Data: 'abc\u0000\u0001' } },
      ],
    });
    expect(plain).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, MsgSeq: 1 });
    expect(typeof plain.MsgTime).toBe('number');
    const custom = await rest(emu, 'group_open_http_svc/send_group_msg', {
      GroupId: id,
      From_Account: 'leckie',
      Random: 8912346,
      MsgPriority: 'High',
      CloudCustomData: 'your cloud custom data',
      MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: 'message', Desc: 'notification', Ext: 'url', Sound: 'dingdong.aiff' } }],
    });
    expect(custom).toMatchObject({ ActionStatus: 'OK', MsgSeq: 2 });
    const text = await w.waitMessage((m) => m.ID === plain.MsgID);
    expect(text).toMatchObject({
      type: 'TIMTextElem',
      from: emu.config.admin,
      payload: { text: 'red packet' },
      priority: 'Normal',
      time: plain.MsgTime,
    });
    const c = await w.waitMessage((m) => m.ID === custom.MsgID);
    expect(c).toMatchObject({
      type: 'TIMCustomElem',
      from: 'leckie',
      priority: 'High',
      payload: { data: 'message', description: 'notification', extension: 'url' },
      cloudCustomData: 'your cloud custom data',
    });
    expect(
      await rest(emu, 'group_open_http_svc/send_group_msg', {
        GroupId: id,
        Random: 1,
        MsgBody: [{ MsgType: 'TIMImageElem', MsgContent: {} }],
      }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(
      await rest(emu, 'group_open_http_svc/send_group_msg', {
        GroupId: id,
        Random: 1,
        MsgPriority: 'Urgent',
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'x' } }],
      }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(
      await rest(emu, 'group_open_http_svc/send_group_msg', {
        GroupId: id,
        Random: 1,
        MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'x'.repeat(13_000) } }],
      }),
    ).toMatchObject({ ErrorCode: 80002 });
  });

  test('send_group_system_notification reaches members (or only the listed ones)', async () => {
    const id = await create();
    const all = await watcher(id);
    const peter = await TestClient.open(emu.wsUrl);
    clients.push(peter);
    await peter.login(emu, 'peter');
    await peter.ok('join', { roomId: id });
    expect(await rest(emu, 'group_open_http_svc/send_group_system_notification', { GroupId: id, Content: 'Hello World' })).toMatchObject({
      ErrorCode: 0,
    });
    const n = await all.waitMessage((m) => m.type === 'TIMGroupSystemNoticeElem');
    expect(n.payload).toMatchObject({ operationType: 255, userDefinedField: 'Hello World' });
    await rest(emu, 'group_open_http_svc/send_group_system_notification', {
      GroupId: id,
      ToMembers_Account: ['peter', 'leckie'],
      Content: 'only peter',
    });
    await peter.waitMessage((m) => m.payload.userDefinedField === 'only peter');
    await fence(emu, id, all);
    expect(all.messages().some((m) => m.payload.userDefinedField === 'only peter')).toBe(false);
  });

  test('send_broadcast_msg reaches every live room with isBroadcastMessage', async () => {
    const a = await watcher(await create());
    const b = await watcher(await create());
    const r = await rest(emu, 'group_open_http_svc/send_broadcast_msg', {
      From_Account: 'test',
      Random: 8912345,
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hi, beauty' } }],
    });
    expect(r).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    for (const c of [a, b]) {
      expect(await c.waitMessage((m) => m.isBroadcastMessage === true)).toMatchObject({
        type: 'TIMTextElem',
        from: 'test',
        payload: { text: 'hi, beauty' },
      });
    }
  });
});

describe('members and attributes', () => {
  test('forbid_send_msg / get_group_muted_account / ban / unban with the documented samples', async () => {
    const id = await create();
    expect(
      await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: id, Members_Account: ['peter', 'leckie'], MuteTime: 60 }),
    ).toMatchObject({ ErrorCode: 0 });
    const muted = await rest(emu, 'group_open_http_svc/get_group_muted_account', { GroupId: id });
    expect((muted.ShuttedUinList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual(['peter', 'leckie']);
    expect(await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: id, Members_Account: [], MuteTime: 60 })).toMatchObject({
      ErrorCode: 10004,
    });
    expect(
      await rest(emu, 'group_open_http_svc/ban_group_member', {
        GroupId: id,
        Members_Account: ['brennanli2', 'brennanli3'],
        Duration: 1000,
        Description: 'ban member',
      }),
    ).toMatchObject({ ErrorCode: 0 });
    expect(
      await rest(emu, 'group_open_http_svc/unban_group_member', { GroupId: id, Members_Account: ['brennanli3', 'brennanli12'] }),
    ).toMatchObject({ ErrorCode: 0 });
    const banned = await rest(emu, 'group_open_http_svc/get_group_ban_member', { GroupId: id, Limit: 20, Offset: 0 });
    expect((banned.BannedAccountList as { Member_Account: string }[]).map((m) => m.Member_Account)).toEqual(['brennanli2']);
    expect(
      await rest(emu, 'group_open_http_svc/ban_group_member', {
        GroupId: id,
        Members_Account: Array.from({ length: 21 }, (_, i) => `u${i}`),
        Duration: 10,
      }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(await rest(emu, 'group_open_http_svc/get_online_member_num', { GroupId: id })).toMatchObject({
      ErrorCode: 0,
      OnlineMemberNum: 0,
    });
  });

  test('group attributes: modify, get, set, delete, clear; members get each new set; limits', async () => {
    const id = await create();
    const w = await watcher(id);
    const r = await rest(emu, 'group_open_http_svc/modify_group_attr', {
      GroupId: id,
      GroupAttr: [
        { key: 'state', value: 'live' },
        { key: 'startTime', value: '1735689600000' },
      ],
    });
    expect(r).toMatchObject({ ErrorCode: 0 });
    const pushed = await until(() => w.frames.find((f) => f.t === 'attributes'), 2000, 'attributes frame');
    expect(pushed).toMatchObject({
      roomId: id,
      attributes: { state: 'live', startTime: '1735689600000', streamUrl: `/hls/${id}/live.m3u8` },
    });
    expect(emu.rooms.get(id)!.hlsView()).toMatchObject({ state: 'live', startTime: 1735689600000 });
    expect(typeof emu.rooms.get(id)!.hlsView().liveSince).toBe('number');
    await rest(emu, 'group_open_http_svc/delete_group_attr', { GroupId: id, GroupAttr: [{ key: 'startTime' }] });
    let got = await rest(emu, 'group_open_attr_http_svc/get_group_attr', { GroupId: id });
    expect((got.GroupAttrAry as { key: string }[]).map((a) => a.key)).toEqual(['state', 'streamUrl', 'replayUrl']);
    await rest(emu, 'group_open_http_svc/set_group_attr', { GroupId: id, GroupAttr: [{ key: 'state', value: 'ended' }] });
    got = await rest(emu, 'group_open_attr_http_svc/get_group_attr', { GroupId: id });
    expect(got.GroupAttrAry).toEqual([{ key: 'state', value: 'ended' }]);
    await rest(emu, 'group_open_http_svc/clear_group_attr', { GroupId: id });
    expect((await rest(emu, 'group_open_attr_http_svc/get_group_attr', { GroupId: id })).GroupAttrAry).toEqual([]);
    const many = Array.from({ length: 16 }, (_, i) => ({ key: `k${i}`, value: 'v' }));
    expect(await rest(emu, 'group_open_http_svc/set_group_attr', { GroupId: id, GroupAttr: many })).toMatchObject({ ErrorCode: 0 });
    expect(
      await rest(emu, 'group_open_http_svc/modify_group_attr', { GroupId: id, GroupAttr: [{ key: 'k16', value: 'v' }] }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(
      await rest(emu, 'group_open_http_svc/modify_group_attr', { GroupId: id, GroupAttr: [{ key: 'k0', value: 'v'.repeat(4097) }] }),
    ).toMatchObject({ ErrorCode: 10004 });
  });
});
