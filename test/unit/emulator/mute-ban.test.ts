/** Mutes (all / member, with expiry), bans and profile changes, over real sockets; injected clock. */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { createRoom, fakeClock, rest, startEmulator, TestClient } from './helpers.ts';

let emu: Emulator;
let clock: ReturnType<typeof fakeClock>;
const clients: TestClient[] = [];
const text = (t: string) => ({ wire: { type: 'TIMTextElem', text: t, priority: 'normal', cloudCustomData: '' } });

async function member(userId?: string): Promise<TestClient> {
  const c = await TestClient.open(emu.wsUrl);
  clients.push(c);
  if (userId) await c.login(emu, userId);
  await c.ok('join', { roomId: 'live' });
  return c;
}

beforeEach(async () => {
  clock = fakeClock(Date.now());
  emu = await startEmulator({ now: clock.now });
  await createRoom(emu, 'live', { Owner_Account: 'anchor' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await emu.close();
});

describe('mutes', () => {
  test('mute all: every member gets tip 6, members get 10017, the owner may still speak, unmute restores', async () => {
    const watcher = await member();
    const alice = await member('alice');
    const anchor = await member('anchor');
    expect(await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: 'live', MuteAllMember: 'On' })).toMatchObject({
      ErrorCode: 0,
    });
    for (const c of [watcher, alice]) {
      const tip = await c.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 6);
      expect(tip.payload.newGroupProfile).toEqual({ muteAllMembers: true });
    }
    expect(await alice.request('send', text('hi'))).toMatchObject({ ok: false, code: 10017 });
    expect((await anchor.request('send', text('anchor speaks'))).ok).toBe(true);
    const info = await rest(emu, 'group_open_http_svc/get_group_info', { GroupIdList: ['live'] });
    expect((info.GroupInfo as Record<string, unknown>[])[0]).toMatchObject({ MuteAllMember: 'On' });
    await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: 'live', ShutUpAllMember: 'Off' });
    await watcher.waitMessage(
      (m) => m.type === 'TIMGroupTipElem' && (m.payload.newGroupProfile as { muteAllMembers?: boolean })?.muteAllMembers === false,
    );
    expect((await alice.request('send', text('hi again'))).ok).toBe(true);
  });

  test('member mute with expiry: tip 7 with muteTime, 10017 until it expires; 0 unmutes; ShutUpTime accepted', async () => {
    const watcher = await member();
    const bob = await member('bob');
    expect(
      await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: 'live', Members_Account: ['bob'], MuteTime: 60 }),
    ).toMatchObject({ ErrorCode: 0 });
    const tip = await watcher.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 7);
    expect(tip.payload.memberList).toEqual([{ userID: 'bob', muteTime: 60 }]);
    await bob.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 7);
    expect(await bob.request('send', text('x'))).toMatchObject({ ok: false, code: 10017 });
    const muted = await rest(emu, 'group_open_http_svc/get_group_muted_account', { GroupId: 'live' });
    expect(muted.ShuttedUinList).toEqual([{ Member_Account: 'bob', ShuttedUntil: Math.floor(clock.now() / 1000) + 60 }]);
    // A rejoining member learns its remaining mute from the join answer.
    const again = (await bob.ok('join', { roomId: 'live' })) as { selfMuteSeconds: number };
    expect(again.selfMuteSeconds).toBe(60);
    clock.advance(61_000);
    expect((await bob.request('send', text('free'))).ok).toBe(true);
    expect((await rest(emu, 'group_open_http_svc/get_group_muted_account', { GroupId: 'live' })).ShuttedUinList).toEqual([]);

    await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: 'live', Members_Account: ['bob'], ShutUpTime: 30 });
    expect(await bob.request('send', text('x'))).toMatchObject({ ok: false, code: 10017 });
    await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: 'live', Members_Account: ['bob'], MuteTime: 0 });
    const unmute = await watcher.waitMessage(
      (m) => m.type === 'TIMGroupTipElem' && (m.payload.memberList as { muteTime: number }[])?.[0]?.muteTime === 0,
    );
    expect(unmute.payload.memberList).toEqual([{ userID: 'bob', muteTime: 0 }]);
    expect((await bob.request('send', text('ok'))).ok).toBe(true);
  });
});

describe('bans', () => {
  test('a ban sends tip 10, removes the member and keeps it out until expiry; unban sends tip 11', async () => {
    const watcher = await member();
    const mallory = await member('mallory');
    expect(emu.engine.audience('live')).toBe(2);
    expect(
      await rest(emu, 'group_open_http_svc/ban_group_member', {
        GroupId: 'live',
        Members_Account: ['mallory'],
        Duration: 120,
        Description: 'spam',
      }),
    ).toMatchObject({ ErrorCode: 0 });
    for (const c of [watcher, mallory]) {
      const tip = await c.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 10);
      expect(tip.payload).toMatchObject({ userIDList: ['mallory'], duration: 120 });
    }
    expect(emu.engine.audience('live')).toBe(1);
    expect(await mallory.request('send', text('x'))).toMatchObject({ ok: false, code: 10007 });
    expect(await mallory.request('join', { roomId: 'live' })).toMatchObject({ ok: false, code: 10007 });
    const banned = await rest(emu, 'group_open_http_svc/get_group_ban_member', { GroupId: 'live', Limit: 20, Offset: 0 });
    expect(banned.BannedAccountList).toEqual([{ Member_Account: 'mallory', BannedUntil: Math.floor(clock.now() / 1000) + 120 }]);
    clock.advance(121_000);
    expect((await mallory.request('join', { roomId: 'live' })).ok).toBe(true);

    await rest(emu, 'group_open_http_svc/ban_group_member', { GroupId: 'live', Members_Account: ['mallory'], Duration: 3600 });
    expect(await rest(emu, 'group_open_http_svc/unban_group_member', { GroupId: 'live', Members_Account: ['mallory'] })).toMatchObject({
      ErrorCode: 0,
    });
    await watcher.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 11);
    expect((await mallory.request('join', { roomId: 'live' })).ok).toBe(true);
  });
});

describe('profile', () => {
  test('notification ≤ 240 bytes and introduction ≤ 300 bytes; changes reach members as tip 6', async () => {
    const watcher = await member();
    const long = await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: 'live', Notification: 'a'.repeat(241) });
    expect(long).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: 10004 });
    expect(
      await rest(emu, 'group_open_http_svc/modify_group_base_info', { GroupId: 'live', Introduction: '介'.repeat(101) }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(
      await rest(emu, 'group_open_http_svc/modify_group_base_info', {
        GroupId: 'live',
        Notification: '公'.repeat(80),
        Introduction: 'b'.repeat(300),
      }),
    ).toMatchObject({ ErrorCode: 0 });
    const tip = await watcher.waitMessage((m) => m.type === 'TIMGroupTipElem' && m.payload.operationType === 6);
    expect(tip.payload.newGroupProfile).toEqual({ notification: '公'.repeat(80), introduction: 'b'.repeat(300) });
    const later = await member();
    const snap = (await later.ok('join', { roomId: 'live' })) as { profile: { notification: string; ownerID: string } };
    expect(snap.profile).toMatchObject({ notification: '公'.repeat(80), ownerID: 'anchor' });
  });
});
