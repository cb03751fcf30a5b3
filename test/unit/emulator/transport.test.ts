/** The element's emulator transport against a real emulator on 127.0.0.1 (port 0, then the same port). */
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import type { Emulator } from '../../../demo/server/emulator.ts';
import { genUserSig } from '../../../demo/server/usersig.ts';
import type { ConnectionState, InboundFrame } from '../../../src/protocol/types.ts';
import { dedupeById } from '../../../src/pipeline/index.ts';
import { backoffDelay } from '../../../src/transport/emulator/backoff.ts';
import { EmulatorTransport, wsUrlOf, type WebSocketCtor } from '../../../src/transport/emulator/emulator-transport.ts';
import type { WireMessage } from '../../../src/transport/emulator/wire.ts';
import { createRoom, rest, seeded, startEmulator as startWith, until } from './helpers.ts';
import type { EmulatorOptions } from '../../../demo/server/emulator.ts';

// These transports fetch their UserSig from node, without the demo's session cookie: the demo
// business server is told to sign for the user named (its `open` policy, for tests only).
const startEmulator = (opts: EmulatorOptions = {}) => startWith({ ...opts, config: { userSigPolicy: 'open', ...opts.config } });

let emu: Emulator | undefined;
const transports: EmulatorTransport[] = [];
afterEach(async () => {
  for (const t of transports.splice(0)) t.destroy();
  await emu?.close();
  emu = undefined;
});

function transport(extra: Partial<ConstructorParameters<typeof EmulatorTransport>[0]> = {}) {
  const t = new EmulatorTransport({
    url: emu!.url,
    WebSocket: WebSocket as unknown as WebSocketCtor,
    backoff: { initialMs: 100, maxMs: 400 },
    random: seeded(5),
    requestTimeoutMs: 3000,
    ...extra,
  });
  transports.push(t);
  const states: ConnectionState[] = [];
  const frames: InboundFrame[] = [];
  t.state$.subscribe((s) => states.push(s));
  t.events$.subscribe((f) => frames.push(f));
  // What the viewer sees: the transport's frames through the pipeline's dedupe (the one; repeats dropped).
  const shown: InboundFrame[] = [];
  let other = 0;
  t.events$
    .pipe(dedupeById((f: InboundFrame) => (f.kind === 'message' ? [String((f.message as WireMessage).ID)] : [`frame-${other++}`])))
    .subscribe((d) => d.ok && shown.push(d.item));
  const texts = () =>
    shown.flatMap((f) =>
      f.kind === 'message' && (f.message as WireMessage).type === 'TIMTextElem' ? [(f.message as WireMessage).payload.text as string] : [],
    );
  return { t, states, frames, texts };
}

const adminText = (text: string) =>
  rest(emu!, 'group_open_http_svc/send_group_msg', {
    GroupId: 'live',
    Random: 1,
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
  });

describe('pure helpers', () => {
  test('wsUrlOf and jittered exponential backoff (0.5 s → 15 s)', () => {
    expect(wsUrlOf('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/ws');
    expect(wsUrlOf('https://demo.example/')).toBe('wss://demo.example/ws');
    expect(wsUrlOf('ws://h:1/custom')).toBe('ws://h:1/custom');
    expect(wsUrlOf('/', 'https://shop.example/products/x')).toBe('wss://shop.example/ws');
    const delays = Array.from({ length: 8 }, (_, i) => backoffDelay(i, () => 0.999999));
    expect(delays[0]).toBeLessThanOrEqual(500);
    expect(delays[0]).toBeGreaterThanOrEqual(250);
    expect(delays.at(-1)).toBeLessThanOrEqual(15_000);
    expect(delays.at(-1)).toBeGreaterThan(14_000);
    expect(backoffDelay(3, () => 0)).toBe(2000); // base 4000, half fixed
  });
});

/** A socket that opens and then never answers (a stalled server). */
class SilentSocket {
  static sent: string[] = [];
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.({});
    }, 1);
  }
  send(data: string): void {
    SilentSocket.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
}

describe('request correlation', () => {
  test('an unanswered request times out as a network failure; send still resolves; pings detect the stall', async () => {
    const t = new EmulatorTransport({
      url: 'http://127.0.0.1:9/',
      WebSocket: SilentSocket,
      requestTimeoutMs: 50,
      pingIntervalMs: 200,
      backoff: { initialMs: 10_000, maxMs: 10_000 },
    });
    transports.push(t);
    const states: ConnectionState[] = [];
    t.state$.subscribe((s) => states.push(s));
    await t.connect({ kind: 'guest' });
    expect(await t.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).toMatchObject({
      ok: false,
      reason: 'network',
      code: 2801,
    });
    await expect(t.join('r')).rejects.toMatchObject({ reason: 'network', code: 2801 });
    await until(() => states.includes('reconnecting') || undefined, 2000, 'ping timeout → reconnecting');
    const frames = SilentSocket.sent.map((x) => JSON.parse(x) as { t: string; rid: number });
    expect(frames.map((f) => f.t)).toEqual(expect.arrayContaining(['send', 'join', 'ping']));
    expect(new Set(frames.map((f) => f.rid)).size).toBe(frames.length); // every request its own rid
  });
});

