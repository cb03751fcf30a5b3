import { describe, expect, it } from 'vitest';
import { jsonCache } from '../../../src/protocol/json-cache.ts';
import { decodeFrame, encodeEnvelope } from '../../../src/protocol/index.ts';

describe('jsonCache', () => {
  it('parses a repeated text once and hands out the same frozen result', () => {
    const cache = jsonCache(1024);
    const text = '{"data":{"cmd":"like","cmdInfo":{"count":3,"tags":["a"]}}}';
    const a = cache.parse(text);
    const b = cache.parse(JSON.parse(JSON.stringify(text)) as string); // an equal text, another string
    expect(a).toEqual({ ok: true, value: { data: { cmd: 'like', cmdInfo: { count: 3, tags: ['a'] } } } });
    expect(b).toBe(a);
    if (!a.ok) throw new Error('unreachable');
    const info = (a.value as { data: { cmdInfo: { tags: string[] } } }).data.cmdInfo;
    expect(Object.isFrozen(info)).toBe(true);
    expect(Object.isFrozen(info.tags)).toBe(true);
    expect(() => info.tags.push('b')).toThrow(TypeError);
  });

  it('refuses what parseJson refuses, and remembers the refusal', () => {
    const cache = jsonCache(64);
    expect(cache.parse('{"broken":')).toEqual({ ok: false, reason: 'bad-json' });
    expect(cache.parse('{"__proto__":{"x":1}}')).toEqual({ ok: false, reason: 'bad-field' });
    expect(cache.parse(`{"a":"${'x'.repeat(100)}"}`)).toEqual({ ok: false, reason: 'too-large' });
    expect(cache.parse(42)).toEqual({ ok: false, reason: 'bad-json' });
    expect(cache.parse('{"broken":')).toBe(cache.parse('{"broken":'));
  });

  it('stays bounded: the oldest text is forgotten first, long texts are never kept', () => {
    const cache = jsonCache(4096, 3, 20);
    const first = cache.parse('{"n":0}');
    for (let i = 1; i <= 3; i++) cache.parse(`{"n":${i}}`);
    expect(cache.parse('{"n":0}')).not.toBe(first); // evicted, parsed anew
    expect(cache.parse('{"n":0}')).toEqual(first);
    const long = `{"long":"${'y'.repeat(30)}"}`;
    expect(cache.parse(long)).not.toBe(cache.parse(long));
  });

  it('shared parses do not leak between messages: each like decodes to its own event', () => {
    const data = encodeEnvelope('send_like_message', { count: 2 });
    const ctx = { now: 0 };
    const frame = (ID: string, from: string) => ({
      kind: 'message' as const,
      message: { ID, type: 'TIMCustomElem', payload: { data }, from, priority: 'Low' },
    });
    const a = decodeFrame(frame('m1', 'u1'), ctx);
    const b = decodeFrame(frame('m2', 'u2'), ctx);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.events[0]).toMatchObject({ kind: 'like', id: 'm1', count: 2, sender: { id: 'u1' } });
    expect(b.events[0]).toMatchObject({ kind: 'like', id: 'm2', count: 2, sender: { id: 'u2' } });
    expect(a.events[0]).not.toBe(b.events[0]);
  });
});
