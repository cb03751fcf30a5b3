/** Property tests: the decoder never throws and everything it returns honours the limits. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame, LIMITS, utf8Bytes, type DecodeContext, type RoomEvent } from '../../../src/protocol/index.ts';

const ctx: DecodeContext = { now: 1_700_000_000_000, selfId: 'me', origin: 'https://shop.example' };
// eslint-disable-next-line no-control-regex -- the test looks for control characters
const HIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2066-\u2069\ufeff]/;

function checkEvent(e: RoomEvent): void {
  expect(e.id.length).toBeGreaterThan(0);
  expect(Number.isFinite(e.time)).toBe(true);
  expect(e.sender.nick.length).toBeLessThanOrEqual(LIMITS.nickChars);
  expect(e.sender.level).toBeGreaterThanOrEqual(0);
  expect(e.sender.level).toBeLessThanOrEqual(LIMITS.levelMax);
  if (e.sender.avatar)
    expect(e.sender.avatar.startsWith('https:') || e.sender.avatar.startsWith('/') || e.sender.avatar.startsWith(ctx.origin!)).toBe(true);
  switch (e.kind) {
    case 'text':
    case 'system':
      expect(Array.from(e.text).length).toBeLessThanOrEqual(e.kind === 'text' ? LIMITS.textChars : LIMITS.systemTextChars);
      expect(e.text.length).toBeGreaterThan(0);
      expect(HIDDEN.test(e.text)).toBe(false);
      break;
    case 'gift':
      expect(e.gift.count).toBeGreaterThanOrEqual(LIMITS.giftCountMin);
      expect(e.gift.count).toBeLessThanOrEqual(LIMITS.giftCountMax);
      expect([1, 2, 3]).toContain(e.gift.type);
      expect(Array.from(e.gift.name).length).toBeLessThanOrEqual(LIMITS.giftNameChars);
      for (const url of [e.gift.imageUrl, e.gift.effectUrl])
        if (url) expect(/^(https:|\/[^/])/.test(url) || url.startsWith(ctx.origin!)).toBe(true);
      break;
    case 'like':
      expect(e.count).toBeGreaterThanOrEqual(LIMITS.likeCountMin);
      expect(e.count).toBeLessThanOrEqual(LIMITS.likeCountMax);
      break;
    case 'announcement':
      expect(utf8Bytes(e.text)).toBeLessThanOrEqual(LIMITS.announcementBytes);
      break;
    case 'audience':
      expect(Number.isInteger(e.count) && e.count >= 0).toBe(true);
      break;
    case 'mute':
    case 'ban':
      expect(Number.isInteger(e.seconds) && e.seconds >= 0).toBe(true);
      break;
  }
}

const anyMessage = fc.record(
  {
    ID: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
    type: fc.constantFrom('TIMTextElem', 'TIMCustomElem', 'TIMGroupTipElem', 'TIMGroupSystemNoticeElem', 'TIMImageElem', 42),
    payload: fc.oneof(
      fc.record({ text: fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.anything()) }, { requiredKeys: [] }),
      fc.record({ data: fc.oneof(fc.string(), fc.json(), fc.anything()) }, { requiredKeys: [] }),
      fc.record(
        {
          operationType: fc.integer({ min: -1, max: 300 }),
          userIDList: fc.array(fc.anything()),
          memberList: fc.array(fc.anything()),
          newGroupProfile: fc.anything(),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
    from: fc.oneof(fc.string(), fc.anything()),
    nick: fc.oneof(fc.string({ unit: 'binary' }), fc.anything()),
    avatar: fc.oneof(fc.webUrl(), fc.string(), fc.constant('javascript:alert(1)')),
    time: fc.oneof(fc.integer(), fc.double(), fc.anything()),
    priority: fc.oneof(fc.constantFrom('High', 'Normal', 'Low', 'Lowest'), fc.anything()),
    cloudCustomData: fc.oneof(fc.string(), fc.json(), fc.anything()),
  },
  { requiredKeys: [] },
);

/** Envelopes with our and the kit's commands and arbitrary cmdInfo. */
const anyEnvelope = fc
  .record({
    cmd: fc.constantFrom(
      'send_gift_message',
      'send_like_message',
      'room_state_changed',
      'announcement_changed',
      'audience_count',
      'member_enter',
      'system_notice',
      'other',
    ),
    cmdInfo: fc.dictionary(
      fc.constantFrom(
        'type',
        'giftUrl',
        'giftCount',
        'giftSEUrl',
        'giftName',
        'giftUnits',
        'count',
        'state',
        'text',
        'startTime',
        'streamUrl',
      ),
      fc.oneof(
        fc.integer({ min: -10, max: 20000 }),
        fc.string({ unit: 'binary' }),
        fc.webUrl(),
        fc.constantFrom('live', 'ended', 'javascript:x'),
      ),
    ),
  })
  .map(({ cmd, cmdInfo }) => ({
    kind: 'message' as const,
    message: {
      ID: 'x1',
      type: 'TIMCustomElem',
      from: 'u1',
      payload: { data: JSON.stringify({ version: 1, businessID: 'flutter_live_kit', data: { cmd, cmdInfo } }) },
    },
  }));

describe('decoder properties', () => {
  it('never throws on arbitrary frames; outputs satisfy the limits', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyMessage.map((message) => ({ kind: 'message' as const, message })),
          fc.anything(),
        ),
        (frame) => {
          const r = decodeFrame(frame as never, ctx);
          if (r.ok) r.events.forEach(checkEvent);
          else expect(typeof r.reason).toBe('string');
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary envelopes; outputs satisfy the limits', () => {
    fc.assert(
      fc.property(anyEnvelope, (frame) => {
        const r = decodeFrame(frame, ctx);
        if (r.ok) r.events.forEach(checkEvent);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on arbitrary control frames', () => {
    const control = fc.record({
      kind: fc.constantFrom('attributes', 'profile', 'audience', 'like-total', 'kicked', 'revoked', 'modified'),
      attributes: fc.anything(),
      profile: fc.anything(),
      count: fc.anything(),
      total: fc.anything(),
      reason: fc.anything(),
      ids: fc.anything(),
      message: fc.anything(),
    });
    fc.assert(
      fc.property(control, (frame) => {
        const r = decodeFrame(frame, ctx);
        if (r.ok) r.events.forEach(checkEvent);
      }),
      { numRuns: 2000 },
    );
  });
});
