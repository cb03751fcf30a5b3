/**
 * The demo business server's own endpoints under `/api/`:
 *   POST /api/login    {userID, nick?} → a demo viewer session (HttpOnly, SameSite=Lax cookie)
 *   POST /api/logout   ends it
 *   POST /api/usersig  {"userID"} → {"userID","userSig"}  (the Shopify guide's contract), only for
 *                      the session's user (or the admin, by `issueAdminSig`)
 *   GET  /api/gifts    the gift catalog
 *   POST /api/gifts    {roomId, giftId, count, clientId} → charge the session user's demo wallet
 *                      once per clientId, send the gift (High, from the admin account)
 *   POST /api/callback Tencent's before-send callback, answered by `trust-callback.ts`
 *   GET  /api/wallet?userID=…
 *   POST /api/crowd?<admin query as for /v4>  {roomId, action: start|stop|flood, rate?, seconds?}
 *   GET  /api/info     the SDKAppID, the admin account name and room ids (`/api/config` is the same)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '../../src/protocol/limits.ts';
import { encodeMeta } from '../../src/protocol/sender.ts';
import { encodeGift, giftInfoOf } from '../../src/protocol/envelope.ts';
import { CMD } from '../../src/protocol/commands.ts';
import type { Billing } from './billing.ts';
import type { CrowdControl } from './crowd-bridge.ts';
import type { RoomEngine } from './engine.ts';
import { ChatError } from './errors.ts';
import { allowCors, isRecord, readJson, sendJson } from './http-util.ts';
import { verifyAdmin } from './rest-api.ts';
import { genUserSig } from './usersig.ts';
import { answerBeforeSend } from './trust-callback.ts';
import { GiftLedger } from './gift-ledger.ts';
import { sessionCookie, type ViewerSession, ViewerSessions } from './viewer-sessions.ts';

export interface AppApiDeps {
  readonly engine: RoomEngine;
  readonly billing: Billing;
  readonly crowds: CrowdControl;
  readonly sessions: ViewerSessions;
  readonly ledger: GiftLedger;
  /** Lifetime of issued UserSigs (seconds). */
  readonly sigExpireSeconds?: number;
}

/** The demo business server's state, made once per emulator. */
export function appState(): Pick<AppApiDeps, 'sessions' | 'ledger'> {
  return { sessions: new ViewerSessions(), ledger: new GiftLedger() };
}

const USER_ID = /^[A-Za-z0-9_\-@.]{1,32}$/;
const MAX_BODY = 16 * 1024;

type Reply = readonly [status: number, body: unknown, headers?: Record<string, string>];

/** Answers `/api/…` requests; returns false for any other path. */
export function handleAppApi(req: IncomingMessage, res: ServerResponse, url: URL, deps: AppApiDeps): boolean {
  if (!url.pathname.startsWith('/api/')) return false;
  allowCors(res);
  if (req.method === 'OPTIONS') {
    res.writeHead(204).end();
    return true;
  }
  void route(req, url, deps)
    .then(([status, body, headers]) => {
      for (const [name, value] of Object.entries(headers ?? {})) res.setHeader(name, value);
      sendJson(res, status, body, status >= 400);
    })
    .catch(() => sendJson(res, 500, { ok: false, error: 'internal' }, true));
  return true;
}

