/**
 * The demo's Lottie gift effects really render with lottie-web's light canvas build in headless
 * Chromium: each effect loads without error and paints a good share of non-blank pixels, in
 * several colours, at a few frames across its run (not just one lucky frame).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeServer, launchChromium, listenLocal } from './harness.ts';

const root = new URL('../../', import.meta.url);
const read = (rel: string) => readFileSync(fileURLToPath(new URL(rel, root)));
const catalog = JSON.parse(read('demo/public/gifts/catalog.json').toString('utf8')) as Array<{ id: string; effect?: string }>;
const effects = catalog.filter((g) => g.effect).map((g) => g.id);

const PAGE = `<!doctype html><meta charset="utf-8"><title>effects</title>
<style>body{margin:0;background:#000}#stage{width:360px;height:360px}</style>
<div id="stage"></div>
<script src="/lottie_light_canvas.min.js"></script>`;

let server: Server | undefined;
let browser: Browser | undefined;
let base = '';

beforeAll(async () => {
  const lottieJs = read('node_modules/lottie-web/build/player/lottie_light_canvas.min.js');
  server = createServer((req, res) => {
    const m = /^\/gifts\/([a-z]+)\.json$/.exec(req.url ?? '');
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else if (req.url === '/lottie_light_canvas.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(lottieJs);
    } else if (m && effects.includes(m[1] as string)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(read(`demo/public/gifts/${m[1]}.json`));
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

interface Probe {
  error?: string;
  frames: number;
  samples: Array<{ frame: number; painted: number; colours: number }>;
}

it('has type-3 effects to check', () => {
  expect(effects.length).toBeGreaterThanOrEqual(3);
});

it.each(effects)(
  '%s renders non-blank frames with lottie light canvas',
  async (id) => {
    const page = await (browser as Browser).newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(base + '/');
    const probe = await page.evaluate(async (url): Promise<Probe> => {
      const data = await (await fetch(url)).json();
      const lottie = (window as unknown as { lottie: { loadAnimation(o: object): any } }).lottie;
      const anim = lottie.loadAnimation({
        container: document.getElementById('stage'),
        renderer: 'canvas',
        loop: false,
        autoplay: false,
        animationData: data,
      });
      await new Promise<void>((resolve, reject) => {
        anim.addEventListener('DOMLoaded', () => resolve());
        anim.addEventListener('data_failed', () => reject(new Error('data_failed')));
        setTimeout(() => reject(new Error('DOMLoaded timeout')), 5_000);
      });
      const canvas = document.querySelector('#stage canvas') as HTMLCanvasElement;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      const frames = anim.totalFrames as number;
      const samples = [];
      for (const share of [0.3, 0.5, 0.7]) {
        const frame = Math.round(frames * share);
        anim.goToAndStop(frame, true);
        const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        let painted = 0;
        const colours = new Set<number>();
        for (let i = 0; i < px.length; i += 4) {
          if ((px[i + 3] as number) > 16) {
            painted++;
            colours.add(((px[i] as number) >> 5) * 64 + ((px[i + 1] as number) >> 5) * 8 + ((px[i + 2] as number) >> 5));
          }
        }
        samples.push({ frame, painted: painted / (px.length / 4), colours: colours.size });
      }
      anim.destroy();
      return { frames, samples };
    }, `/gifts/${id}.json`);
    await page.close();

    expect(pageErrors).toEqual([]);
    expect(probe.frames).toBeGreaterThanOrEqual(60); // ≥ 2 s at 30 fps
    for (const s of probe.samples) {
      // Visibly painted (a blank canvas is 0; sparse fireworks frames cover ~1–2 %), in several colours.
      expect(s.painted, `frame ${s.frame} painted share`).toBeGreaterThan(0.005);
      expect(s.colours, `frame ${s.frame} colours`).toBeGreaterThan(3);
    }
  },
  30_000,
);
