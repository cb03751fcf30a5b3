/**
 * The room emulator: one `node:http` server and one WebSocket endpoint on one port, wiring the
 * room engine, the Tencent-shaped REST API (`/v4/…`), the demo business API (`/api/…`), the
 * optional HLS origin (`/hls/…`) and, last, an optional fallback (vite's middleware in
 * `npm start`). Owns the server, the tick timer and the crowds; `close()` releases them all and
 * is idempotent. Works without vite (tests never mount it).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { WIRE_PATH } from '../../src/transport/emulator/wire.ts';
import { appState, handleAppApi } from './app-api.ts';
import { answerBeforeSend } from './trust-callback.ts';
import { Billing } from './billing.ts';
import { readConfig, type EmulatorConfig } from './config.ts';
import { CrowdControl } from './crowd-bridge.ts';
import { RoomEngine } from './engine.ts';
import type { CrowdFactory, HlsOrigin } from './hooks.ts';
import { sendJson } from './http-util.ts';
import { handleRest } from './rest-api.ts';
import type { Room } from './room.ts';
import { genUserSig } from './usersig.ts';
import { WsGateway } from './ws-gateway.ts';

export type Fallback = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

export interface EmulatorOptions {
  /** Settings over the built-in defaults (tests); `main.ts` passes `readConfig(process.env)`. */
  readonly config?: Partial<EmulatorConfig>;
  readonly host?: string;
  /** 0 = an ephemeral port (tests). */
  readonly port?: number;
  /** The clock (ms) for message times, mutes, bans, history and frequency control. */
  readonly now?: () => number;
  /** Uniform [0, 1): frequency-control tie breaks, generated group ids, crowd randomness. */
  readonly random?: () => number;
  /** Run frequency control on a timer (default). Tests with a fake clock call `tick()` instead. */
  readonly autoTick?: boolean;
  readonly tickMs?: number;
  /** Gift catalog file (default `demo/public/gifts/catalog.json`). */
  readonly catalogPath?: string;
  readonly crowdFactory?: CrowdFactory;
  readonly hls?: HlsOrigin;
  /** Used for the moderation callbacks. */
  readonly fetch?: typeof fetch;
  readonly heartbeatMs?: number;
}

export interface Emulator {
  /** `http://host:port` */
  readonly url: string;
  /** `ws://host:port/ws` */
  readonly wsUrl: string;
  readonly host: string;
  readonly port: number;
  readonly server: Server;
  readonly config: EmulatorConfig;
  readonly engine: RoomEngine;
  readonly rooms: ReadonlyMap<string, Room>;
  readonly billing: Billing;
  readonly crowds: CrowdControl;
  /** The demo business server's viewer sessions and gift ledger. */
  readonly app: ReturnType<typeof appState>;
  /** Runs frequency control and expiry once; answers messages delivered. */
  tick(): number;
  userSig(userId: string, expireSeconds?: number): string;
  adminSig(expireSeconds?: number): string;
  /** The admin query string for `/v4/…` and `/api/crowd` calls. */
  adminQuery(): string;
  /** Where requests no handler took go (vite's middleware); 404 without one. */
  setFallback(fallback: Fallback | undefined): void;
  close(): Promise<void>;
}

export const DEFAULT_CATALOG = fileURLToPath(new URL('../public/gifts/catalog.json', import.meta.url));

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const config: EmulatorConfig = Object.freeze({ ...readConfig({}), ...options.config });
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const tickMs = options.tickMs ?? 100;
  const engine = new RoomEngine({ config, now, random, tickMs, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const billing = new Billing({ catalogPath: options.catalogPath ?? DEFAULT_CATALOG, walletStart: config.walletStart });
  const crowds = new CrowdControl(engine, billing, options.crowdFactory);
  const app = appState();
  // The demo business server answers the before-send callback in-process (a configured
  // LCR_BEFORE_SEND_URL wins): the server-side half of the trust model.
  if (config.trustCallback)
    engine.moderation.useBeforeSendHandler((platform, body) => answerBeforeSend(platform, body, (id) => app.sessions.levelOf(id)));
  let fallback: Fallback | undefined;

  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://emulator.invalid');
    } catch {
      return sendJson(res, 400, { ok: false, error: 'bad-url' }, true);
    }
    try {
      if (handleRest(req, res, url, engine)) return;
      if (handleAppApi(req, res, url, { engine, billing, crowds, ...app })) return;
      if (options.hls?.handle(req, res, (id) => engine.room(id)?.hlsView())) return;
      const notFound = (): void => sendJson(res, 404, { ok: false, error: 'not-found' });
      if (fallback && url.pathname !== WIRE_PATH) return fallback(req, res, notFound);
      notFound();
    } catch {
      sendJson(res, 500, { ok: false, error: 'internal' }, true);
    }
  });
  // Malformed HTTP from a client must not take the process down.
  server.on('clientError', (_err, socket) => socket.destroy());
  const gateway = new WsGateway({ engine, server, ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}) });

  const host = options.host ?? config.host;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? config.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;

  const timer = options.autoTick === false ? undefined : setInterval(() => engine.tick(), tickMs);
  let closing: Promise<void> | undefined;
  const adminSig = (expire = 7 * 86_400): string => genUserSig(config.sdkAppId, config.secretKey, config.admin, expire, now());

  return {
    url: `http://${urlHost}:${port}`,
    wsUrl: `ws://${urlHost}:${port}${WIRE_PATH}`,
    host,
    port,
    server,
    config,
    engine,
    rooms: engine.rooms,
    billing,
    crowds,
    app,
    tick: () => engine.tick(),
    userSig: (userId, expire = 7 * 86_400) => genUserSig(config.sdkAppId, config.secretKey, userId, expire, now()),
    adminSig,
    adminQuery() {
      const sig = adminSig();
      return `sdkappid=${config.sdkAppId}&identifier=${encodeURIComponent(config.admin)}&usersig=${sig}&random=${Math.floor(random() * 0xffffffff)}&contenttype=json`;
    },
    setFallback: (f) => {
      fallback = f;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        if (timer) clearInterval(timer);
        crowds.stopAll();
        gateway.close();
        for (const id of [...engine.rooms.keys()]) engine.rooms.get(id)?.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
