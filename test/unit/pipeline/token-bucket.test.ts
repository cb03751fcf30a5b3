import { describe, it } from 'vitest';
import { tokenBucket } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

describe('tokenBucket', () => {
  it('admits a burst of 3, refuses the 4th with a cooldown, refills at 1/s', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('abcd 999ms e 2s f|');
      expectObservable(src.pipe(tokenBucket<string>({ scheduler: ts }))).toBe('abcd 999ms e 2s f|', {
        a: { admitted: true, request: 'a', tokensLeft: 2 },
        b: { admitted: true, request: 'b', tokensLeft: 1 },
        c: { admitted: true, request: 'c', tokensLeft: 0 },
        d: { admitted: false, request: 'd', retryInMs: 997 },
        e: { admitted: true, request: 'e', tokensLeft: 0 },
        f: { admitted: true, request: 'f', tokensLeft: 1 },
      });
      expectSubscriptions(src.subscriptions).toBe('^ 3004ms !');
    });
  });
});
