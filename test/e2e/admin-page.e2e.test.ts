/**
 * The admin page (demo/admin.html + admin.ts, served by vite in middleware mode) in headless
 * Chromium against a recording stand-in for the emulator on 127.0.0.1:0: every button sends the
 * Tencent-shaped REST call with the right body and admin query, an expired UserSig is refreshed
 * once, the crowd endpoint gets its JSON, and answers are logged as text (never as HTML).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer as createVite, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/find-chromium.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SDK_APP_ID = 1400000001;

interface Recorded {
  path: string;
  query: Record<string, string>;
  body: Record<string, unknown>;
}

let recorded: Recorded[] = [];
let sigsIssued = 0;
/** Commands that answer "UserSig expired" once, to exercise the refresh. */
const expireOnce = new Set<string>();
/** A hostile ErrorInfo the page must show as text. */
let errorInfo = '';

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function json(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The stand-in emulator: answers what the admin page asks and records it. */
async function fakeEmulator(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://x');
  if (req.method === 'GET' && url.pathname === '/api/config') {
    json(res, { sdkAppId: SDK_APP_ID, admin: 'administrator' });
    return true;
  }
  if (req.method === 'POST' && url.pathname === '/api/usersig') {
    const body = await readBody(req);
    sigsIssued++;
    json(res, { userID: body.userID, userSig: `sig-${sigsIssued}` });
    return true;
  }
  if (req.method === 'POST' && (url.pathname.startsWith('/v4/') || url.pathname === '/api/crowd')) {
    const body = await readBody(req);
    const query = Object.fromEntries(url.searchParams);
    const command = url.pathname.split('/').pop() ?? '';
    if (expireOnce.delete(command)) {
      json(res, { ActionStatus: 'FAIL', ErrorCode: 70001, ErrorInfo: 'usersig expired' });
      return true;
    }
    recorded.push({ path: url.pathname, query, body });
    json(res, url.pathname === '/api/crowd' ? { ok: true, running: true } : { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: errorInfo });
    return true;
  }
  return false;
}

let vite: ViteDevServer | undefined;
let server: Server | undefined;
let browser: Browser | undefined;
let page: Page;
let base = '';

beforeAll(async () => {
  vite = await createVite({
    configFile: false,
    root: `${repoRoot}demo`,
    appType: 'mpa',
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null, fs: { allow: [repoRoot] } },
    optimizeDeps: { noDiscovery: true, include: [] },
  });
  const v = vite;
  server = createServer((req, res) => {
    fakeEmulator(req, res).then(
      (handled) => {
        if (!handled) v.middlewares(req, res);
      },
      () => {
        res.writeHead(500);
        res.end();
      },
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/admin.html`);
  await page.waitForFunction(() => document.getElementById('sdkappid')?.textContent === '1400000001', undefined, { timeout: 30_000 });
  // Vite's dev client always tries its HMR socket, which this test server does not offer.
  expect(errors.filter((e) => !/WebSocket/.test(e))).toEqual([]);
  await page.fill('#room-id', 'e2e-room');
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await vite?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
  }
});

beforeEach(() => {
  recorded = [];
  errorInfo = '';
});

/** Clicks, then waits until `n` requests have been recorded. */
async function clickAndWait(selector: string, n = 1): Promise<Recorded[]> {
  await page.click(selector);
  await expect.poll(() => recorded.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(n);
  // Let the page finish logging before the next step.
  await page.waitForFunction(() => ![...document.querySelectorAll('button')].some((b) => b.disabled));
  return recorded;
}

describe('admin page', () => {
  it('signs every REST call with the admin query', async () => {
    const [call] = await clickAndWait('#mute-all-form button[data-on="true"]');
    expect(call?.path).toBe('/v4/group_open_http_svc/modify_group_base_info');
    expect(call?.query).toMatchObject({ sdkappid: String(SDK_APP_ID), identifier: 'administrator', contenttype: 'json' });
    expect(call?.query.usersig).toMatch(/^sig-\d+$/);
    expect(Number(call?.query.random)).toBeGreaterThanOrEqual(0);
    expect(Number(call?.query.random)).toBeLessThan(2 ** 32);
    expect(call?.body).toEqual({ GroupId: 'e2e-room', MuteAllMember: 'On' });
    recorded = [];
    const [off] = await clickAndWait('#mute-all-form button[data-on="false"]');
    expect(off?.body).toEqual({ GroupId: 'e2e-room', MuteAllMember: 'Off' });
  });

  it('mutes and unmutes members for N seconds', async () => {
    await page.fill('#mute-form input[name=users]', 'alice, bob alice');
    await page.fill('#mute-form input[name=seconds]', '45');
    const [mute] = await clickAndWait('#mute-form button[type=submit]');
    expect(mute?.path).toBe('/v4/group_open_http_svc/forbid_send_msg');
    expect(mute?.body).toEqual({ GroupId: 'e2e-room', Members_Account: ['alice', 'bob'], MuteTime: 45 });
    recorded = [];
    const [unmute] = await clickAndWait('#mute-form button[data-unmute]');
    expect(unmute?.body).toEqual({ GroupId: 'e2e-room', Members_Account: ['alice', 'bob'], MuteTime: 0 });
  });

  it('kicks, refreshing an expired UserSig once', async () => {
    const before = sigsIssued;
    expireOnce.add('kick');
    await page.fill('#kick-form input[name=user]', 'mallory');
    const [kick] = await clickAndWait('#kick-form button[type=submit]');
    expect(kick?.path).toBe('/v4/im_open_login_svc/kick');
    expect(kick?.body).toEqual({ UserID: 'mallory' });
    expect(sigsIssued).toBe(before + 1);
    expect(kick?.query.usersig).toBe(`sig-${sigsIssued}`);
  });

  it('bans with duration and reason, and unbans', async () => {
    await page.fill('#ban-form input[name=users]', 'troll');
    await page.fill('#ban-form input[name=seconds]', '600');
    await page.fill('#ban-form input[name=reason]', 'spam');
    const [ban] = await clickAndWait('#ban-form button[type=submit]');
    expect(ban?.path).toBe('/v4/group_open_http_svc/ban_group_member');
    expect(ban?.body).toEqual({ GroupId: 'e2e-room', Members_Account: ['troll'], Duration: 600, Description: 'spam' });
    recorded = [];
    const [unban] = await clickAndWait('#ban-form button[data-unban]');
    expect(unban?.path).toBe('/v4/group_open_http_svc/unban_group_member');
    expect(unban?.body).toEqual({ GroupId: 'e2e-room', Members_Account: ['troll'] });
  });

  it('sets the room state in attributes, then announces it with a High custom message', async () => {
    await page.selectOption('#state-form select[name=state]', 'upcoming');
    await page.fill('#state-form input[name=startTime]', '2030-05-01T20:00');
    const [attrs, msg] = await clickAndWait('#state-form button[type=submit]', 2);
    expect(attrs?.path).toBe('/v4/group_open_http_svc/modify_group_attr');
    const pairs = attrs?.body.GroupAttr as Array<{ key: string; value: string }>;
    const map = Object.fromEntries(pairs.map((p) => [p.key, p.value]));
    expect(map.state).toBe('upcoming');
    expect(Number(map.startTime)).toBe(await page.evaluate(() => new Date('2030-05-01T20:00').getTime()));
    expect(map.streamUrl).toBe(`${base}/hls/e2e-room/live.m3u8`);
    expect(msg?.path).toBe('/v4/group_open_http_svc/send_group_msg');
    expect(msg?.body.MsgPriority).toBe('High');
    const elem = (msg?.body.MsgBody as Array<{ MsgType: string; MsgContent: { Data: string } }>)[0];
    expect(elem?.MsgType).toBe('TIMCustomElem');
    expect(JSON.parse(elem?.MsgContent.Data ?? '')).toMatchObject({
      businessID: 'flutter_live_kit',
      data: { cmd: 'room_state_changed', cmdInfo: { state: 'upcoming', startTime: Number(map.startTime) } },
    });

    recorded = [];
    await page.selectOption('#state-form select[name=state]', 'replay');
    const [replayAttrs] = await clickAndWait('#state-form button[type=submit]', 2);
    expect(replayAttrs?.body.GroupAttr).toEqual([
      { key: 'state', value: 'replay' },
      { key: 'replayUrl', value: `${base}/hls/e2e-room/replay.m3u8` },
    ]);
  });

  it('sets the announcement and sends texts as anchor or system', async () => {
    await page.fill('#announce-form textarea', 'Giveaway at 9 pm 🎁');
    const [ann] = await clickAndWait('#announce-form button[type=submit]');
    expect(ann?.body).toEqual({ GroupId: 'e2e-room', Notification: 'Giveaway at 9 pm 🎁' });

    recorded = [];
    await page.fill('#send-form input[name=from]', 'anchor');
    await page.fill('#send-form textarea[name=text]', 'hello everyone');
    const [text] = await clickAndWait('#send-form button[type=submit]');
    expect(text?.body).toMatchObject({
      GroupId: 'e2e-room',
      From_Account: 'anchor',
      MsgPriority: 'Normal',
      MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: 'hello everyone' } }],
    });
    expect(typeof text?.body.Random).toBe('number');

    recorded = [];
    await page.selectOption('#send-form select[name=kind]', 'system');
    const [sys] = await clickAndWait('#send-form button[type=submit]');
    const data = (sys?.body.MsgBody as Array<{ MsgContent: { Data: string } }>)[0]?.MsgContent.Data ?? '';
    expect(sys?.body).not.toHaveProperty('From_Account');
    expect(JSON.parse(data)).toMatchObject({ data: { cmd: 'system_notice', cmdInfo: { text: 'hello everyone' } } });
  });

  it('starts, stops and floods the crowd', async () => {
    const [start] = await clickAndWait('#crowd-form button[data-crowd="start"]');
    expect(start?.path).toBe('/api/crowd');
    expect(start?.body).toEqual({ roomId: 'e2e-room', action: 'start' });
    expect(start?.query.identifier).toBe('administrator');
    recorded = [];
    await page.fill('#flood-form input[name=rate]', '250');
    await page.fill('#flood-form input[name=seconds]', '8');
    const [flood] = await clickAndWait('#flood-form button[type=submit]');
    expect(flood?.body).toEqual({ roomId: 'e2e-room', action: 'flood', rate: 250, seconds: 8 });
    recorded = [];
    const [stop] = await clickAndWait('#crowd-form button[data-crowd="stop"]');
    expect(stop?.body).toEqual({ roomId: 'e2e-room', action: 'stop' });
  });

  it('logs answers as text, never as HTML', async () => {
    errorInfo = '<img src=x onerror="window.__pwned=1">';
    await clickAndWait('#room-form button[data-action="info"]', 2);
    const first = page.locator('#log li').first();
    await expect.poll(() => first.textContent()).toContain('<img src=x');
    expect(await page.locator('#log img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('#log li.ok').count()).toBeGreaterThan(5);
  });
});