async function route(req: IncomingMessage, url: URL, deps: AppApiDeps): Promise<Reply> {
  const key = `${req.method} ${url.pathname}`;
  if (req.method === 'POST' && key !== 'POST /api/callback' && !originAllowed(req, deps)) return [403, { ok: false, error: 'bad-origin' }];
  switch (key) {
    case 'POST /api/login':
      return withBody(req, (b) => login(b, deps));
    case 'POST /api/logout':
      deps.sessions.end(req);
      return [200, { ok: true }, { 'set-cookie': sessionCookie('') + '; Max-Age=0' }];
    case 'POST /api/usersig':
      return withBody(req, (b) => userSig(b, deps, deps.sessions.of(req), isLoopback(req.socket.remoteAddress)));
    case 'GET /api/gifts':
      return [200, deps.billing.catalog()];
    case 'POST /api/gifts':
      return withBody(req, (b) => gift(b, deps, deps.sessions.of(req)));
    case 'POST /api/callback':
      return withBody(req, (b) => [200, answerBeforeSend(url.searchParams.get('OptPlatform') ?? '', b, (id) => deps.sessions.levelOf(id))]);
    case 'GET /api/wallet': {
      const userId = url.searchParams.get('userID') ?? '';
      if (!USER_ID.test(userId)) return [400, { ok: false, error: 'bad-user' }];
      return [200, { ok: true, userID: userId, balance: deps.billing.balance(userId) }];
    }
    case 'POST /api/crowd':
      return crowd(req, url, deps);
    case 'GET /api/info':
    case 'GET /api/config':
      return [200, { sdkAppId: deps.engine.config.sdkAppId, admin: deps.engine.config.admin, rooms: [...deps.engine.rooms.keys()] }];
    default:
      return [404, { ok: false, error: 'not-found' }];
  }
}

async function withBody(req: IncomingMessage, fn: (body: Record<string, unknown>) => Reply | Promise<Reply>): Promise<Reply> {
  const body = await readJson(req, MAX_BODY);
  if (!body.ok) return [body.reason === 'too-large' ? 413 : 400, { ok: false, error: body.reason }];
  if (!isRecord(body.value)) return [400, { ok: false, error: 'bad-json' }];
  return fn(body.value);
}

const isLoopback = (addr: string | undefined): boolean => addr === '::1' || /^(::ffff:)?127\./.test(addr ?? '');

/**
 * A state-changing request from a browser must come from one of our pages: its `Origin` is the
 * server's own (the `Host` it asked) or a configured one. Requests without `Origin` are not from
 * a browser page (curl, a server) and pass; cookies alone never authorise a cross-site request.
 */
function originAllowed(req: IncomingMessage, { engine }: AppApiDeps): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (host && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  return engine.config.allowedOrigins.includes(origin);
}

/** Ids no viewer may be: the admin, Tencent's system sender, the configured reserved ids. */
function reserved(userId: string, { engine }: AppApiDeps): boolean {
  return (
    userId === engine.config.admin || userId === '@TIM#SYSTEM' || userId === 'administrator' || engine.config.reservedIds.includes(userId)
  );
}

function login(b: Record<string, unknown>, deps: AppApiDeps): Reply {
  const userId = b.userID;
  if (typeof userId !== 'string' || !USER_ID.test(userId)) return [400, { ok: false, error: 'bad-user' }];
  if (reserved(userId, deps)) return [403, { ok: false, error: 'reserved-user' }];
  const nick = typeof b.nick === 'string' && b.nick.trim() ? b.nick.trim().slice(0, 64) : userId;
  const { token, session } = deps.sessions.create(userId, nick);
  return [200, { ok: true, userID: session.userId, nick: session.nick, level: session.level }, { 'set-cookie': sessionCookie(token) }];
}

function userSig(b: Record<string, unknown>, deps: AppApiDeps, session: ViewerSession | undefined, loopback: boolean): Reply {
  const { engine, sigExpireSeconds } = deps;
  const { config } = engine;
  const userId = b.userID;
  if (typeof userId !== 'string' || !USER_ID.test(userId))
    return [400, { ok: false, error: 'bad-user', detail: 'userID: 1..32 of A-Z a-z 0-9 _ - @ .' }];
  // An admin UserSig opens the whole REST API; the dev server only hands one out when told to.
  const adminOk = config.issueAdminSig === 'always' || (config.issueAdminSig === 'loopback' && loopback);
  if (userId === config.admin && !adminOk) return [403, { ok: false, error: 'admin-sig-not-issued' }];
  if (userId !== config.admin) {
    if (reserved(userId, deps)) return [403, { ok: false, error: 'reserved-user' }];
    // Sign only for the caller's own session: a UserSig for someone else is their account.
    if (config.userSigPolicy === 'session' && session?.userId !== userId) return [403, { ok: false, error: 'not-your-session' }];
  }
  const userSig = genUserSig(config.sdkAppId, config.secretKey, userId, sigExpireSeconds ?? 7 * 86_400, engine.now());
  return [200, { userID: userId, userSig }];
}

