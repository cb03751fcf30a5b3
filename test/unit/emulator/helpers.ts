/**
 * Test helpers for the emulator: start one on 127.0.0.1 port 0, a raw WebSocket client that
 * speaks the wire frames, and a REST caller with the admin UserSig. Every wait is bounded.
 */
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../../demo/server/emulator.ts';
import type { ServerFrame, WireMessage } from '../../../src/transport/emulator/wire.ts';

export const CATALOG = fileURLToPath(new URL('./fixtures/catalog.json', import.meta.url));

export function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  return createEmulator({ host: '127.0.0.1', port: 0, catalogPath: CATALOG, ...opts, config: { multiLogin: 'kick-old', ...opts.config } });
}

export { seeded } from '../../../demo/tools/seeded-random.ts';

/** A controllable clock. */
export function fakeClock(start = Date.UTC(2025, 0, 1)): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms), set: (ms) => void (t = ms) };
}

export async function until<T>(fn: () => T | undefined, timeoutMs = 3000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TestClient {
  readonly frames: ServerFrame[] = [];
  closed = false;
  closeCode: number | undefined;
  private rid = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => this.frames.push(JSON.parse(String(data)) as ServerFrame));
    ws.on('close', (code) => {
      this.closed = true;
      this.closeCode = code;
    });
  }

  static open(url: string): Promise<TestClient> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const c = new TestClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
    });
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Sends a request frame and resolves with its result frame. */
  async request(t: string, fields: Record<string, unknown> = {}): Promise<Extract<ServerFrame, { t: 'result' }>> {
    const rid = ++this.rid;
    this.ws.send(JSON.stringify({ ...fields, t, rid }));
    return until(
      () => this.frames.find((f): f is Extract<ServerFrame, { t: 'result' }> => f.t === 'result' && f.rid === rid),
      3000,
      `result of ${t}`,
    );
  }

  async ok(t: string, fields: Record<string, unknown> = {}): Promise<unknown> {
    const r = await this.request(t, fields);
    if (!r.ok) throw new Error(`${t} failed: ${r.code} ${r.message}`);
    return r.data;
  }

  async login(emu: Emulator, userId: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.ok('login', { userId, userSig: emu.userSig(userId), ...extra });
  }

  messages(): WireMessage[] {
    return this.frames.flatMap((f) => (f.t === 'message' ? [f.message] : []));
  }

  waitMessage(pred: (m: WireMessage) => boolean, timeoutMs = 3000): Promise<WireMessage> {
    return until(() => this.messages().find(pred), timeoutMs, 'a message');
  }

  waitFrame<K extends ServerFrame['t']>(t: K, timeoutMs = 3000): Promise<Extract<ServerFrame, { t: K }>> {
    return until(() => this.frames.find((f): f is Extract<ServerFrame, { t: K }> => f.t === t), timeoutMs, `a ${t} frame`);
  }

  close(): void {
    this.ws.terminate();
  }
}

export async function rest(emu: Emulator, command: string, body: unknown, query = emu.adminQuery()): Promise<Record<string, unknown>> {
  const res = await fetch(`${emu.url}/v4/${command}?${query}`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

let fences = 0;

/** The text of a `fence` message: tests that list texts leave these out. */
export const isFence = (text: unknown): boolean => typeof text === 'string' && text.startsWith('fence ');

/**
 * Proves the room has delivered to `clients` everything sent before it: a Lowest-priority REST text
 * (delivered after anything of higher or equal priority queued before it), awaited at each client.
 * What a test expects *not* to arrive would have arrived by then — no fixed wait needed.
 */
export async function fence(emu: Emulator, roomId: string, ...clients: TestClient[]): Promise<void> {
  const text = `fence ${++fences}`;
  await rest(emu, 'group_open_http_svc/send_group_msg', {
    GroupId: roomId,
    Random: 900_000 + fences,
    MsgPriority: 'Lowest',
    MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: text } }],
  });
  for (const c of clients) await c.waitMessage((m) => m.type === 'TIMTextElem' && m.payload.text === text, 5000);
}

export async function createRoom(emu: Emulator, id: string, extra: Record<string, unknown> = {}): Promise<void> {
  const r = await rest(emu, 'group_open_http_svc/create_group', { Type: 'AVChatRoom', Name: id, GroupId: id, ...extra });
  if (r.ErrorCode !== 0) throw new Error(`create_group: ${JSON.stringify(r)}`);
}
