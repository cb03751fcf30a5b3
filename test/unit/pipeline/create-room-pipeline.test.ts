import { NEVER, of, Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createRoomPipeline, type RoomPipelineInputs, type TextRequest } from '../../../src/pipeline/index.ts';
import { encodeGift, encodeMeta, type InboundFrame, type SendResult } from '../../../src/protocol/index.ts';
import { me, scheduler } from './fixtures.ts';

function inputs(over: Partial<RoomPipelineInputs>): RoomPipelineInputs {
  return {
    frames$: NEVER,
    context$: of({ selfId: 'me' }),
    connection$: NEVER,
    barrageCapacity$: NEVER,
    texts$: NEVER,
    sendResults$: NEVER,
    likeTaps$: NEVER,
    ...over,
  };
}

const textMsg = (id: string, from: string, text: string, extra: Record<string, unknown> = {}) => ({
  kind: 'message' as const,
  message: { ID: id, type: 'TIMTextElem', payload: { text }, from, nick: from, time: 1, priority: 'Normal', ...extra },
});

describe('createRoomPipeline', () => {
  it('an own text shed by the server still appears locally exactly once (and its late copy is merged)', () => {
    const ts = scheduler();
    const shown: string[] = [];
    const barrage: string[] = [];
    const echoes: string[] = [];
    ts.run(({ cold, hot }) => {
      const req: TextRequest = { clientId: 'c-1', text: 'hello room', sender: me };
      const texts$ = cold<TextRequest>('a|', { a: req });
      const results$ = cold<{ clientId: string; result: SendResult }>('---r|', {
        r: { clientId: 'c-1', result: { ok: true, id: 'srv-1', time: 1 } },
      });
      // Case 1: the room drops it (nothing comes back). Case 2 is below, with a server copy.
      const p = createRoomPipeline(inputs({ texts$, sendResults$: results$, barrageCapacity$: hot('-') }), { scheduler: ts });
      p.display$.subscribe((d) => shown.push(`${d.event.id}:${d.event.kind === 'text' ? d.event.text : ''}`));
      p.barrage$.subscribe((d) => barrage.push(d.event.id));
      p.echoes$.subscribe((e) => echoes.push(e.status));
    });
    expect(shown).toEqual(['c-1:hello room']);
    expect(barrage).toEqual(['c-1']); // own message took the barrage although capacity was 0
    expect(echoes).toEqual(['pending', 'sent']);
  });

  it('the server copy of an own message (same client id) is deduplicated', () => {
    const ts = scheduler();
    const shown: string[] = [];
    ts.run(({ cold }) => {
      const texts$ = cold<TextRequest>('a|', { a: { clientId: 'c-9', text: 'hi', sender: me } });
      const copy = textMsg('srv-9', 'me', 'hi', { cloudCustomData: encodeMeta({ level: 5, clientId: 'c-9' }) });
      const frames$ = cold<InboundFrame>('--s|', { s: copy });
      const p = createRoomPipeline(inputs({ texts$, frames$ }), { scheduler: ts });
      p.display$.subscribe((d) => shown.push(d.event.id));
    });
    expect(shown).toEqual(['c-9']);
  });

  it('barrage admission never exceeds the capacity the renderer reports', () => {
    const ts = scheduler();
    const admitted: number[] = [];
    let total = 0;
    ts.run(({ hot }) => {
      const flood = Array.from({ length: 100 }, (_, i) => textMsg(`m${i}`, `u${i}`, `msg number ${i}`));
      const all$ = new Subject<InboundFrame>();
      const capacity$ = hot<number>('-a-b-c', { a: 3, b: 0, c: 2 });
      const p = createRoomPipeline(inputs({ frames$: all$, barrageCapacity$: capacity$ }), { scheduler: ts });
      let frame = -1;
      p.barrage$.subscribe(() => {
        total++;
        const now = ts.now();
        if (now !== frame) admitted.push(0);
        frame = now;
        admitted[admitted.length - 1]!++;
      });
      flood.forEach((f) => all$.next(f));
    });
    expect(admitted).toEqual([3, 2]);
    expect(total).toBe(5);
  });

  it('counts malformed frames as drops and keeps going', () => {
    const ts = scheduler();
    const shown: string[] = [];
    let metrics: unknown;
    ts.run(({ cold }) => {
      const frames$ = cold<InboundFrame>('abcd|', {
        a: textMsg('1', 'u', 'one'),
        b: { kind: 'message', message: '<script>' },
        c: {
          kind: 'message',
          message: { ID: '2', type: 'TIMCustomElem', payload: { data: '{"__proto__":{"x":1},"data":{"cmd":"x"}}' }, from: 'u' },
        },
        d: textMsg('3', 'u', 'three'),
      });
      const p = createRoomPipeline(inputs({ frames$ }), { scheduler: ts, metricsIntervalMs: 10 });
      p.display$.subscribe((d) => shown.push(d.event.id));
      p.metrics$.subscribe((m) => (metrics = m));
    });
    expect(shown).toEqual(['1', '3']);
    expect(metrics).toMatchObject({ decoded: 2, dropped: { 'not-object': 1, 'bad-field': 1 } });
  });

  it('1,000 like taps over 10 s → at most 10 Low messages summing to 1,000', () => {
    const ts = scheduler();
    const sends: { count: number; priority: string }[] = [];
    ts.run(({ cold }) => {
      const likeTaps$ = cold(Array.from({ length: 1000 }, () => 'a 9ms').join(' ') + ' |', { a: 1 });
      const p = createRoomPipeline(inputs({ likeTaps$ }), { scheduler: ts });
      p.likeSends$.subscribe((s) => sends.push({ count: s.count, priority: s.wire.priority }));
    });
    expect(sends.length).toBeLessThanOrEqual(10);
    expect(sends.reduce((a, s) => a + s.count, 0)).toBe(1000);
    expect(sends.every((s) => s.priority === 'low')).toBe(true);
  });

  it('every High gift reaches the gift stream during a text flood', () => {
    const ts = scheduler();
    let gifts = 0;
    ts.run(() => {
      const all$ = new Subject<InboundFrame>();
      const p = createRoomPipeline(inputs({ frames$: all$, barrageCapacity$: of(1) }), { scheduler: ts });
      p.gifts$.subscribe(() => gifts++);
      for (let i = 0; i < 500; i++) {
        all$.next(textMsg(`t${i}`, `u${i % 50}`, `flood ${i}`));
        if (i % 25 === 0) {
          // As the business server sends a billed gift: from its account, naming the viewer.
          const data = encodeGift({ type: 2, name: 'Crown', count: 1, units: '' }, { id: `g${i}`, nick: `G${i}` });
          all$.next({
            kind: 'message',
            message: { ID: `g${i}`, type: 'TIMCustomElem', payload: { data }, from: 'administrator', priority: 'High' },
          });
        }
      }
    });
    expect(gifts).toBe(20);
  });
});
