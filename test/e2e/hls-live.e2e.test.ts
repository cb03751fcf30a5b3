/**
 * The emulator's live HLS origin played by hls.js in real headless Chromium: a tiny page served by
 * this test's own HTTP server (127.0.0.1:0) plays /hls/<room>/live.m3u8 for more than 10 s; the
 * video must keep advancing without a stall after it started, and the live playlist's media
 * sequence must advance under it.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HlsRoomView } from '../../demo/server/hooks.ts';
import { createHlsOrigin } from '../../demo/server/hls-origin.ts';
import { closeServer, launchChromium, listenLocal } from './harness.ts';

const root = new URL('../../', import.meta.url);
const mediaDir = fileURLToPath(new URL('demo/media/', root));
const hlsJs = readFileSync(fileURLToPath(new URL('node_modules/hls.js/dist/hls.light.min.js', root)));

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>hls live</title>
<video id="v" muted playsinline width="640" height="360"></video>
<script src="/hls.light.min.js"></script>
<script>
  const log = { playing: false, waitingAfterPlaying: 0, startSNs: [], errors: [], playedCc: [] };
  window.__log = log;
  const video = document.getElementById('v');
  video.addEventListener('playing', () => { log.playing = true; });
  video.addEventListener('waiting', () => { if (log.playing) log.waitingAfterPlaying++; });
  const hls = new Hls({ lowLatencyMode: false });
  hls.on(Hls.Events.LEVEL_LOADED, (_e, data) => log.startSNs.push(data.details.startSN));
  hls.on(Hls.Events.FRAG_CHANGED, (_e, data) => log.playedCc.push(data.frag.cc));
  hls.on(Hls.Events.ERROR, (_e, data) => log.errors.push((data.fatal ? 'fatal ' : '') + data.details));
  hls.loadSource('/hls/e2e-room/live.m3u8');
  hls.attachMedia(video);
  hls.on(Hls.Events.MANIFEST_PARSED, () => video.play().catch((err) => log.errors.push('play ' + err.name)));
</script>`;

let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  // Live for 14 s already: the player starts a few segments before the fixture's end, so within the
  // 11 s it plays it crosses a loop (EXT-X-DISCONTINUITY) as well.
  const rooms = new Map<string, HlsRoomView>([['e2e-room', { state: 'live', liveSince: Date.now() - 14_000 }]]);
  const origin = createHlsOrigin({ mediaDir });
  server = createServer((req, res) => {
    if (origin.handle(req, res, (id) => rooms.get(id))) return;
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/hls.light.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(hlsJs);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  base = await listenLocal(server);
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

interface PageLog {
  playing: boolean;
  waitingAfterPlaying: number;
  startSNs: number[];
  errors: string[];
  playedCc: number[];
}

it('plays the live playlist with hls.js for more than 10 s without stalling', async () => {
  const page = await (browser as Browser).newPage();
  await page.goto(base + '/');
  await page.waitForFunction(() => (window as unknown as { __log: PageLog }).__log.playing, undefined, { timeout: 20_000 });
  const t0 = await page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime);

  const samples: number[] = [];
  for (let i = 0; i < 11; i++) {
    await page.waitForTimeout(1_000);
    samples.push(await page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).currentTime));
  }
  const log = await page.evaluate(() => (window as unknown as { __log: PageLog }).__log);
  await page.close();

  // Media time moves forward at every sample, and by most of the 11 s in all.
  samples.forEach((t, i) => expect(t).toBeGreaterThan(i === 0 ? t0 : (samples[i - 1] as number)));
  expect((samples.at(-1) as number) - t0).toBeGreaterThan(9);
  expect(log.waitingAfterPlaying).toBe(0);
  expect(log.errors.filter((e) => e.startsWith('fatal'))).toEqual([]);
  // The player reloaded the live playlist and saw it slide forward.
  expect(log.startSNs.length).toBeGreaterThan(2);
  expect(Math.max(...log.startSNs)).toBeGreaterThan(Math.min(...log.startSNs));
  // Playback went through the loop: fragments of two discontinuity ranges were shown.
  expect(new Set(log.playedCc).size).toBeGreaterThan(1);
}, 60_000);
