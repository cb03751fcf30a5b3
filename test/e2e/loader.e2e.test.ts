/**
 * The loader entry in a real page (built bundle, served on 127.0.0.1, headless Chromium): it loads
 * nothing else while no `<live-chat-room>` is on the page, and defines the element as soon as one
 * is added later (a theme section, a client-side route).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFile, closeServer, launchChromium, listenLocal } from './harness.ts';

let out: string;
let server: Server | undefined;
let base = '';
let browser: Browser | undefined;

const page = (entry: string): string =>
  `<!doctype html><meta charset="utf-8"><title>${entry}</title><body><script type="module" src="/${entry}.js"></script></body>`;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'lcr-loader-'));
  await build({ logLevel: 'silent', build: { outDir: out, emptyOutDir: true } });
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/' || path === '/define.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page(path === '/' ? 'loader' : 'define'));
      return;
    }
    const found = builtFile(out, path);
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': found.type }).end(found.body);
  });
  base = await listenLocal(server);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
  rmSync(out, { recursive: true, force: true });
});

describe('loader entry', () => {
  it('loads only itself until the element appears, then defines it', async () => {
    const page = await (await browser!.newContext()).newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${base}/`);
    await page.waitForLoadState('networkidle'); // nothing more on the way: what was asked for is all
    // The loader and, at most, the tiny shared runtime it imports; nothing of the element.
    expect(scripts[0]).toBe('/loader.js');
    expect(scripts.filter((s) => s !== '/loader.js' && !/^\/chunks\/(rolldown-runtime|preload-helper)/.test(s))).toEqual([]);
    expect(await page.evaluate(() => !!customElements.get('live-chat-room'))).toBe(false);
    await page.evaluate(() => document.body.append(document.createElement('live-chat-room')));
    await page.waitForFunction(() => !!customElements.get('live-chat-room'), undefined, { timeout: 10_000 });
    expect(scripts).toContain('/define.js');
    expect(await page.evaluate(() => !!document.querySelector('live-chat-room')!.shadowRoot)).toBe(true);
  });

  it("the element's registration asks for hls.js at once, before any element exists", async () => {
    const page = await (await browser!.newContext()).newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${base}/define.html`);
    await page.waitForFunction(() => !!customElements.get('live-chat-room'), undefined, { timeout: 10_000 });
    await expect.poll(() => scripts.some((s) => /\/chunks\/hls\.light-/.test(s)), { timeout: 5_000 }).toBe(true);
    expect(await page.evaluate(() => document.querySelector('live-chat-room'))).toBeNull();
    // The player's own chunk waits for a stream to play.
    expect(scripts.filter((s) => /player-controller/.test(s))).toEqual([]);
  });

  it('without Media Source (native HLS only) the registration asks for no hls.js', async () => {
    const context = await browser!.newContext();
    await context.addInitScript(() => {
      for (const name of ['MediaSource', 'ManagedMediaSource', 'WebKitMediaSource'])
        delete (window as unknown as Record<string, unknown>)[name];
    });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname));
    await page.goto(`${base}/define.html`);
    await page.waitForFunction(() => !!customElements.get('live-chat-room') && !('MediaSource' in window), undefined, { timeout: 10_000 });
    await page.waitForLoadState('networkidle'); // nothing more on the way: what was asked for is all
    expect(scripts).toContain('/define.js');
    expect(scripts.filter((s) => /hls/.test(s))).toEqual([]);
  });
});
