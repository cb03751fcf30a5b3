/**
 * Nothing dies for the session: whatever frames arrive first — hostile keys (`__proto__`,
 * `toString`, …) and values in every field — every output stream of the pipeline still emits for
 * the good frames that follow. Virtual time: the hostile frames at 0, the good ones at 5 s.
 */
import fc from 'fast-check';
import { NEVER, of, Subject, VirtualAction, VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createRoomPipeline, type PipelineBranch } from '../../../src/pipeline/index.ts';
import { encodeEnvelope, encodeGift, type InboundFrame } from '../../../src/protocol/index.ts';

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then', 'length'];
const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 8 }));
const value = fc.oneof(
  fc.constantFrom(...HOSTILE_KEYS, 'High', 'high', 'live', 'ended', 'javascript:alert(1)'),
  fc.anything({ key, maxDepth: 3 }),
);
const envelope = fc
  .record({
    cmd: fc.oneof(
      fc.constantFrom(
        'send_gift_message',
        'send_like_message',
        'room_state_changed',
        'announcement_changed',
        'audience_count',
        'member_enter',
        'system_notice',
      ),
      fc.constantFrom(...HOSTILE_KEYS),
    ),
    cmdInfo: fc.dictionary(key, value, { maxKeys: 6 }),
  })
  .map(({ cmd, cmdInfo }) => encodeEnvelope(cmd, cmdInfo as never));
const message = fc.record(
  {
    ID: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 }), value),
    type: fc.oneof(fc.constantFrom('TIMTextElem', 'TIMCustomElem', 'TIMGroupTipElem', 'TIMGroupSystemNoticeElem'), value),
    payload: fc.oneof(
      fc.record(
        {
          text: value,
          data: fc.oneof(envelope, value),
          operationType: fc.oneof(fc.integer({ min: 0, max: 12 }), value),
          memberList: value,
          newGroupProfile: value,
        },
        { requiredKeys: [] },
      ),
      value,
    ),
    from: fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 'administrator', 'anchor'), value),
    nick: value,
    avatar: value,
    time: value,
    priority: fc.oneof(fc.constantFrom(...HOSTILE_KEYS, 'High', 'Low'), value),
    cloudCustomData: fc.oneof(fc.constant('{"lcr":{"role":"admin","level":99,"cid":"__proto__"}}'), value),
  },
  { requiredKeys: [] },
);
const frame: fc.Arbitrary<InboundFrame> = fc.oneof(
  message.map((m): InboundFrame => ({ kind: 'message', message: m })),
  message.map((m): InboundFrame => ({ kind: 'modified', message: m })),
  fc.record(
    {
      kind: fc.constantFrom('revoked', 'attributes', 'profile', 'audience', 'like-total', 'kicked', '__proto__', 'toString'),
      ids: value,
      attributes: value,
      profile: value,
      count: value,
      total: value,
      reason: value,
      time: value,
    },
    { requiredKeys: ['kind'] },
  ) as fc.Arbitrary<InboundFrame>,
);

const custom = (id: string, from: string, data: string, priority = 'High'): InboundFrame => ({
  kind: 'message',
  message: { ID: id, type: 'TIMCustomElem', payload: { data }, from, nick: from, time: 1, priority },
});

/** Good frames that each output stream must answer to. */
function goodFrames(n: number): InboundFrame[] {
  return [
    {
      kind: 'message',
      message: {
        ID: `ok-text-${n}`,
        type: 'TIMTextElem',
        payload: { text: `still alive ${n}` },
        from: 'viewer',
        nick: 'V',
        time: 1,
        priority: 'Normal',
      },
    },
    custom(`ok-gift-${n}`, 'administrator', encodeGift({ type: 2, name: 'Crown', count: 1, units: '' }, { id: `payer-${n}`, nick: 'P' })),
    custom(`ok-ann-${n}`, 'administrator', encodeEnvelope('announcement_changed', { text: `notice ${n}` })),
    custom(`ok-like-${n}`, 'viewer', encodeEnvelope('send_like_message', { count: 3 }), 'Low'),
  ];
}

describe('pipeline resilience', () => {
  it('every output stream still emits after arbitrary hostile frames', () => {
    let run = 0;
    fc.assert(
      fc.property(fc.array(frame, { maxLength: 30 }), (hostile) => {
        run++;
        const s = new VirtualTimeScheduler(VirtualAction, 20_000);
        const frames$ = new Subject<InboundFrame>();
        const demand$ = new Subject<number>();
        const defects: PipelineBranch[] = [];
        const p = createRoomPipeline(
          {
            frames$,
            context$: of({ selfId: 'me', anchorId: 'anchor', origin: 'https://shop.example' }),
            connection$: of('connected' as const),
            barrageCapacity$: demand$,
            texts$: NEVER,
            sendResults$: NEVER,
            likeTaps$: NEVER,
          },
          { scheduler: s, onDefect: (b) => defects.push(b) },
        );
        const lastAt: Record<string, number> = {};
        const mark = (name: string) => () => (lastAt[name] = s.now());
        const subs = [
          p.room$.subscribe(mark('room')),
          p.display$.subscribe(mark('display')),
          p.barrage$.subscribe(mark('barrage')),
          p.gifts$.subscribe(mark('gifts')),
          p.likes$.subscribe(mark('likes')),
          p.metrics$.subscribe(mark('metrics')),
        ];
        for (const f of hostile) frames$.next(f);
        demand$.next(3);
        s.schedule(() => {
          for (const f of goodFrames(run)) frames$.next(f);
          demand$.next(5);
        }, 5000);
        s.flush();
        for (const sub of subs) sub.unsubscribe();
        for (const name of ['room', 'display', 'barrage', 'gifts', 'likes', 'metrics']) {
          expect(lastAt[name], `${name} after ${JSON.stringify(hostile).slice(0, 300)}`).toBeGreaterThanOrEqual(5000);
        }
        expect(defects).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
