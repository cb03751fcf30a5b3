import { describe, it } from 'vitest';
import { trackEchoes, type EchoInput } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

describe('trackEchoes', () => {
  it('pending → sent, pending → failed → retry → sent; late duplicates ignored', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const v: Record<string, EchoInput> = {
        p: { type: 'pending', clientId: 'c1' },
        s: { type: 'result', clientId: 'c1', result: { ok: true, id: 'srv1', time: 1 } },
        S: { type: 'result', clientId: 'c1', result: { ok: true, id: 'srv1', time: 1 } },
        q: { type: 'pending', clientId: 'c2' },
        f: { type: 'result', clientId: 'c2', result: { ok: false, reason: 'muted', code: 10017 } },
        r: { type: 'retry', clientId: 'c2' },
        t: { type: 'result', clientId: 'c2', result: { ok: true, id: 'srv2', time: 2 } },
        u: { type: 'result', clientId: 'zz', result: { ok: true, id: 'x', time: 2 } },
      };
      const src = cold('psSqfrtu|', v);
      expectObservable(src.pipe(trackEchoes())).toBe('ps-qfrt-|', {
        p: { clientId: 'c1', status: 'pending', attempts: 1 },
        s: { clientId: 'c1', status: 'sent', serverId: 'srv1', attempts: 1 },
        q: { clientId: 'c2', status: 'pending', attempts: 1 },
        f: { clientId: 'c2', status: 'failed', reason: 'muted', attempts: 1 },
        r: { clientId: 'c2', status: 'pending', attempts: 2 },
        t: { clientId: 'c2', status: 'sent', serverId: 'srv2', attempts: 2 },
      });
      expectSubscriptions(src.subscriptions).toBe('^-------!');
    });
  });
});
