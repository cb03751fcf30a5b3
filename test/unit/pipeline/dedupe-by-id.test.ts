import { describe, it } from 'vitest';
import { dedupeById } from '../../../src/pipeline/index.ts';
import { scheduler } from './fixtures.ts';

describe('dedupeById', () => {
  it('passes first occurrences and marks repeats, values and subscriptions', () => {
    scheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const src = cold('a-b-a-c-b-|', { a: 'a', b: 'b', c: 'c' });
      const out = src.pipe(dedupeById((x: string) => [x]));
      expectObservable(out).toBe('a-b-A-c-B-|', {
        a: { ok: true, item: 'a' },
        b: { ok: true, item: 'b' },
        A: { ok: false, item: 'a' },
        c: { ok: true, item: 'c' },
        B: { ok: false, item: 'b' },
      });
      expectSubscriptions(src.subscriptions).toBe('^---------!');
    });
  });

  it('joins a local echo and its server copy through the shared client id', () => {
    scheduler().run(({ cold, expectObservable }) => {
      type E = { id: string; cid?: string };
      const src = cold<E>('e--s--|', { e: { id: 'cid-1', cid: 'cid-1' }, s: { id: 'srv-9', cid: 'cid-1' } });
      const out = src.pipe(dedupeById((x: E) => (x.cid ? [x.id, `cid:${x.cid}`] : [x.id])));
      expectObservable(out).toBe('e--s--|', {
        e: { ok: true, item: { id: 'cid-1', cid: 'cid-1' } },
        s: { ok: false, item: { id: 'srv-9', cid: 'cid-1' } },
      });
    });
  });

  it('is bounded: the oldest key is forgotten past capacity', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const src = cold('abca|');
      const out = src.pipe(dedupeById((x: string) => [x], 2));
      // capacity 2: after a, b, c the key "a" has been evicted, so the second "a" passes
      expectObservable(out).toBe('abca|', {
        a: { ok: true, item: 'a' },
        b: { ok: true, item: 'b' },
        c: { ok: true, item: 'c' },
      });
    });
  });

  it('keeps separate state per subscription', () => {
    scheduler().run(({ cold, expectObservable }) => {
      const out = cold('a|').pipe(dedupeById((x: string) => [x]));
      expectObservable(out).toBe('a|', { a: { ok: true, item: 'a' } });
      expectObservable(out).toBe('a|', { a: { ok: true, item: 'a' } });
    });
  });
});
