/**
 * The element's reactive controllers on a stand-in host, a FakeTransport and virtual time: what
 * each one asks the host to render, which events it fires, and how it follows the room store.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountdownController } from '../../../src/controllers/countdown-controller.ts';
import { LikeController } from '../../../src/controllers/like-controller.ts';
import { SessionController } from '../../../src/controllers/session-controller.ts';
import { StoreLink } from '../../../src/controllers/store-link.ts';
import type { SendResult } from '../../../src/protocol/index.ts';
import { encodeEnvelope } from '../../../src/protocol/envelope.ts';
import { INITIAL_ROOM_VIEW, type RoomView } from '../../../src/pipeline/types.ts';
import { RoomStore } from '../../../src/store/room-store.ts';
import type { SessionConfig } from '../../../src/store/room-session.ts';
import { FakeTransport } from '../../../src/transport/fake/fake-transport.ts';
import { asElement, FakeHost } from './fake-host.ts';

const config = (transport: FakeTransport): SessionConfig => ({
  roomId: 'room-1',
  identity: { kind: 'user', userId: 'me' },
  transport,
  likeWindowMs: 500,
});

const likeFrom = (id: string, from: string, count: number) => ({
  ID: id,
  type: 'TIMCustomElem',
  payload: { data: encodeEnvelope('send_like_message', { count }) },
  from,
  nick: from,
  time: 1,
  priority: 'Low',
});

const room = (patch: Partial<RoomView>): RoomView => ({ ...INITIAL_ROOM_VIEW, ...patch });

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('location', { origin: 'https://shop.example', href: 'https://shop.example/live' });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

async function startedStore(transport: FakeTransport, link: StoreLink): Promise<RoomStore> {
  const store = new RoomStore();
  link.provide(store);
  await store.start(config(transport));
  return store;
}

describe('StoreLink', () => {
  it('hands the store to callbacks registered before and after it exists, once each', () => {
    const link = new StoreLink();
    const seen: string[] = [];
    link.use(() => seen.push('early'));
    const store = new RoomStore();
    link.provide(store);
    link.provide(new RoomStore()); // a second store is ignored: one per element
    link.use((s) => seen.push(s === store ? 'late, same store' : 'late, other store'));
    expect(seen).toEqual(['early', 'late, same store']);
    expect(link.current).toBe(store);
  });
});

describe('LikeController', () => {
  it('a tap counts at once and settles when the aggregated message is sent', async () => {
    const host = new FakeHost();
    const link = new StoreLink();
    const likes = new LikeController(asElement(host), { link });
    const transport = new FakeTransport();
    await startedStore(transport, link);
    const first = likes.tap(2);
    const second = likes.tap(3);
    expect(likes.total).toBe(5);
    expect(host.updates).toBeGreaterThanOrEqual(2);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(first).resolves.toMatchObject({ ok: true });
    await expect(second).resolves.toMatchObject({ ok: true });
    expect(transport.sent).toHaveLength(1);
    expect(likes.total).toBe(5);
  });

  it('a failed like message settles its taps with the reason and keeps the number shown', async () => {
    const host = new FakeHost();
    const link = new StoreLink();
    const likes = new LikeController(asElement(host), { link });
    const transport = new FakeTransport({ onSend: (): SendResult => ({ ok: false, reason: 'too-fast' }) });
    await startedStore(transport, link);
    const tap = likes.tap(4);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(tap).resolves.toEqual({ ok: false, reason: 'too-fast' });
    expect(likes.total).toBe(4);
  });

  it('refuses a tap that is not a positive count, and one before the room exists', async () => {
    const host = new FakeHost();
    const link = new StoreLink();
    const likes = new LikeController(asElement(host), { link });
    await expect(likes.tap(1)).resolves.toEqual({ ok: false, reason: 'network' });
    await startedStore(new FakeTransport(), link);
    await expect(likes.tap(0)).resolves.toEqual({ ok: false, reason: 'rejected' });
    await expect(likes.tap(Number.NaN)).resolves.toEqual({ ok: false, reason: 'rejected' });
    expect(likes.total).toBe(0);
  });

  it("others' likes raise the total and fire lcr-like with the new total", async () => {
    const host = new FakeHost();
    const fired = host.record<{ count: number; total: number }>('lcr-like');
    const link = new StoreLink();
    const likes = new LikeController(asElement(host), { link });
    const transport = new FakeTransport();
    await startedStore(transport, link);
    transport.push(likeFrom('l1', 'bob', 5));
    transport.push(likeFrom('l2', 'carol', 2));
    await vi.advanceTimersByTimeAsync(2000);
    expect(fired.reduce((n, e) => n + e.count, 0)).toBe(7);
    expect(fired.at(-1)?.total).toBe(7);
    expect(likes.total).toBe(7);
  });

  it('a new session starts a fresh count and cancels taps still waiting', async () => {
    const host = new FakeHost();
    const link = new StoreLink();
    const likes = new LikeController(asElement(host), { link });
    const store = await startedStore(new FakeTransport(), link);
    const waiting = likes.tap(3);
    store.stop();
    await expect(waiting).resolves.toEqual({ ok: false, reason: 'cancelled' });
    expect(likes.total).toBe(0);
  });
});

describe('CountdownController', () => {
  it('re-renders once a second only while the room is upcoming with a start time', async () => {
    const host = new FakeHost();
    const countdown = new CountdownController(asElement(host));
    const startTime = Date.now() + 60_000;
    countdown.sync(room({ state: 'upcoming', startTime }));
    const atStart = host.updates;
    await vi.advanceTimersByTimeAsync(3000);
    expect(host.updates - atStart).toBe(3);
    expect(countdown.now).toBe(Date.now());
    countdown.sync(room({ state: 'live' }));
    const atLive = host.updates;
    await vi.advanceTimersByTimeAsync(3000);
    expect(host.updates).toBe(atLive);
  });

  it('stops its clock when the element disconnects', async () => {
    const host = new FakeHost();
    const countdown = new CountdownController(asElement(host));
    countdown.sync(room({ state: 'upcoming', startTime: Date.now() + 5000 }));
    host.disconnect();
    const after = host.updates;
    await vi.advanceTimersByTimeAsync(3000);
    expect(host.updates).toBe(after);
  });
});

describe('SessionController', () => {
  it('starts a session when connected and ready, and stops it on disconnect', async () => {
    const host = new FakeHost();
    const transport = new FakeTransport();
    let ready!: () => void;
    const session = new SessionController(asElement(host), {
      config: () => config(transport),
      ready: () => new Promise<void>((resolve) => (ready = resolve)),
    });
    host.connect();
    await vi.advanceTimersByTimeAsync(0);
    expect(session.link.current).toBeUndefined(); // waits for the video's first frame
    ready();
    await vi.waitFor(() => expect(session.link.current?.active).toBe(true));
    expect(transport.roomId).toBe('room-1');
    host.disconnect();
    expect(session.link.current?.active).toBe(false);
  });

  it('without a room id no session starts', async () => {
    const host = new FakeHost();
    const session = new SessionController(asElement(host), { config: () => undefined, ready: () => Promise.resolve() });
    host.connect();
    await vi.advanceTimersByTimeAsync(10);
    expect(session.link.current).toBeUndefined();
  });

  it('a room chunk that cannot load is a transport error on the element', async () => {
    const host = new FakeHost();
    const errors = host.record<{ code: string; message: string }>('lcr-error');
    new SessionController(asElement(host), {
      config: () => config(new FakeTransport()),
      ready: () => Promise.reject(new Error('chunk 404')),
    });
    host.connect();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(errors[0]).toMatchObject({ code: 'transport', message: expect.stringContaining('chunk 404') });
  });

  it('a disconnect before the room is ready leaves no session behind', async () => {
    const host = new FakeHost();
    const transport = new FakeTransport();
    let ready!: () => void;
    const session = new SessionController(asElement(host), {
      config: () => config(transport),
      ready: () => new Promise<void>((resolve) => (ready = resolve)),
    });
    host.connect();
    await vi.advanceTimersByTimeAsync(0);
    host.disconnect();
    ready();
    await vi.advanceTimersByTimeAsync(10);
    expect(session.link.current).toBeUndefined();
    expect(transport.identity).toBeUndefined();
  });
});
