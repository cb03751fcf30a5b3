/**
 * The HLS origin over real HTTP on 127.0.0.1:0: routing, content types, caching, state-tied
 * answers, the segment allow-list (no path traversal), and a real-clock check that the live
 * playlist advances.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HlsRoomView } from '../../../demo/server/hooks.ts';
import { createHlsOrigin } from '../../../demo/server/hls-origin.ts';
import { mediaSequenceOf } from '../../../demo/server/hls-playlist.ts';

const mediaDir = fileURLToPath(new URL('../../../demo/media/', import.meta.url));
const L = Date.UTC(2025, 0, 1, 12, 0, 0);

interface Harness {
  base: string;
  rooms: Map<string, HlsRoomView>;
  setNow(t: number): void;
  close(): Promise<void>;
}

async function serve(opts: { fakeClock: boolean }): Promise<Harness> {
  let t = L;
  const rooms = new Map<string, HlsRoomView>();
  const origin = createHlsOrigin({ mediaDir, ...(opts.fakeClock ? { now: () => t } : {}) });
  const server: Server = createServer((req, res) => {
    if (!origin.handle(req, res, (id) => rooms.get(id))) {
      res.writeHead(418, { 'Content-Type': 'text/plain' });
      res.end('not the origin');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    rooms,
    setNow: (v) => (t = v),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A raw request path, sent as-is (fetch would normalise `..`). */
async function rawGet(base: string, path: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path, method: 'GET', timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

describe('HLS origin (fake clock)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await serve({ fakeClock: true });
  });
  afterAll(() => h.close());

  it('leaves other paths to the server core', async () => {
    for (const path of ['/', '/v4/group_open_http_svc/get_group_info', '/hlsx/r/live.m3u8', '/api/config']) {
      expect((await fetch(h.base + path)).status).toBe(418);
    }
  });

  it('answers 404 for unknown rooms and while upcoming', async () => {
    expect((await fetch(`${h.base}/hls/nope/live.m3u8`)).status).toBe(404);
    h.rooms.set('soon', { state: 'upcoming', startTime: L + 3_600_000 });
    const res = await fetch(`${h.base}/hls/soon/live.m3u8`);
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/not started/);
  });

  it('serves a no-cache live playlist that advances with the clock and closes when ended', async () => {
    h.rooms.set('room1', { state: 'live', liveSince: L });
    h.setNow(L + 4_000);
    const a = await fetch(`${h.base}/hls/room1/live.m3u8`);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(a.headers.get('cache-control')).toBe('no-cache');
    expect(a.headers.get('access-control-allow-origin')).toBe('*');
    const textA = await a.text();
    expect(mediaSequenceOf(textA)).toBe(2);
    expect(textA).toContain('#EXT-X-PROGRAM-DATE-TIME:');

    h.setNow(L + 6_000);
    expect(mediaSequenceOf(await (await fetch(`${h.base}/hls/room1/live.m3u8`)).text())).toBe(3);

    h.rooms.set('room1', { state: 'paused', liveSince: L });
    h.setNow(L + 7_000);
    expect(mediaSequenceOf(await (await fetch(`${h.base}/hls/room1/live.m3u8`)).text())).toBe(3);
    h.setNow(L + 70_000);
    const pausedText = await (await fetch(`${h.base}/hls/room1/live.m3u8`)).text();
    expect(mediaSequenceOf(pausedText)).toBe(3);
    expect(pausedText).not.toContain('ENDLIST');

    h.rooms.set('room1', { state: 'ended', liveSince: L, endedAt: L + 70_000 });
    h.setNow(L + 80_000);
    const endedText = await (await fetch(`${h.base}/hls/room1/live.m3u8`)).text();
    expect(mediaSequenceOf(endedText)).toBe(3);
    expect(endedText.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
  });

  it('accepts Tencent-style generated room ids (percent-encoded #)', async () => {
    h.rooms.set('@TGS#aBC123', { state: 'live', liveSince: L });
    h.setNow(L);
    const res = await fetch(`${h.base}/hls/${encodeURIComponent('@TGS#aBC123')}/live.m3u8`);
    expect(res.status).toBe(200);
    expect(mediaSequenceOf(await res.text())).toBe(0);
  });

  it('serves the VOD playlist whose segment URLs resolve to the committed files', async () => {
    h.rooms.set('vod', { state: 'replay' });
    const res = await fetch(`${h.base}/hls/vod/replay.m3u8`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text).toContain('#EXT-X-ENDLIST');
    const first = text.split('\n').find((l) => l.endsWith('.ts')) as string;
    const seg = await fetch(new URL(first, `${h.base}/hls/vod/replay.m3u8`));
    expect(seg.status).toBe(200);
    expect(seg.headers.get('content-type')).toBe('video/mp2t');
    expect(seg.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const bytes = Buffer.from(await seg.arrayBuffer());
    expect(bytes.equals(readFileSync(`${mediaDir}${first}`))).toBe(true);
    expect(bytes[0]).toBe(0x47); // MPEG-TS sync byte
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await fetch(`${h.base}/hls/vod/seg-000.ts`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(10_000);
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    expect((await fetch(`${h.base}/hls/vod/seg-000.ts`, { method: 'POST' })).status).toBe(405);
  });

  it('serves only manifest-listed names: no traversal, no other files', async () => {
    const paths = [
      '/hls/vod/manifest.json',
      '/hls/vod/README.md',
      '/hls/vod/vod.m3u8',
      '/hls/vod/seg-999.ts',
      '/hls/vod/..%2Fmedia%2Fseg-000.ts',
      '/hls/vod/%2e%2e%2fpackage.json',
      '/hls/vod/seg-000.ts/extra',
      '/hls/..%2F..%2Fpackage.json/seg-000.ts',
      '/hls/%zz/live.m3u8',
      '/hls/vod',
    ];
    for (const p of paths) expect([p, await rawGet(h.base, p)]).toEqual([p, 404]);
    // `..` segments are resolved before routing: they leave /hls/ and go to the core (which 418s here).
    expect(await rawGet(h.base, '/hls/vod/../../package.json')).toBe(418);
  });
});

describe('HLS origin (real clock)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await serve({ fakeClock: false });
  });
  afterAll(() => h.close());

  it('two fetches 2+ s apart see the media sequence advance', async () => {
    h.rooms.set('r', { state: 'live', liveSince: Date.now() });
    const first = mediaSequenceOf(await (await fetch(`${h.base}/hls/r/live.m3u8`)).text());
    await new Promise((r) => setTimeout(r, 2_100));
    const second = mediaSequenceOf(await (await fetch(`${h.base}/hls/r/live.m3u8`)).text());
    expect(second).toBeGreaterThanOrEqual(first + 1);
  }, 10_000);
});