async function gift(b: Record<string, unknown>, deps: AppApiDeps, session: ViewerSession | undefined): Promise<Reply> {
  const { engine, billing, ledger, sessions } = deps;
  const { roomId, giftId, count, clientId } = b;
  // The payer is the session's user; the body's userID only has to agree (or, `open`, names it).
  const userID = engine.config.userSigPolicy === 'open' && typeof b.userID === 'string' ? b.userID : session?.userId;
  if (!userID) return [401, { ok: false, error: 'not-logged-in' }];
  if (b.userID !== undefined && b.userID !== userID) return [403, { ok: false, error: 'not-your-session' }];
  if (typeof userID !== 'string' || !USER_ID.test(userID)) return [400, { ok: false, error: 'bad-user' }];
  // The idempotency key: a retried or duplicated request for the same clientId bills once.
  if (typeof clientId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(clientId)) return [400, { ok: false, error: 'bad-client-id' }];
  if (typeof roomId !== 'string' || !engine.room(roomId)) return [404, { ok: false, error: 'room-not-found' }];
  const entry = typeof giftId === 'string' ? billing.gift(giftId) : undefined;
  if (!entry) return [400, { ok: false, error: 'unknown-gift' }];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < LIMITS.giftCountMin || count > LIMITS.giftCountMax) {
    return [400, { ok: false, error: 'bad-count' }];
  }
  return ledger.once(`${userID}:${clientId}`, `${roomId}:${entry.id}:${count}`, async (): Promise<Reply> => {
    const price = entry.price * count;
    const charged = billing.charge(userID, price);
    if (!charged.ok) return [402, { ok: false, error: 'insufficient-balance', balance: charged.balance }];
    const author = engine.authorOf(userID);
    const data = encodeGift(giftInfoOf(entry, count), {
      id: userID,
      nick: session?.nick ?? author.nick,
      ...(author.avatar ? { avatar: author.avatar } : {}),
    });
    // As a business server would: the REST send path, from the admin account (a trusted sender)
    // naming the viewer who paid, High priority.
    const sent = await engine.sender.send({
      roomId,
      author: { userId: engine.config.admin, nick: 'Gifts', avatar: '' },
      operator: engine.config.admin,
      content: { type: 'TIMCustomElem', data, description: CMD.gift, extension: '' },
      priority: 'High',
      cloudCustomData: encodeMeta({ level: sessions.levelOf(userID), clientId }),
      asUser: false,
    });
    if (!sent.ok) {
      billing.refund(userID, price);
      return [502, { ok: false, error: 'send-failed', code: sent.code, balance: billing.balance(userID) }];
    }
    return [200, { ok: true, balance: charged.balance, messageId: sent.id }];
  });
}

async function crowd(req: IncomingMessage, url: URL, { engine, crowds }: AppApiDeps): Promise<Reply> {
  try {
    verifyAdmin(url, engine);
  } catch (err) {
    const e = err as ChatError;
    return [403, { ok: false, error: 'forbidden', code: e.code, detail: e.message }];
  }
  return withBody(req, (b) => {
    const { roomId, action, rate, seconds } = b;
    if (typeof roomId !== 'string' || !engine.room(roomId)) return [404, { ok: false, error: 'room-not-found' }];
    if (action !== 'start' && action !== 'stop' && action !== 'flood') return [400, { ok: false, error: 'bad-action' }];
    const okNum = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= max;
    if (rate !== undefined && !okNum(rate, 10_000)) return [400, { ok: false, error: 'bad-rate' }];
    if (seconds !== undefined && !okNum(seconds, 600)) return [400, { ok: false, error: 'bad-seconds' }];
    try {
      const c = crowds.act(roomId, action, rate, seconds);
      return [200, { ok: true, roomId, running: c.running }];
    } catch (err) {
      return [409, { ok: false, error: err instanceof ChatError ? err.message : 'crowd-failed' }];
    }
  });
}
