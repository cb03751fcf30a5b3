/**
 * The element from a CDN (issue 22): the built files on one 127.0.0.1 origin (CORS, immutable
 * cache, as a CDN serves them), the page on a second, the room server (the demo's emulator and HLS
 * origin) on a third. Headless Chromium.
 *
 * - Both workers run (the barrage painter and hls.js's transmuxer) through blob: bootstraps, and
 *   the room's root-relative stream URL is fetched from the room server, not the page.
 * - Under `worker-src 'self'` both parts fall back to the main thread, the room goes on, and each
 *   says so once in an `lcr-warning` naming the directive and `blob:`.
 * - A CDN that serves the worker files as text/plain without CORS: the same fall-back, as
 *   `worker-failed`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type DemoApp } from '../../demo/server/demo-app.ts';
import { DemoAdmin } from './demo-admin.ts';
import { builtFile, closeServer, launchChromium, listenLocal } from './harness.ts';
import { collectPageErrors, waitForPlayback } from './room-page.ts';

let out = '';
let demo: DemoApp | undefined;
let admin: DemoAdmin;
let browser: Browser | undefined;
const servers: Server[] = [];
let cdn = '';
let badCdn = '';
let pages = '';

/** A static server for the build; `broken` serves the worker files as text/plain without CORS. */
function cdnServer(broken: boolean): Server {
  return createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const found = builtFile(out, path);
    if (!found) return void res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
    // The worker files themselves (assets/barrage-worker-*.js, assets/hls.worker-*.js), not the
    // chunk that starts them (chunks/workers-*.js).
    const worker = /^\/assets\/[^/]*worker[^/]*\.js$/.test(path);
    res
      .writeHead(200, {
        'content-type': broken && worker ? 'text/plain' : found.type,
        'cache-control': 'public, max-age=31536000, immutable',
        ...(broken && worker ? {} : { 'access-control-allow-origin': '*' }),
      })
      .end(found.body);
  });
}

/** The host's page: `?cdn=bad` loads from the broken CDN; `?csp=` is sent as the page's policy. */
function pageServer(): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/favicon.ico') return void res.writeHead(204).end();
    if (url.pathname !== '/room.html') return void res.writeHead(404).end();
    const from = url.searchParams.get('cdn') === 'bad' ? badCdn : cdn;
    const csp = url.searchParams.get('csp');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp ? { 'content-security-policy': csp } : {}) })
      .end(
        `<!doctype html><meta charset="utf-8"><title>a shop</title>` +
          `<live-chat-room room-id="demo-room" emulator-url="${demo!.url}" lang="en"></live-chat-room>` +
          `<script type="module" src="${from}/define.js"></script>`,
      );
  });
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lcr-cdn-'));
  await build({ logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  demo = await startDemo({
    port: 0,
    host: '127.0.0.1',
    crowd: false,
    quiet: true,
    hmr: false,
    viteCacheDir: fileURLToPath(new URL('../../node_modules/.vite/e2e-cross-origin', import.meta.url)),
    env: {},
  });
  admin = new DemoAdmin(demo.url, 'demo-room');
  const [a, b, c] = [cdnServer(false), cdnServer(true), pageServer()];
  servers.push(a, b, c);
  [cdn, badCdn, pages] = await Promise.all([listenLocal(a), listenLocal(b), listenLocal(c)]);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await closeServer(s);
  await demo?.close();
  rmSync(out, { recursive: true, force: true });
});

interface Warning {
  code: string;
  part?: string;
  directive?: string;
  source?: string;
  message: string;
}

interface Opened {
  page: Page;
  errors: string[];
  hlsFrom: Set<string>;
}

async function open(query: string): Promise<Opened> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const hlsFrom = new Set<string>();
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/hls/')) hlsFrom.add(u.origin);
  });
  await page.addInitScript(() => {
    const warnings: unknown[] = [];
    (window as unknown as { __warnings: unknown[] }).__warnings = warnings;
    document.addEventListener('lcr-warning', (e) => warnings.push((e as CustomEvent).detail));
  });
  await page.goto(`${pages}/room.html${query}`);
  return { page, errors, hlsFrom };
}

const warnings = (page: Page): Promise<Warning[]> => page.evaluate(() => (window as unknown as { __warnings: Warning[] }).__warnings);

/**
 * The barrage's counters through `live-chat-room/testing`, loaded from the same files as the
 * element. (A string, so the test runner's transform leaves the page's `import()` alone.)
 */
function barrageStats(page: Page, from: string): Promise<{ mode: string; placed: number } | null> {
  return page.evaluate(`(async () => {
    const { inspectRoom } = await import(${JSON.stringify(`${from}/testing.js`)});
    const stats = inspectRoom(document.querySelector('live-chat-room')).barrage?.stats();
    return stats ? { mode: stats.mode, placed: stats.placed } : null;
  })()`);
}

/** A chat line from the room until the barrage has placed one (a line sent before it existed is not replayed). */
async function barrageDraws(page: Page, from: string): Promise<{ mode: string; placed: number }> {
  let n = 0;
  await expect
    .poll(
      async () => {
        await admin.sendText(`viewer-${n}`, `hello from the crowd ${n++}`);
        return (await barrageStats(page, from))?.placed ?? 0;
      },
      { timeout: 30_000, interval: 500 },
    )
    .toBeGreaterThan(0);
  return (await barrageStats(page, from))!;
}

describe('the element from another origin', () => {
  it('runs both workers, and plays the room-relative stream from the room server', async () => {
    const { page, errors, hlsFrom } = await open('');
    await waitForPlayback(page, 1, 45_000);
    expect([...hlsFrom]).toEqual([demo!.url]);
    const stats = await barrageDraws(page, cdn);
    expect(stats.mode).toBe('worker');
    // hls.js's transmuxer and the barrage painter, both started from blob: bootstraps.
    expect(page.workers().filter((w) => w.url().startsWith('blob:')).length).toBeGreaterThanOrEqual(2);
    expect(await warnings(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 90_000);

  it("under worker-src 'self': main thread, one warning per part naming worker-src and blob:", async () => {
    const { page, errors } = await open(`?csp=${encodeURIComponent("worker-src 'self'")}`);
    await waitForPlayback(page, 1, 45_000);
    const stats = await barrageDraws(page, cdn);
    expect(stats.mode).toBe('main');
    await expect.poll(async () => (await warnings(page)).map((w) => w.part).sort(), { timeout: 10_000 }).toEqual(['barrage', 'player']);
    for (const w of await warnings(page)) {
      expect(w).toMatchObject({ code: 'worker-blocked', directive: 'worker-src', source: 'blob:' });
      expect(w.message).toMatch(/add blob: to worker-src/);
    }
    expect(page.workers()).toEqual([]);
    // The refusals are the browser's console reports of the policy, nothing of ours.
    expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('a CDN serving the worker files as text/plain without CORS: main thread and worker-failed', async () => {
    const { page, errors } = await open('?cdn=bad');
    await waitForPlayback(page, 1, 45_000);
    const stats = await barrageDraws(page, badCdn);
    expect(stats.mode).toBe('main');
    await expect.poll(async () => (await warnings(page)).map((w) => w.part).sort(), { timeout: 10_000 }).toEqual(['barrage', 'player']);
    for (const w of await warnings(page)) expect(w.code).toBe('worker-failed');
    expect(errors.filter((e) => !/MIME type|CORS|worker/i.test(e))).toEqual([]);
    await page.context().close();
  }, 90_000);
});
