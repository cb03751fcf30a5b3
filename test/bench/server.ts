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
  close(): Promise<void>;
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
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': cache });
    res.end(readFileSync(file));
  });
  const url = await listenLocal(server);
  return { url, liveUrl: `${url}/hls/bench/live.m3u8`, close: () => closeServer(server) };
}
