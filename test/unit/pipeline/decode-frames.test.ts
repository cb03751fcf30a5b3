import { of } from 'rxjs';
import { describe, it } from 'vitest';
import { decodeFrames } from '../../../src/pipeline/index.ts';
import type { InboundFrame } from '../../../src/protocol/index.ts';
import { scheduler } from './fixtures.ts';

describe('decodeFrames', () => {
  it('decodes with the latest context; bad frames become counted drops, not errors', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const v: Record<string, InboundFrame> = {
        t: {
          kind: 'message',
          message: { ID: 'm1', type: 'TIMTextElem', payload: { text: 'hi' }, from: 'me', nick: 'Me', time: 2, priority: 'Normal' },
        },
        b: { kind: 'message', message: { ID: 'm2', type: 'TIMCustomElem', payload: { data: '{not json' }, from: 'x', priority: 'Low' } },
        n: { kind: 'message', message: null },
      };
      const src = cold('tbn|', v);
      expectObservable(src.pipe(decodeFrames(of({ selfId: 'me' }), ts))).toBe('tbn|', {
        t: {
          ok: true,
          event: {
            kind: 'text',
            id: 'm1',
            time: 2000,
            priority: 'normal',
            sender: { id: 'me', nick: 'Me', level: 0, role: 'member' },
            own: true,
            text: 'hi',
          },
        },
        b: { ok: false, drop: { reason: 'bad-json', priority: 'low' } },
        n: { ok: false, drop: { reason: 'not-object', priority: 'unknown' } },
      });
      expectSubscriptions(src.subscriptions).toBe('^--!');
    });
  });
});
