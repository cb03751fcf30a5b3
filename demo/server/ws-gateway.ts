/**
 * The WebSocket side of the emulator: one `ws` server on the HTTP server's port (path `/ws`),
 * one session per connection. Reads the JSON frames of `src/transport/emulator/wire.ts`,
 * validates them (anything malformed is answered, never thrown), and calls the room engine.
 * Owns the sockets, the heartbeat timer and the `upgrade` listener; `close()` releases all.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Priority } from '../../src/protocol/types.ts';
import { WIRE_PATH, WIRE_VERSION, type ServerFrame, type WireKickReason, type WirePriority } from '../../src/transport/emulator/wire.ts';
import type { RoomEngine } from './engine.ts';
import { ChatError, ERR, ERR_INFO } from './errors.ts';
import type { Content } from './message-factory.ts';
import type { SessionHandle } from './sessions.ts';
import { verifyUserSig } from './usersig.ts';

export interface GatewayOptions {
  readonly engine: RoomEngine;
  readonly server: Server;
  readonly maxPayload?: number;
  readonly heartbeatMs?: number;
}

const PRIORITY: Record<Priority, WirePriority> = { high: 'High', normal: 'Normal', low: 'Low', lowest: 'Lowest' };
/** Tencent user ids: printable ASCII without spaces, ≤ 32 bytes. */
const USER_ID = /^[\x21-\x7e]{1,32}$/;
const str = (v: unknown, max: number): string | undefined => (typeof v === 'string' && v.length <= max ? v : undefined);

let sessionSeq = 0;

class Session implements SessionHandle {
  readonly key = `ws:${++sessionSeq}`;
  readonly virtual = false;
  userId: string | undefined;
  nick = '';
  avatar = '';
  level = 0;
  sigExpiresAt: number | undefined;
  alive = true;
  private kicked = false;

  constructor(
    readonly ws: WebSocket,
    private readonly now: () => number,
  ) {}

  deliver(frame: ServerFrame): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(JSON.stringify(frame));
  }

  kick(reason: WireKickReason): void {
    if (this.kicked) return;
    this.kicked = true;
    this.deliver({ t: 'kicked', reason, time: Math.floor(this.now() / 1000) });
    this.ws.close(4001, reason);
  }
}

export class WsGateway {
  readonly wss: WebSocketServer;
  private readonly engine: RoomEngine;
  private readonly server: Server;
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private closed = false;

