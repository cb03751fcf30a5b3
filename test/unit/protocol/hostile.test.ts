/** A table of hostile payloads: each is a counted drop or a safely-typed value, never a throw. */
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeEnvelope, LIMITS, type DecodeContext, type DecodeResult, type RoomEvent } from '../../../src/protocol/index.ts';

function first(r: DecodeResult): RoomEvent {
  if (!r.ok) throw new Error(`dropped: ${r.reason}`);
  return r.events[0]!;
}

// u1 is trusted here (its gifts decode) and avatars are allowed from anywhere `https:`: this table
// is about payload shapes; trust and the avatar list have their own tests (trust.test.ts).
const ctx: DecodeContext = {
  now: 1_700_000_000_000,
  selfId: 'me',
  origin: 'https://shop.example',
  trustedIds: new Set(['u1']),
  allowAvatarUrl: () => true,
};
const custom = (data: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'message' as const,
  message: { ID: 'm1', type: 'TIMCustomElem', payload: { data }, from: 'u1', nick: 'U', time: 1_700_000_000, priority: 'High', ...extra },
});
const gift = (cmdInfo: Record<string, unknown>) =>
  custom(JSON.stringify({ version: 1, businessID: 'flutter_live_kit', data: { cmd: 'send_gift_message', cmdInfo } }));
const textMsg = (text: unknown, extra: Record<string, unknown> = {}) => ({
  kind: 'message' as const,
  message: { ID: 't1', type: 'TIMTextElem', payload: { text }, from: 'u1', nick: 'U', time: 1_700_000_000, ...extra },
});
const MB = 'x'.repeat(1024 * 1024);
let deep = '0';
for (let i = 0; i < 5000; i++) deep = `[${deep}]`;

const drops: Array<[string, unknown, string]> = [
  ['non-JSON data', custom('{"version":1,'), 'bad-json'],
  ['1 MB data', custom(`{"a":"${MB}"}`), 'too-large'],
  ['deep nesting', custom(`{"data":{"cmd":"x","cmdInfo":{"a":${deep}}}}`), 'too-deep'],
  [
    'deep nesting (valid JSON)',
    custom(JSON.stringify({ data: { cmd: 'x', cmdInfo: JSON.parse('[[[[[[[[[[[[1]]]]]]]]]]]]') } })),
    'too-deep',
  ],
  ['__proto__ key', custom('{"__proto__":{"polluted":1},"data":{"cmd":"x"}}'), 'bad-field'],
  ['constructor key', custom(JSON.stringify({ data: { cmd: 'x', cmdInfo: { constructor: { prototype: 1 } } } })), 'bad-field'],
  ['data not a string', custom({ cmd: 'x' }), 'bad-json'],
  ['cmd wrong type', custom(JSON.stringify({ data: { cmd: 42 } })), 'bad-envelope'],
  ['envelope is an array', custom('[1,2,3]'), 'bad-envelope'],
  ['negative gift count', gift({ type: 2, giftName: 'Rose', giftCount: -1 }), 'bad-field'],
  ['huge gift count', gift({ type: 2, giftName: 'Rose', giftCount: 1e9 }), 'bad-field'],
  ['fractional gift count', gift({ type: 2, giftName: 'Rose', giftCount: 1.5 }), 'bad-field'],
  ['unknown gift type', gift({ type: 7, giftName: 'Rose', giftCount: 1 }), 'bad-field'],
  ['gift name missing', gift({ type: 1, giftCount: 1 }), 'bad-field'],
  ['text not a string', textMsg({ toString: 'x' }), 'bad-field'],
  ['text only invisible characters', textMsg('\u202e\u200b\u0000 '), 'empty'],
  ['no sender', textMsg('hi', { from: '' }), 'bad-field'],
  ['sender id with spaces', textMsg('hi', { from: 'a b' }), 'bad-field'],
  ['unknown element type', { kind: 'message', message: { ID: '1', type: 'TIMImageElem', payload: {}, from: 'u' } }, 'unknown-type'],
  ['revoked', textMsg('hi', { isRevoked: true }), 'revoked'],
  ['risky content', textMsg('hi', { hasRiskContent: true }), 'risk'],
  ['null message', { kind: 'message', message: null }, 'not-object'],
  ['frame not an object', 'boom', 'not-object'],
  ['unknown frame kind', { kind: 'nope' }, 'unknown-type'],
  ['like count too big', custom(encodeEnvelope('send_like_message', { count: 1e7 })), 'bad-field'],
  ['unknown tip', { kind: 'message', message: { ID: '1', type: 'TIMGroupTipElem', payload: { operationType: 99 } } }, 'unknown-tip'],
];

