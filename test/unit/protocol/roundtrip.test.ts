import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeGiftMessage,
  encodeLike,
  encodeText,
  type DecodeContext,
  type OutboundWire,
  type RoomEvent,
} from '../../../src/protocol/index.ts';

const ctx: DecodeContext = { now: 1_700_000_000_000, selfId: 'me', anchorId: 'anchor' };
const PRIORITY = { high: 'High', normal: 'Normal', low: 'Low', lowest: 'Lowest' } as const;

/** What the room would deliver for a wire message (Tencent's Message fields). */
function deliver(wire: OutboundWire, from = 'me'): unknown {
  return {
    kind: 'message',
    message: {
      ID: '144115212826585929-1700000000-1',
      type: wire.type,
      payload:
        wire.type === 'TIMTextElem' ? { text: wire.text } : { data: wire.data, description: wire.description, extension: wire.extension },
      from,
      nick: 'Me',
      time: 1_700_000_000,
      priority: PRIORITY[wire.priority],
      cloudCustomData: wire.cloudCustomData,
    },
  };
}

function events(frame: unknown): RoomEvent[] {
  const r = decodeFrame(frame as never, ctx);
  if (!r.ok) throw new Error(`dropped: ${r.reason}`);
  return [...r.events];
}

describe('encode → deliver → decode', () => {
  it('text keeps its client id, level and own flag', () => {
    const enc = encodeText('  hello 你好 👋 ', { level: 7, clientId: 'cid-1' });
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    const [e] = events(deliver(enc.wire));
    expect(e).toMatchObject({
      kind: 'text',
      text: 'hello 你好 👋',
      own: true,
      clientId: 'cid-1',
      priority: 'normal',
      sender: { level: 7 },
    });
  });

  it('gift uses exactly the live room kit fields, High priority', () => {
    const enc = encodeGiftMessage(
      {
        type: 3,
        name: 'Super Rocket',
        count: 1,
        units: '',
        imageUrl: 'https://cdn.example/r.png',
        effectUrl: 'https://cdn.example/rocket.json',
      },
      { level: 1 },
    );
    expect(enc.ok).toBe(true);
    if (!enc.ok) return;
    expect(enc.wire.priority).toBe('high');
    const wireJson = JSON.parse((enc.wire as { data: string }).data);
    expect(wireJson).toEqual({
      version: 1,
      businessID: 'flutter_live_kit',
      data: {
        cmd: 'send_gift_message',
        cmdInfo: {
          type: 3,
          giftUrl: 'https://cdn.example/r.png',
          giftCount: 1,
          giftSEUrl: 'https://cdn.example/rocket.json',
          giftName: 'Super Rocket',
          giftUnits: '',
        },
      },
    });
    // Gifts take effect from a trusted sender only: the business server's account.
    const [e] = events(deliver(enc.wire, 'administrator'));
    expect(e).toMatchObject({
      kind: 'gift',
      own: false,
      gift: { type: 3, name: 'Super Rocket', count: 1, effectUrl: 'https://cdn.example/rocket.json' },
    });
  });

  it('decodes a gift exactly as the kit sends it (docs/gift-protocol.md#gift-message sample)', () => {
    const data = JSON.stringify({
      version: 1.0,
      businessID: 'flutter_live_kit',
      data: {
        cmd: 'send_gift_message',
        cmdInfo: {
          type: 3,
          giftUrl: 'https://x.example/a.png',
          giftCount: 1,
          giftSEUrl: 'https://x.example/rocket.json',
          giftName: 'Super Rocket',
          giftUnits: '',
        },
      },
    });
    const [e] = events({
      kind: 'message',
      message: { ID: 'k1', type: 'TIMCustomElem', payload: { data }, from: 'anchor', nick: 'Host', priority: 'High' },
    });
    expect(e).toMatchObject({ kind: 'gift', sender: { role: 'anchor' }, gift: { type: 3, count: 1 } });
  });

  it('likes are Low and carry their count', () => {
    const enc = encodeLike(37, { level: 0 });
    expect(enc.ok && enc.wire.priority).toBe('low');
    if (!enc.ok) return;
    expect(events(deliver(enc.wire, 'fan'))[0]).toMatchObject({ kind: 'like', count: 37 });
  });

  it('refuses empty and oversized text', () => {
    expect(encodeText('   ', { level: 0 })).toEqual({ ok: false, reason: 'empty' });
    expect(encodeText('x'.repeat(501), { level: 0 })).toEqual({ ok: false, reason: 'too-large' });
  });
});