describe('EmulatorTransport', () => {
  test('a guest connects, joins and receives; sending answers not-logged-in', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live', { Notification: 'hi all' });
    const g = transport();
    await g.t.connect({ kind: 'guest' });
    expect(g.states).toEqual(['idle', 'connecting', 'connected']);
    const snap = await g.t.join('live');
    expect(snap).toMatchObject({
      roomId: 'live',
      profile: { notification: 'hi all', memberNum: 1 },
      attributes: { state: 'upcoming' },
      selfMuteSeconds: 0,
      history: [],
    });
    await adminText('to everyone');
    await until(() => g.texts().includes('to everyone') || undefined, 2000, 'message');
    expect(await g.t.getAudienceCount()).toBe(1);
    expect(await g.t.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).toMatchObject({
      ok: false,
      reason: 'not-logged-in',
      code: 2024,
    });
  });

  test('logs in with a UserSig fetched from userSigUrl and sends; failures map to reasons and never reject', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const viewer = transport();
    await viewer.t.connect({ kind: 'guest' });
    await viewer.t.join('live');
    const alice = transport();
    expect(await alice.t.send({ type: 'TIMTextElem', text: 'early', priority: 'normal', cloudCustomData: '' })).toMatchObject({
      ok: false,
      reason: 'network',
    });
    await alice.t.connect({ kind: 'user', userId: 'alice', userSigUrl: '/api/usersig', nick: 'Alice', level: 4 });
    await alice.t.join('live');
    emu.app.sessions.setLevel('alice', 4); // the level on the wire is the business server's
    const r = await alice.t.send({
      type: 'TIMTextElem',
      text: 'hello from alice',
      priority: 'normal',
      cloudCustomData: '{"lcr":{"level":4,"cid":"c1"}}',
    });
    expect(r.ok).toBe(true);
    if (r.ok) expect(Math.abs(r.time - Date.now())).toBeLessThan(5000); // ms
    const got = await until(
      () => viewer.frames.find((f) => f.kind === 'message' && (f.message as WireMessage).payload.text === 'hello from alice'),
      2000,
      'delivery',
    );
    expect((got as { message: WireMessage }).message).toMatchObject({
      from: 'alice',
      nick: 'Alice',
      cloudCustomData: '{"lcr":{"level":4,"cid":"c1"}}',
    });

    await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: 'live', Members_Account: ['alice'], MuteTime: 60 });
    expect(await alice.t.send({ type: 'TIMTextElem', text: 'muted?', priority: 'normal', cloudCustomData: '' })).toMatchObject({
      ok: false,
      reason: 'muted',
      code: 10017,
    });
    await rest(emu, 'group_open_http_svc/forbid_send_msg', { GroupId: 'live', Members_Account: ['alice'], MuteTime: 0 });
    const big = await alice.t.send({
      type: 'TIMCustomElem',
      data: 'x'.repeat(13_000),
      description: '',
      extension: '',
      priority: 'high',
      cloudCustomData: '',
    });
    expect(big).toMatchObject({ ok: false, reason: 'too-large', code: 80002 });
  });

  test('a bad UserSig rejects connect with a TransportError; the state goes offline', async () => {
    emu = await startEmulator();
    const bad = transport();
    await expect(
      bad.t.connect({ kind: 'user', userId: 'eve', userSig: genUserSig(emu.config.sdkAppId, 'nope', 'eve', 60) }),
    ).rejects.toMatchObject({ code: 70009 });
    expect(bad.states.at(-1)).toBe('offline');
  });

  test('server killed and restarted on the same port: reconnecting → connected, room rejoined, no duplicates', async () => {
    emu = await startEmulator({ config: { history: true } });
    const port = emu.port;
    await createRoom(emu, 'live');
    const bob = transport();
    await bob.t.connect({ kind: 'user', userId: 'bob', userSigUrl: '/api/usersig' });
    await bob.t.join('live');
    await adminText('before');
    await until(() => bob.texts().includes('before') || undefined, 2000, 'before');

    await emu.close();
    await until(() => bob.states.includes('reconnecting') || undefined, 3000, 'reconnecting');
    emu = await startEmulator({ port, config: { history: true } });
    await createRoom(emu, 'live');
    await adminText('replayed by history');
    await until(() => bob.states.at(-1) === 'connected' || undefined, 5000, 'connected again');
    expect(emu.engine.audience('live')).toBe(1); // rejoined
    await adminText('after');
    await until(() => bob.texts().includes('after') || undefined, 2000, 'after');
    expect(bob.texts()).toEqual(['before', 'replayed by history', 'after']);
    expect(bob.states).toEqual(['idle', 'connecting', 'connected', 'reconnecting', 'connected']);
    // After the rejoin the pipeline also learns the room's profile and attributes again.
    expect(bob.frames.some((f) => f.kind === 'attributes')).toBe(true);
    expect(bob.frames.some((f) => f.kind === 'profile')).toBe(true);
    const r = await bob.t.send({ type: 'TIMTextElem', text: 'still works', priority: 'normal', cloudCustomData: '' });
    expect(r.ok).toBe(true);
  });

  test('an expiring UserSig is renewed through userSigUrl; the rejoin replays history without duplicates', async () => {
    emu = await startEmulator({ config: { history: true } });
    await createRoom(emu, 'live');
    const short = genUserSig(emu.config.sdkAppId, emu.config.secretKey, 'carol', 1, Date.now() - 500);
    const carol = transport();
    await carol.t.connect({ kind: 'user', userId: 'carol', userSig: short, userSigUrl: '/api/usersig' });
    await carol.t.join('live');
    await adminText('one');
    await adminText('two');
    await until(() => carol.texts().length === 2 || undefined, 2000, 'two messages');
    await until(() => carol.states.includes('reconnecting') || undefined, 4000, 'kicked for userSigExpired');
    await until(() => carol.states.at(-1) === 'connected' || undefined, 4000, 'renewed');
    await adminText('three');
    await until(() => carol.texts().includes('three') || undefined, 2000, 'three');
    expect(carol.texts()).toEqual(['one', 'two', 'three']);
    expect(carol.frames.some((f) => f.kind === 'kicked')).toBe(false);
  });

  test('a renewal that meets a UserSig service down (503) keeps reconnecting until the service answers', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const short = genUserSig(emu.config.sdkAppId, emu.config.secretKey, 'gina', 1, Date.now() - 500);
    let down = 2;
    const asked: number[] = [];
    const flaky: typeof fetch = async (url, init) => {
      asked.push(down);
      if (down-- > 0) return new Response('busy', { status: 503 });
      return fetch(url, init);
    };
    const gina = transport({ fetch: flaky });
    await gina.t.connect({ kind: 'user', userId: 'gina', userSig: short, userSigUrl: '/api/usersig' });
    await gina.t.join('live');
    await until(() => gina.states.includes('reconnecting') || undefined, 4000, 'kicked for userSigExpired');
    await until(() => gina.states.at(-1) === 'connected' || undefined, 6000, 'renewed after the service came back');
    expect(asked).toEqual([2, 1, 0]);
    expect(gina.frames.some((f) => f.kind === 'kicked')).toBe(false);
    await adminText('after');
    await until(() => gina.texts().includes('after') || undefined, 2000, 'delivery after renewal');
  });

  test('a renewal the UserSig service refuses (403) ends the session as userSigExpired', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const short = genUserSig(emu.config.sdkAppId, emu.config.secretKey, 'hal', 1, Date.now() - 500);
    const refusing: typeof fetch = async () => new Response('{}', { status: 403 });
    const hal = transport({ fetch: refusing });
    await hal.t.connect({ kind: 'user', userId: 'hal', userSig: short, userSigUrl: '/api/usersig' });
    await hal.t.join('live');
    await until(() => hal.frames.find((f) => f.kind === 'kicked'), 6000, 'session ended');
    expect(hal.frames.find((f) => f.kind === 'kicked')).toMatchObject({ reason: 'userSigExpired' });
    expect(hal.states.at(-1)).toBe('offline');
  });

  test('kicked by a second login (multipleAccount): emits kicked and stops reconnecting; destroy is idempotent', async () => {
    emu = await startEmulator();
    await createRoom(emu, 'live');
    const tab1 = transport();
    await tab1.t.connect({ kind: 'user', userId: 'dan', userSigUrl: '/api/usersig' });
    await tab1.t.join('live');
    const tab2 = transport();
    await tab2.t.connect({ kind: 'user', userId: 'dan', userSigUrl: '/api/usersig' });
    await until(() => tab1.frames.find((f) => f.kind === 'kicked'), 2000, 'kicked');
    expect(tab1.frames.find((f) => f.kind === 'kicked')).toMatchObject({ reason: 'multipleAccount' });
    expect(tab1.states.at(-1)).toBe('offline');
    await new Promise((r) => setTimeout(r, 600)); // longer than the backoff: no reconnect happened
    expect(tab1.states.at(-1)).toBe('offline');
    expect(tab2.frames.some((f) => f.kind === 'kicked')).toBe(false);
    tab1.t.destroy();
    tab1.t.destroy();
    expect(await tab1.t.send({ type: 'TIMTextElem', text: 'x', priority: 'normal', cloudCustomData: '' })).toMatchObject({ ok: false });
    await expect(tab1.t.connect({ kind: 'guest' })).rejects.toMatchObject({ reason: 'cancelled' });
  });
});