  constructor(opts: GatewayOptions) {
    this.engine = opts.engine;
    this.server = opts.server;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxPayload ?? 64 * 1024 });
    this.wss.on('connection', (ws: WebSocket) => this.accept(ws));
    this.server.on('upgrade', this.onUpgrade);
    // Drops peers that stopped answering pings (a vanished browser tab keeps no room seat).
    this.heartbeat = setInterval(() => {
      for (const ws of this.wss.clients) {
        const s = (ws as WebSocket & { session?: Session }).session;
        if (s && !s.alive) ws.terminate();
        else if (s) {
          s.alive = false;
          ws.ping();
        }
      }
    }, opts.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (req.url ?? '').split('?')[0];
    if (path === WIRE_PATH && !this.closed) {
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    } else if (this.server.listenerCount('upgrade') === 1) {
      // Nobody else (e.g. vite's HMR socket) will take it.
      socket.destroy();
    }
  };

  private accept(ws: WebSocket): void {
    const session = new Session(ws, this.engine.now);
    (ws as WebSocket & { session?: Session }).session = session;
    this.engine.sessions.add(session);
    ws.on('pong', () => (session.alive = true));
    ws.on('message', (data: RawData, isBinary: boolean) => this.onFrame(session, data, isBinary));
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      this.engine.leave(session);
      this.engine.sessions.remove(session);
    });
    session.deliver({ t: 'hello', v: WIRE_VERSION, sdkAppId: this.engine.config.sdkAppId, time: Math.floor(this.engine.now() / 1000) });
  }

  private onFrame(s: Session, data: RawData, isBinary: boolean): void {
    let frame: unknown;
    try {
      frame = isBinary
        ? undefined
        : JSON.parse(
            Buffer.isBuffer(data)
              ? data.toString('utf8')
              : Array.isArray(data)
                ? Buffer.concat(data).toString('utf8')
                : Buffer.from(data).toString('utf8'),
          );
    } catch {
      frame = undefined;
    }
    if (typeof frame !== 'object' || frame === null || Array.isArray(frame))
      return s.deliver({ t: 'error', code: ERR.invalidParam, message: 'frame is not a JSON object' });
    const f = frame as Record<string, unknown>;
    const rid = f.rid;
    if (typeof rid !== 'number' || !Number.isSafeInteger(rid) || rid < 0)
      return s.deliver({ t: 'error', code: ERR.invalidParam, message: 'missing rid' });
    const ok = (data: unknown): void => s.deliver({ t: 'result', rid, ok: true, data });
    const fail = (code: number, message?: string): void =>
      s.deliver({ t: 'result', rid, ok: false, code, message: message ?? ERR_INFO[code] ?? 'error' });
    void this.dispatch(s, f)
      .then(ok)
      .catch((err: unknown) => (err instanceof ChatError ? fail(err.code, err.message) : fail(ERR.internal)));
  }

  private async dispatch(s: Session, f: Record<string, unknown>): Promise<unknown> {
    const { engine } = this;
    switch (f.t) {
      case 'login':
        return this.login(s, f);
      case 'join': {
        const roomId = str(f.roomId, 64);
        if (!roomId) throw new ChatError(ERR.invalidParam, 'roomId');
        return engine.join(s, roomId);
      }
      case 'leave':
        engine.leave(s);
        return {};
      case 'send':
        return this.send(s, f.wire);
      case 'audience': {
        const roomId = f.roomId === undefined ? engine.roomOf(s)?.id : str(f.roomId, 64);
        if (!roomId) throw new ChatError(ERR.invalidParam, 'not in a room');
        return { count: engine.audience(roomId) };
      }
      case 'ping':
        return { time: Math.floor(engine.now() / 1000) };
      default:
        throw new ChatError(ERR.invalidParam, 'unknown frame type');
    }
  }

  private login(s: Session, f: Record<string, unknown>): { userId: string } {
    const { engine } = this;
    const { config } = engine;
    const userId = typeof f.userId === 'string' && USER_ID.test(f.userId) ? f.userId : undefined;
    if (!userId) throw new ChatError(ERR.invalidParam, 'userId must be 1..32 printable ASCII characters');
    if (s.userId && s.userId !== userId) throw new ChatError(ERR.invalidParam, `already logged in as ${s.userId}`);
    const check = verifyUserSig(f.userSig, config.sdkAppId, config.secretKey, userId, engine.now());
    if (!check.ok) throw new ChatError(check.code, `UserSig ${check.reason}`);
    if (engine.sessions.isInvalidated(userId, check.time)) throw new ChatError(ERR.sigExpired, 'UserSig invalidated by a kick');
    if (config.multiLogin === 'kick-old') engine.sessions.kick(userId, 'multipleAccount', s);
    s.userId = userId;
    s.nick = str(f.nick, 64)?.trim() || userId;
    s.avatar = str(f.avatar, 500) ?? '';
    s.level = typeof f.level === 'number' && Number.isInteger(f.level) && f.level >= 0 && f.level <= 99 ? f.level : 0;
    s.sigExpiresAt = (check.time + check.expire) * 1000;
    engine.sessions.bind(s, userId);
    return { userId };
  }

  private async send(s: Session, wire: unknown): Promise<{ id: string; time: number }> {
    const { engine } = this;
    if (!s.userId) throw new ChatError(ERR.notLoggedIn);
    const room = engine.roomOf(s);
    if (!room) throw new ChatError(ERR.permission, 'not a member of a live room');
    if (typeof wire !== 'object' || wire === null) throw new ChatError(ERR.invalidParam, 'wire');
    const w = wire as Record<string, unknown>;
    const priority = PRIORITY[w.priority as Priority] ?? 'Normal';
    const cloudCustomData = typeof w.cloudCustomData === 'string' ? w.cloudCustomData : '';
    let content: Content;
    if (w.type === 'TIMTextElem' && typeof w.text === 'string') content = { type: 'TIMTextElem', text: w.text };
    else if (w.type === 'TIMCustomElem' && typeof w.data === 'string') {
      content = {
        type: 'TIMCustomElem',
        data: w.data,
        description: typeof w.description === 'string' ? w.description : '',
        extension: typeof w.extension === 'string' ? w.extension : '',
      };
    } else throw new ChatError(ERR.invalidParam, 'wire type');
    const r = await engine.sender.send({
      roomId: room.id,
      author: { userId: s.userId, nick: s.nick, avatar: s.avatar },
      operator: s.userId,
      content,
      priority,
      cloudCustomData,
      asUser: true,
      excludeKey: s.key,
    });
    if (!r.ok) throw new ChatError(r.code, r.message);
    return { id: r.id, time: r.time };
  }

  /** Closes every connection and stops listening for upgrades; idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.server.off('upgrade', this.onUpgrade);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}