describe('group tips, notices and control frames', () => {
  const tip = (payload: unknown) => ({
    kind: 'message',
    message: { ID: 'tip1', type: 'TIMGroupTipElem', payload, time: 1_700_000_000, to: '@TGS#aLIVEROOM' },
  });

  it('member mute with muteTime (op 7), own and others', () => {
    const ev = events(
      tip({
        operationType: 7,
        memberList: [
          { userID: 'me', muteTime: 600 },
          { userID: 'bob', muteTime: 0 },
        ],
      }),
    );
    expect(ev).toMatchObject([
      { kind: 'mute', scope: 'member', userId: 'me', seconds: 600, muted: true, own: true },
      { kind: 'mute', scope: 'member', userId: 'bob', seconds: 0, muted: false, own: false },
    ]);
  });

  it('mute all and announcement from a profile change (op 6)', () => {
    const ev = events(tip({ operationType: 6, newGroupProfile: { muteAllMembers: true, notification: 'Flash sale at 9' } }));
    expect(ev).toMatchObject([
      { kind: 'mute', scope: 'all', muted: true },
      { kind: 'announcement', text: 'Flash sale at 9' },
    ]);
  });

  it('joins with the online count (op 1), quits (op 2), kicks (op 3), bans (op 10/11)', () => {
    expect(events(tip({ operationType: 1, userIDList: ['fan1'], memberNum: 1234 }))).toMatchObject([
      { kind: 'member-enter', sender: { id: 'fan1' } },
      { kind: 'audience', count: 1234 },
    ]);
    expect(events(tip({ operationType: 2, userIDList: ['fan1'] }))).toMatchObject([{ kind: 'member-leave' }]);
    expect(events(tip({ operationType: 3, userIDList: ['me'] }))).toMatchObject([{ kind: 'kick', userId: 'me', own: true }]);
    expect(events(tip({ operationType: 10, userIDList: ['me'], duration: 3600 }))).toMatchObject([
      { kind: 'ban', seconds: 3600, own: true },
    ]);
    expect(events(tip({ operationType: 11, userIDList: ['me'] }))).toMatchObject([{ kind: 'ban', seconds: 0 }]);
  });

  it('system notices: custom broadcast (255) and dismissed room (5)', () => {
    const notice = (payload: unknown) => ({ kind: 'message', message: { ID: 'n1', type: 'TIMGroupSystemNoticeElem', payload } });
    expect(events(notice({ operationType: 255, userDefinedField: 'Maintenance at midnight' }))).toMatchObject([
      { kind: 'system', text: 'Maintenance at midnight' },
    ]);
    expect(events(notice({ operationType: 5 }))).toMatchObject([{ kind: 'kick', reason: 'roomDismissed' }]);
  });

  it('room state from group attributes; audience; kicked; revoked; modified', () => {
    expect(
      events({ kind: 'attributes', attributes: { state: 'upcoming', startTime: '1700000600000', streamUrl: '/hls/r/live.m3u8' } }),
    ).toMatchObject([{ kind: 'room-state', state: 'upcoming', startTime: 1_700_000_600_000, streamUrl: '/hls/r/live.m3u8' }]);
    expect(events({ kind: 'audience', count: 42 })).toMatchObject([{ kind: 'audience', count: 42 }]);
    expect(events({ kind: 'kicked', reason: 'multipleAccount' })).toMatchObject([{ kind: 'kick', reason: 'multipleAccount', own: true }]);
    expect(events({ kind: 'kicked', reason: 'weird' })).toMatchObject([{ kind: 'kick', reason: 'unknown' }]);
    expect(events({ kind: 'revoked', ids: ['a', 'b'] })).toMatchObject([
      { kind: 'recall', targetId: 'a' },
      { kind: 'recall', targetId: 'b' },
    ]);
    const mod = { kind: 'modified', message: { ID: 'm9', type: 'TIMTextElem', payload: { text: '***' }, from: 'u' } };
    expect(events(mod)).toMatchObject([{ kind: 'modify', targetId: 'm9', text: '***' }]);
  });

  it('an unknown command is passed on (bounded) instead of breaking', () => {
    const data = JSON.stringify({ version: 1, businessID: 'other_app', data: { cmd: 'lottery_start', cmdInfo: { prize: 'mug', n: 3 } } });
    expect(events({ kind: 'message', message: { ID: 'c1', type: 'TIMCustomElem', payload: { data }, from: 'anchor' } })).toMatchObject([
      { kind: 'custom', cmd: 'lottery_start', info: { prize: 'mug', n: 3 } },
    ]);
  });
});
