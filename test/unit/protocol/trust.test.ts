/**
 * The trust model at decode (docs/security.md): what an ordinary logged-in viewer can send with
 * any SDK, replayed as frames, and what the decoder makes of it — a counted drop, or an event
 * stripped of the claim. The same messages from a trusted sender take effect.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeEnvelope,
  encodeGift,
  urlAllowList,
  type DecodeContext,
  type DecodeResult,
  type RoomEvent,
} from '../../../src/protocol/index.ts';

const ctx: DecodeContext = {
  now: 1_700_000_000_000,
  selfId: 'victim',
  anchorId: 'anchor',
  origin: 'https://shop.example',
  trustedIds: new Set(['biz-server']),
  allowMediaUrl: urlAllowList('https://live.example.com'),
};
const from = (sender: string, data: string, extra: Record<string, unknown> = {}) => ({
  kind: 'message' as const,
  message: {
    ID: `m-${sender}-${data.length}`,
    type: 'TIMCustomElem',
    payload: { data },
    from: sender,
    nick: sender,
    time: 1_700_000_000,
    priority: 'High',
    ...extra,
  },
});
const text = (sender: string, extra: Record<string, unknown> = {}) => ({
  kind: 'message' as const,
  message: {
    ID: `t-${sender}`,
    type: 'TIMTextElem',
    payload: { text: 'hello' },
    from: sender,
    nick: sender,
    time: 1_700_000_000,
    ...extra,
  },
});
const only = (r: DecodeResult): RoomEvent => {
  if (!r.ok) throw new Error(`dropped: ${r.reason} ${r.detail ?? ''}`);
  expect(r.events).toHaveLength(1);
  return r.events[0]!;
};
const gift = encodeGift({ type: 3, name: 'Crown', count: 99, units: '', effectUrl: 'https://cdn.example/crown.json' });

describe('what a viewer sends has no authority', () => {
  it.each([
    ['room_state_changed ended', encodeEnvelope('room_state_changed', { state: 'ended' })],
    [
      "room_state_changed live with the attacker's stream",
      encodeEnvelope('room_state_changed', { state: 'live', streamUrl: 'https://evil.test/x.m3u8' }),
    ],
    ['send_gift_message Crown ×99', gift],
    [
      'send_gift_message type 3 (full-screen effect)',
      encodeGift({ type: 3, name: 'Rocket', count: 1, units: '', effectUrl: 'https://cdn.example/r.json' }),
    ],
    ['system_notice phishing', encodeEnvelope('system_notice', { text: 'your account is suspended, verify at evil.test' })],
    ['announcement_changed', encodeEnvelope('announcement_changed', { text: 'new header' })],
    ['audience_count 987654321', encodeEnvelope('audience_count', { count: 987_654_321 })],
  ])('%s from a viewer → a counted drop (untrusted)', (_what, data) => {
    const r = decodeFrame(from('mallory', data), ctx);
    expect(r).toMatchObject({ ok: false, reason: 'untrusted' });
  });

  it('a role or level claim in cloudCustomData gives a viewer no admin badge', () => {
    const e = only(decodeFrame(text('mallory', { cloudCustomData: '{"lcr":{"role":"admin","level":99}}' }), ctx));
    expect(e.sender).toMatchObject({ id: 'mallory', role: 'member' });
    expect(e.sender.trusted).toBeUndefined();
  });

  it("a viewer's wire priority High is Normal for our shedding", () => {
    expect(only(decodeFrame(text('mallory', { priority: 'High' }), ctx)).priority).toBe('normal');
    expect(only(decodeFrame(text('biz-server', { priority: 'High' }), ctx)).priority).toBe('high');
  });

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])(
    'a wire priority of %s is Normal, never undefined',
    (p) => {
      expect(only(decodeFrame(text('mallory', { priority: p }), ctx)).priority).toBe('normal');
    },
  );

  it('no avatar from a message without an avatar list; with one, only its hosts', () => {
    expect(only(decodeFrame(text('mallory', { avatar: 'https://tracker.evil/pixel.gif' }), ctx)).sender.avatar).toBeUndefined();
    expect(only(decodeFrame(text('mallory', { avatar: '/account/delete?confirm=1' }), ctx)).sender.avatar).toBeUndefined();
    const listed: DecodeContext = { ...ctx, allowAvatarUrl: urlAllowList('https://avatars.example.com /avatars/', ctx.origin) };
    expect(only(decodeFrame(text('a', { avatar: 'https://avatars.example.com/u/1.png' }), listed)).sender.avatar).toBe(
      'https://avatars.example.com/u/1.png',
    );
    expect(only(decodeFrame(text('a', { avatar: '/avatars/1.png' }), listed)).sender.avatar).toBe('/avatars/1.png');
    expect(only(decodeFrame(text('a', { avatar: '/account/delete?confirm=1' }), listed)).sender.avatar).toBeUndefined();
    expect(only(decodeFrame(text('a', { avatar: 'https://tracker.evil/pixel.gif' }), listed)).sender.avatar).toBeUndefined();
  });
});

describe('the trusted path takes effect', () => {
  it.each(['administrator', '@TIM#SYSTEM', 'anchor', 'biz-server'])(
    'room state from %s applies; its stream URL only from an allowed host',
    (sender) => {
      const ok = only(
        decodeFrame(
          from(sender, encodeEnvelope('room_state_changed', { state: 'live', streamUrl: 'https://live.example.com/show.m3u8' })),
          ctx,
        ),
      );
      expect(ok).toMatchObject({ kind: 'room-state', state: 'live', streamUrl: 'https://live.example.com/show.m3u8' });
      const evil = only(
        decodeFrame(from(sender, encodeEnvelope('room_state_changed', { state: 'live', streamUrl: 'https://evil.test/x.m3u8' })), ctx),
      );
      expect(evil).toMatchObject({ kind: 'room-state', state: 'live' });
      expect(evil.kind === 'room-state' && evil.streamUrl).toBeUndefined();
      const same = only(
        decodeFrame(from(sender, encodeEnvelope('room_state_changed', { state: 'replay', replayUrl: '/vod/1.m3u8' })), ctx),
      );
      expect(same).toMatchObject({ replayUrl: '/vod/1.m3u8' });
    },
  );

  it("a room-relative stream URL resolves against the room's server, not the page", () => {
    const embedded: DecodeContext = { ...ctx, roomBase: 'http://rooms.example.test:8080/' };
    const state = (info: Record<string, string>) =>
      only(decodeFrame(from('administrator', encodeEnvelope('room_state_changed', { state: 'live', ...info })), embedded));
    expect(state({ streamUrl: '/hls/r/live.m3u8' })).toMatchObject({ streamUrl: 'http://rooms.example.test:8080/hls/r/live.m3u8' });
    expect(state({ replayUrl: '/vod/1.m3u8?t=1' })).toMatchObject({ replayUrl: 'http://rooms.example.test:8080/vod/1.m3u8?t=1' });
    // A protocol-relative URL is not the room's own path: it stays under the host allow-list.
    const other = state({ streamUrl: '//evil.test/x.m3u8' });
    expect(other.kind === 'room-state' && other.streamUrl).toBeUndefined();
  });

  it('a billed gift from the business server names the viewer who paid; own when that is us', () => {
    const billed = encodeGift(
      { type: 2, name: 'Crown', count: 20, units: '' },
      { id: 'victim', nick: 'Vic', avatar: 'https://tracker.evil/a.png' },
    );
    const e = only(decodeFrame(from('administrator', billed, { cloudCustomData: '{"lcr":{"level":12,"cid":"g-1"}}' }), ctx));
    expect(e).toMatchObject({
      kind: 'gift',
      own: true,
      clientId: 'g-1',
      sender: { id: 'victim', nick: 'Vic', level: 12, role: 'member' },
      gift: { name: 'Crown', count: 20 },
    });
    expect(e.sender.avatar).toBeUndefined(); // the avatar list still applies
    expect(e.sender.trusted).toBeUndefined(); // the payer is a viewer, not the server
  });

  it("a gift naming no payer is the trusted sender's own (the kit's envelope as is)", () => {
    expect(only(decodeFrame(from('anchor', gift), ctx))).toMatchObject({ kind: 'gift', sender: { id: 'anchor', role: 'anchor' } });
  });

  it("the trusted sender's role claim counts; the anchor is the anchor by id", () => {
    expect(only(decodeFrame(text('biz-server', { cloudCustomData: '{"lcr":{"role":"admin","level":3}}' }), ctx)).sender).toMatchObject({
      role: 'admin',
      trusted: true,
      level: 3,
    });
    expect(only(decodeFrame(text('anchor'), ctx)).sender).toMatchObject({ role: 'anchor', trusted: true });
  });
});

describe('urlAllowList', () => {
  it('matches origins and path prefixes on a segment boundary; ignores what is not a list entry', () => {
    const allow = urlAllowList('https://cdn.example.com/avatars, /u/  javascript:alert(1) https://a.example?x=1', 'https://shop.example')!;
    expect(allow('https://cdn.example.com/avatars/1.png')).toBe(true);
    expect(allow('https://cdn.example.com/avatars')).toBe(true);
    expect(allow('https://cdn.example.com/avatars-evil/1.png')).toBe(false);
    expect(allow('https://cdn.example.com/other.png')).toBe(false);
    expect(allow('https://shop.example/u/2.png')).toBe(true);
    expect(allow('https://shop.example/account')).toBe(false);
    expect(allow('https://a.example/x')).toBe(false);
    expect(allow('not a url')).toBe(false);
    expect(urlAllowList('')).toBeUndefined();
    expect(urlAllowList('javascript:alert(1)')).toBeUndefined();
  });
});
