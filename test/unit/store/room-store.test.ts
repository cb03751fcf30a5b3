/**
 * The room store on a FakeTransport with virtual time (vitest's fake timers drive RxJS's async
 * scheduler): what it emits for each stream and what each command does, as the element sees it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LcrEventEntry } from '../../../src/events/index.ts';
import { RoomStore, type ChatOp, type OwnMessage } from '../../../src/store/room-store.ts';
import type { SessionConfig } from '../../../src/store/room-session.ts';
import { FakeTransport } from '../../../src/transport/fake/fake-transport.ts';
import type { SendResult } from '../../../src/protocol/index.ts';

const ME = { id: 'me', nick: 'Me', level: 0, role: 'member' as const };

function record(store: RoomStore) {
  const chat: ChatOp[] = [];
  const own: OwnMessage[] = [];
  const events: LcrEventEntry[] = [];
  let ends = 0;
  store.chat$.subscribe((op) => chat.push(op));
  store.own$.subscribe((m) => own.push(m));
  store.events$.subscribe((e) => events.push(e));
  store.sessionEnd$.subscribe(() => ends++);
  return { chat, own, events, ends: () => ends, types: () => events.map((e) => e.type) };
}

const config = (transport: FakeTransport, extra: Partial<SessionConfig> = {}): SessionConfig => ({
  roomId: 'room-1',
  identity: { kind: 'user', userId: ME.id },
  transport,
  ...extra,
});

const text = (id: string, body: string, from = 'alice') => ({
  ID: id,
  type: 'TIMTextElem',
  payload: { text: body },
  from,
  nick: from,
  time: 1,
  priority: 'Normal',
});

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('location', { origin: 'https://shop.example', href: 'https://shop.example/live' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('RoomStore', () => {
  it('a started session is connected; room messages become chat lines and lcr-message events', async () => {
    const store = new RoomStore();
    const r = record(store);
    const transport = new FakeTransport();
    await store.start(config(transport));
    expect(store.active).toBe(true);
    expect(store.room.connection).toBe('connected');
    expect(r.events.filter((e) => e.type === 'lcr-connection-change').map((e) => e.detail)).toEqual([
      { state: 'connecting', previous: 'idle' },
      { state: 'connected', previous: 'connecting' },
    ]);
    transport.push(text('m1', 'hello'));
    await vi.advanceTimersByTimeAsync(50);
    expect(r.chat).toContainEqual({ op: 'push', entry: expect.objectContaining({ id: 'm1', kind: 'text', text: 'hello', own: false }) });
    expect(
      r.events.filter((e) => e.type === 'lcr-message' && e.detail.kind === 'text').map((e) => (e.detail as { id: string }).id),
    ).toEqual(['m1']);
  });

  it('an own text: pending → sent in own$ and on its chat line, and its promise resolves', async () => {
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(new FakeTransport()));
    const done = store.sendText({ clientId: 'c1', text: 'mine', sender: ME }, true);
    await vi.advanceTimersByTimeAsync(50);
    await expect(done).resolves.toMatchObject({ ok: true });
    expect(r.own.filter((m) => m.clientId === 'c1').map((m) => m.status)).toEqual(['pending', 'sent']);
    expect(r.own.every((m) => m.fromInput)).toBe(true);
    expect(r.chat).toContainEqual({ op: 'status', id: 'c1', status: 'sent' });
  });

  it('a failed send shows its reason, raises lcr-error send, and Retry sends it again under the same clientId', async () => {
    let fail = true;
    const transport = new FakeTransport({
      onSend: (): SendResult => (fail ? { ok: false, reason: 'network' } : { ok: true, id: 's1', time: 1 }),
    });
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(transport));
    const done = store.sendText({ clientId: 'c2', text: 'again', sender: ME });
    await vi.advanceTimersByTimeAsync(50);
    await expect(done).resolves.toEqual({ ok: false, reason: 'network' });
    expect(r.chat).toContainEqual({ op: 'status', id: 'c2', status: 'failed', reason: 'network' });
    expect(r.events).toContainEqual({ type: 'lcr-error', detail: expect.objectContaining({ code: 'send' }) });
    fail = false;
    store.retry('c2');
    await vi.advanceTimersByTimeAsync(2000);
    expect(r.own.filter((m) => m.clientId === 'c2').map((m) => m.status)).toEqual(['pending', 'failed', 'pending', 'sent']);
    expect(transport.sent).toHaveLength(2);
  });

  it('the token bucket: the 4th text in a second is refused with a cooldown, not sent', async () => {
    const transport = new FakeTransport();
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(transport));
    const results = await Promise.all(
      [1, 2, 3, 4].map(async (i) => {
        const p = store.sendText({ clientId: `b${i}`, text: `t${i}`, sender: ME });
        await vi.advanceTimersByTimeAsync(10);
        return p;
      }),
    );
    expect(results.map((x) => x.ok)).toEqual([true, true, true, false]);
    expect(results[3]).toEqual({ ok: false, reason: 'too-fast' });
    expect(r.own.find((m) => m.clientId === 'b4')).toMatchObject({ status: 'cooldown' });
    expect(transport.sent).toHaveLength(3);
  });

  it('updateRoom goes through the decoder: a valid state applies, a bad one is dropped', async () => {
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(new FakeTransport()));
    store.updateRoom({ state: 'live' });
    await vi.advanceTimersByTimeAsync(10);
    expect(store.room.state).toBe('live');
    expect(r.types()).toContain('lcr-room-state-change');
    store.updateRoom({ state: 'exploded' as never });
    await vi.advanceTimersByTimeAsync(10);
    expect(store.room.state).toBe('live');
  });

  it('a kick ends the session: lcr-kicked once, and nothing sent afterwards', async () => {
    const transport = new FakeTransport();
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(transport));
    transport.emit({ kind: 'kicked', reason: 'kicked' });
    await vi.advanceTimersByTimeAsync(10);
    expect(r.types().filter((t) => t === 'lcr-kicked')).toHaveLength(1);
    expect(store.active).toBe(false);
    await expect(store.sendText({ clientId: 'late', text: 'x', sender: ME })).resolves.toEqual({ ok: false, reason: 'network' });
  });

  it('stop: whoever waits for a send is told it was cancelled, per-session state ends, the transport is left', async () => {
    const transport = new FakeTransport({ onSend: () => new Promise<SendResult>(() => undefined) }); // never answers
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(transport));
    const done = store.sendText({ clientId: 'c3', text: 'stuck', sender: ME });
    await vi.advanceTimersByTimeAsync(10);
    store.stop();
    await expect(done).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(r.ends()).toBe(1);
    expect(transport.roomId).toBeUndefined();
    expect(store.room.connection).toBe('idle');
    store.stop(); // idempotent
    expect(r.ends()).toBe(1);
  });

  it('like taps leave as one message per window, summing the taps', async () => {
    const transport = new FakeTransport();
    const store = new RoomStore();
    const sends: number[] = [];
    store.likeSends$.subscribe(({ count }) => sends.push(count));
    await store.start(config(transport, { likeWindowMs: 1000 }));
    for (let i = 0; i < 30; i++) {
      expect(store.like(1)).toBe(true);
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(2000);
    expect(sends.reduce((a, b) => a + b, 0)).toBe(30);
    expect(sends.length).toBeLessThanOrEqual(2);
    expect(transport.sent).toHaveLength(sends.length);
  });

  it('no backend is a config error, not a silent room', async () => {
    const store = new RoomStore();
    const r = record(store);
    await store.start({ roomId: 'r', identity: { kind: 'guest' } });
    expect(r.events).toContainEqual({ type: 'lcr-error', detail: expect.objectContaining({ code: 'config' }) });
    expect(store.active).toBe(false);
  });

  it('a failed login is a login error; a failed join a join error', async () => {
    const badLogin = new FakeTransport();
    badLogin.connect = () => Promise.reject(new Error('70013 UserSig does not match'));
    const store = new RoomStore();
    const r = record(store);
    await store.start(config(badLogin));
    const badJoin = new FakeTransport();
    badJoin.join = () => Promise.reject(new Error('10015 no such group'));
    await store.start(config(badJoin));
    const codes = r.events.filter((e) => e.type === 'lcr-error').map((e) => (e.detail as { code: string }).code);
    expect(codes).toEqual(['login', 'join']);
  });
});
