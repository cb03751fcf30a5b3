import { describe, it } from 'vitest';
import { emitSome, type Some } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

type V = { v: string };
const v = (s: string): V => ({ v: s });

describe('emitSome', () => {
  it('null emits nothing, one value passes, an array is flattened in order; errors and completion pass', () => {
    const ts = scheduler();
    ts.run(({ cold, expectObservable, expectSubscriptions }) => {
      const steps: Record<string, Some<V>> = { a: v('a'), n: null, e: [], m: [v('b'), v('c')], d: v('d') };
      const src = cold<Some<V>>('anem---d|', steps);
      expectObservable(src.pipe(emitSome<V>())).toBe('a--(bc)d|', { a: v('a'), b: v('b'), c: v('c'), d: v('d') });
      expectSubscriptions(src.subscriptions).toBe('^-------!');
      const failing = cold<Some<V>>('a#', steps);
      expectObservable(failing.pipe(emitSome<V>())).toBe('a#', { a: v('a') });
      expectSubscriptions(failing.subscriptions).toBe('^!');
    });
  });
});
