import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../src/protocol/index.ts';
import { belongsToRoom, projectGroupProfile, projectMessage, revokedIds, toPlain } from '../../../src/transport/tencent/message-mapper.ts';
import { customMessage, giftEnvelope, OTHER_ROOM, ROOM, sdkMessage, systemNotice, textMessage, TIPS } from './fixtures.ts';
import { decodeAll } from './harness.ts';

describe('projectMessage', () => {
  it('copies the plain fields of a text message and nothing else', () => {
    const m = textMessage('hi there');
    const wire = projectMessage(m)!;
    expect(wire).toEqual({
      ID: m.ID,
      type: 'TIMTextElem',
      payload: { text: 'hi there' },
      from: 'viewer_1',
      nick: 'Viewer One',
      avatar: 'https://cdn.example.com/v1.png',
      time: 1_700_000_100,
      priority: 'Normal',
      cloudCustomData: m.cloudCustomData,
    });
    expect(wire).not.toHaveProperty('conversationID');
    expect(wire).not.toHaveProperty('revokerInfo');
  });

  it('never passes SDK objects on: functions and prototypes are dropped, depth and breadth are capped', () => {
    class Elem {
      text = 'x';
      method() {
        return 1;
      }
    }
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i++) deep = { deep };
    const wide = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const m = sdkMessage({
      payload: { elem: new Elem(), fn: () => 1, deep, wide, list: Array.from({ length: 1000 }, (_, i) => i), nan: NaN },
    });
    const wire = projectMessage(m)!;
    const payload = wire.payload as Record<string, unknown>;
    expect(payload.elem).toEqual({ text: 'x' });
    expect(Object.getPrototypeOf(payload.elem)).toBe(Object.prototype);
    expect(payload).not.toHaveProperty('fn');
    expect(payload).not.toHaveProperty('nan');
    expect(Object.keys(payload.wide as object)).toHaveLength(100);
    expect(payload.list).toHaveLength(200);
    expect(JSON.stringify(payload.deep).split('deep').length - 1).toBeLessThan(10);
    expect(JSON.parse(JSON.stringify(wire))).toEqual(wire);
  });

  it('keeps the risk/revoke/broadcast flags only when set', () => {
    const wire = projectMessage(sdkMessage({ isRevoked: true, hasRiskContent: true, isBroadcastMessage: true }))!;
    expect(wire.isRevoked).toBe(true);
    expect(wire.hasRiskContent).toBe(true);
    expect(wire.isBroadcastMessage).toBe(true);
  });

  it('refuses input without a message id', () => {
    expect(projectMessage({ type: 'TIMTextElem' })).toBeUndefined();
    expect(projectMessage(null)).toBeUndefined();
    expect(projectMessage(sdkMessage({ ID: '' }))).toBeUndefined();
  });

  it('toPlain keeps JSON-like values only', () => {
    expect(toPlain({ a: [1, 'b', true, null, undefined, () => 1], s: Symbol('x') })).toEqual({ a: [1, 'b', true, null] });
    expect(toPlain(Infinity)).toBeUndefined();
    expect(toPlain(JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}'))).toEqual({ ok: 1 });
  });
});

describe('belongsToRoom', () => {
  it('accepts group messages and tips of the joined room only', () => {
    expect(belongsToRoom(textMessage('a'), ROOM)).toBe(true);
    expect(belongsToRoom(textMessage('a', { to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}` }), ROOM)).toBe(false);
    expect(belongsToRoom(TIPS.join(), ROOM)).toBe(true);
    expect(belongsToRoom(TIPS.join(), OTHER_ROOM)).toBe(false);
  });

  it('accepts system notices (addressed to the user) by their groupProfile', () => {
    expect(belongsToRoom(systemNotice(4), ROOM)).toBe(true);
    expect(belongsToRoom(systemNotice(4, {}, OTHER_ROOM), ROOM)).toBe(false);
  });

  it('accepts app-wide broadcasts, and refuses a C2C message to a user named like the room', () => {
    expect(
      belongsToRoom(textMessage('sale!', { to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}`, isBroadcastMessage: true }), ROOM),
    ).toBe(true);
    const c2c = textMessage('psst', { to: ROOM, conversationID: `C2C${ROOM}`, conversationType: 'C2C' as never });
    expect(belongsToRoom(c2c, ROOM)).toBe(false);
    expect(belongsToRoom(textMessage('x'), '')).toBe(false);
  });

  it('revokedIds keeps the room ids of a recall batch', () => {
    const a = textMessage('a', { isRevoked: true });
    const b = textMessage('b', { isRevoked: true, to: OTHER_ROOM, conversationID: `GROUP${OTHER_ROOM}` });
    expect(revokedIds([a, b, { nope: 1 }], ROOM)).toEqual([a.ID]);
    expect(revokedIds('junk', ROOM)).toEqual([]);
  });
});