describe('hostile payloads', () => {
  it.each(drops)('%s → drop', (_name, frame, reason) => {
    const r = decodeFrame(frame as never, ctx);
    expect(r).toMatchObject({ ok: false, reason });
  });

  it('HTML and script in every string field stay inert text', () => {
    const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const r = decodeFrame(
      gift({ type: 3, giftName: evil, giftCount: 2, giftUnits: evil, giftUrl: 'javascript:alert(1)', giftSEUrl: 'data:text/html,x' }),
      ctx,
    );
    expect(r.ok).toBe(true);
    const e = first(r);
    expect(e.kind).toBe('gift');
    if (e.kind !== 'gift') return;
    expect(e.gift.name).toBe(evil.slice(0, LIMITS.giftNameChars - 1) + '…'); // kept as text, capped
    expect(e.gift.imageUrl).toBeUndefined();
    expect(e.gift.effectUrl).toBeUndefined();
  });

  it.each([
    ['javascript:alert(1)', false],
    ['data:image/png;base64,AAAA', false],
    ['blob:https://x/1', false],
    ['http://evil.example/a.png', false],
    ['//evil.example/a.png', false],
    ['https://user:pw@cdn.example/a.png', false],
    ['https://cdn.example/a.png', true],
    ['/gifts/rose.svg', true],
    ['https://shop.example/a.png', true],
  ])('avatar URL %s allowed=%s', (url, allowed) => {
    const r = decodeFrame(textMsg('hi', { avatar: url }), ctx);
    expect(r.ok).toBe(true);
    const e = first(r);
    expect(e.sender.avatar === url).toBe(allowed);
  });

  it('the allow-list hook can refuse a URL (and a throwing hook refuses)', () => {
    const only = (u: string) => u.startsWith('https://cdn.example/');
    const a = decodeFrame(textMsg('hi', { avatar: 'https://other.example/a.png' }), { ...ctx, allowAvatarUrl: only });
    expect(first(a).sender.avatar).toBeUndefined();
    const b = decodeFrame(textMsg('hi', { avatar: 'https://cdn.example/a.png' }), {
      ...ctx,
      allowAvatarUrl: () => {
        throw new Error('x');
      },
    });
    expect(first(b).sender.avatar).toBeUndefined();
  });

  it('bidi overrides and zero-width characters are removed; long lines truncated with an ellipsis', () => {
    const r = decodeFrame(textMsg('\u202eevil\u200b text\u2066 ' + 'y'.repeat(2048)), ctx);
    const e = first(r);
    expect(e.kind === 'text' && e.text.startsWith('evil text y')).toBe(true);
    expect(e.kind === 'text' && Array.from(e.text).length).toBe(LIMITS.textChars);
    expect(e.kind === 'text' && e.text.endsWith('…')).toBe(true);
  });

  it('keeps emoji sequences (ZWJ) intact', () => {
    const family = '👨‍👩‍👧 hi';
    const e = first(decodeFrame(textMsg(family), ctx));
    expect(e.kind === 'text' && e.text).toBe(family);
  });

  it('does not pollute Object.prototype', () => {
    decodeFrame(custom('{"__proto__":{"polluted":1},"data":{"cmd":"x"}}'), ctx);
    decodeFrame(custom('{"data":{"cmd":"x","cmdInfo":{"__proto__":{"polluted":1}}}}'), ctx);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
