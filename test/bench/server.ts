/**
 * The bench's HTTP server on 127.0.0.1: serves the built pages (test/bench/.build/pages) and the
 * demo's live HLS origin (`demo/server/hls-origin.ts`, the same code `npm start` serves) for the
 * room `bench`, live since 30 s before start. Also builds the pages (vite's JS API).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { createHlsOrigin } from '../../demo/server/hls-origin.ts';
import type { HlsRoomView } from '../../demo/server/hooks.ts';
import { closeServer, listenLocal } from '../e2e/harness.ts';
import config, { BENCH_BUILD_DIR } from './vite.bench.config.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.css': 'text/css',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
};

export async function buildPages(): Promise<void> {
  await build({ ...config, configFile: false });
}

export interface BenchServer {
  readonly url: string;
  readonly liveUrl: string;
  /**
   * A second origin that serves only the pages, each with `<base href="<url>/">`: the page's
   * origin is this one, every script, worker file and asset comes from `url` (as a CDN serves them,
   * with CORS). The cross-origin workloads (X1, X7) load ours from here.
   */
  readonly crossUrl: string;
  close(): Promise<void>;
}

/** The built page `name`.html with a `<base>` to `assetsOrigin`, or null. */
function pageWithBase(path: string, assetsOrigin: string): string | null {
  if (!/^[\w-]+\.html$/.test(path)) return null;
  const file = join(BENCH_BUILD_DIR, path);
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').replace('<head>', `<head><base href="${assetsOrigin}/">`);
}

export async function startServer(): Promise<BenchServer> {
  const origin = createHlsOrigin({ mediaDir: fileURLToPath(new URL('../../demo/media/', import.meta.url)) });
  const rooms = new Map<string, HlsRoomView>([['bench', { state: 'live', liveSince: Date.now() - 30_000 }]]);
  const server: Server = createServer((req, res) => {
    if (origin.handle(req, res, (id) => rooms.get(id))) return;
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^([/\\])+/, '');
    const file = join(BENCH_BUILD_DIR, path || 'index.html');
    if (!file.startsWith(BENCH_BUILD_DIR) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // Like a CDN: hashed build files are immutable, pages are not. Each page load has a fresh
    // browser context, so its cache starts empty (a first visit) either way.
    const cache = path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-store';
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cache,
      // For the pages of the second origin (crossUrl), as a CDN allows any page to load its files.
      'Access-Control-Allow-Origin': '*',
    });
    res.end(readFileSync(file));
  });
  const url = await listenLocal(server);
  const pages: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!.replace(/^\/+/, '');
    const html = pageWithBase(path, url);
    if (html === null) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-store' }).end(html);
  });
  const crossUrl = await listenLocal(pages);
  return {
    url,
    liveUrl: `${url}/hls/bench/live.m3u8`,
    crossUrl,
    close: async () => {
      await closeServer(pages);
      await closeServer(server);
    },
  };
}