describe('projectGroupProfile', () => {
  it('keeps the live-room fields and prefers the online audience over memberCount', () => {
    const group = {
      groupID: ROOM,
      notification: 'n',
      introduction: 'i',
      muteAllMembers: true,
      memberCount: 5,
      ownerID: 'x',
      selfInfo: { role: 'Owner' },
    };
    expect(projectGroupProfile(group, 99)).toEqual({ notification: 'n', introduction: 'i', muteAllMembers: true, memberNum: 99 });
    expect(projectGroupProfile(group)).toMatchObject({ memberNum: 5 });
    expect(projectGroupProfile(undefined, 3)).toBeUndefined();
  });
});

describe('frames decode with the protocol decoder', () => {
  const frame = (m: unknown) => ({ kind: 'message' as const, message: projectMessage(m) });

  it.each([
    ['text', textMessage('hello room'), ['text']],
    ['gift (custom, kit envelope)', customMessage(giftEnvelope), ['gift']],
    [
      'like (custom)',
      customMessage({ version: 1, businessID: 'flutter_live_kit', data: { cmd: 'send_like_message', cmdInfo: { count: 7 } } }),
      ['like'],
    ],
    ['tip 1 join', TIPS.join(), ['member-enter', 'audience']],
    ['tip 2 quit', TIPS.quit(), ['member-leave', 'audience']],
    ['tip 3 kicked', TIPS.kicked(), ['kick']],
    ['tip 6 mute-all + announcement', TIPS.muteAll(), ['mute', 'announcement']],
    ['tip 7 member mute', TIPS.memberMute(), ['mute', 'mute']],
    ['tip 10 banned', TIPS.ban(), ['ban']],
    ['tip 11 unbanned', TIPS.unban(), ['ban']],
    ['notice 4 kicked out', systemNotice(4), ['kick']],
    ['notice 5 dismissed', systemNotice(5), ['kick']],
    ['notice 255 custom', systemNotice(255, { userDefinedField: 'Maintenance at 10 pm' }), ['system']],
    ['broadcast text', textMessage('Sale starts now', { isBroadcastMessage: true }), ['system']],
  ])('%s', (_name, message, kinds) => {
    expect(decodeAll([frame(message)]).map((e) => e.kind)).toEqual(kinds);
  });

  it('member mute carries the seconds from memberList[].muteTime, mute-all the group flag', () => {
    const [mine, other] = decodeAll([frame(TIPS.memberMute())]);
    expect(mine).toMatchObject({ kind: 'mute', scope: 'member', userId: 'viewer_me', seconds: 600, muted: true, own: true });
    expect(other).toMatchObject({ kind: 'mute', userId: 'viewer_2', seconds: 0, muted: false });
    expect(decodeAll([frame(TIPS.muteAll())])[0]).toMatchObject({ kind: 'mute', scope: 'all', muted: true });
  });

  it('revoked and risky messages are dropped by the decoder, not shown', () => {
    expect(decodeFrame(frame(textMessage('x', { isRevoked: true })), { now: 0 }).ok).toBe(false);
    expect(decodeFrame(frame(textMessage('x', { hasRiskContent: true })), { now: 0 }).ok).toBe(false);
  });
});
