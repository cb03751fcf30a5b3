/**
 * The demo page against the running demo app (`startDemo`: emulator + vite + HLS origin + crowd,
 * 127.0.0.1, any free port) in headless Chromium — one viewer's page through a whole session,
 * the tests in order (each builds on the page the previous one left): a newcomer sees the stream
 * and the crowd's chat within 10 s; the video plays; the barrage draws pixels; a REST message
 * reaches the chat list within 1 s; both ways of ending the room show the ended card; a 200 msg/s
 * flood keeps the element working, admits barrage items only into free lanes and counts its
 * drops; a restart of the server on the same port shows "reconnecting", comes back and duplicates
 * nothing; so does a dropped socket whose rejoin replays the room's history. No page errors, no
 * console errors, no `lcr-error` events anywhere (the restart allows the browser's own reports
 * of refused connections).
 *
 * The demo app runs without HMR here (`hmr: false`): vite's client would reload the page as soon
 * as the restarted server answers, and the page must live through the restart.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ROOM, startDemo, type DemoApp } from '../../demo/server/demo-app.ts';
import { CHROMIUM_ARGS, ensureChromium } from '../setup/find-chromium.ts';
import { DemoAdmin } from './demo-admin.ts';
import { countChangedPixels, decodePng } from './png.ts';
import {
  chatLines,
  collectPageErrors,
  connectionState,
  inShadow,
  recordRoomEvents,
  recorded,
  roomState,
  waitForChatText,
  waitForPlayback,
  type MetricsSample,
} from './room-page.ts';

/** Settings of both runs of the demo app: defaults, plus history so a rejoin gets what it missed. */
const ENV = { LCR_HISTORY: 'on' };
/** Vite's pre-bundled dependencies for this test (the tests' NODE_ENV must not rebuild `npm start`'s). */
const VITE_CACHE = fileURLToPath(new URL('../../node_modules/.vite/demo-e2e', import.meta.url));
const start = (port: number, crowd: boolean): Promise<DemoApp> =>
  startDemo({ port, host: '127.0.0.1', env: ENV, crowd, quiet: true, hmr: false, viteCacheDir: VITE_CACHE });

let demo: DemoApp | undefined;
let browser: Browser | undefined;
let page: Page;
let admin: DemoAdmin;
let errors: string[] = [];
let errorMark = 0;
/** Console errors a test expects (the restart: the browser reports refused connections). */
let allowedErrors: RegExp[] = [];
const viteClientRequests: string[] = [];
let seq = 0;
const unique = (label: string): string => `${label} #${++seq} ${Math.random().toString(36).slice(2, 8)}`;

beforeAll(async () => {
  demo = await start(0, true);
  admin = new DemoAdmin(demo.url, DEMO_ROOM);
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  errors = collectPageErrors(page);
  page.on('request', (r) => {
    if (r.url().includes('/@vite/client')) viteClientRequests.push(r.url());
  });
  await recordRoomEvents(page);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

/** `lcr-error` events the element fired so far (none before the page is loaded). */
const elementErrors = (): Promise<unknown[]> =>
  page.evaluate(() => (window as unknown as { __lcr?: { errors: unknown[] } }).__lcr?.errors ?? []);
let elementErrorMark = 0;

beforeEach(async () => {
  errorMark = errors.length;
  elementErrorMark = (await elementErrors()).length;
  allowedErrors = [];
});

afterEach(async () => {
  const unexpected = errors.slice(errorMark).filter((e) => !allowedErrors.some((re) => re.test(e)));
  expect(unexpected).toEqual([]);
  expect((await elementErrors()).slice(elementErrorMark)).toEqual([]);
});

async function metricsSince(at: number): Promise<MetricsSample[]> {
  return (await recorded(page)).metrics.filter((m) => m.at >= at);
}

const pageNow = (): Promise<number> => page.evaluate(() => performance.now());
const sumDrops = (m: MetricsSample | undefined): number => Object.values(m?.dropped ?? {}).reduce((a, b) => a + b, 0);
/** The pipeline's bounded barrage queue (`createRoomPipeline`'s `barrageQueue` default). */
const BARRAGE_QUEUE = 60;

describe('the demo room, one viewer', () => {
  it('a newcomer sees the stream play and the crowd chat within 10 s of load', async () => {
    const opened = Date.now();
    await page.goto(`${demo!.url}/`, { waitUntil: 'load' });
    const left = (): number => Math.max(1, 10_000 - (Date.now() - opened));
    await waitForPlayback(page, 1, left());
    await page.waitForFunction(() => !!document.querySelector('live-chat-room')?.shadowRoot?.querySelector('.log .line.text'), undefined, {
      timeout: left(),
      polling: 100,
    });
    expect(Date.now() - opened).toBeLessThanOrEqual(10_000);

    const crowdLines = (await chatLines(page)).filter((l) => l.id && l.nick && l.text);
    expect(crowdLines.length).toBeGreaterThan(0);
    expect(await roomState(page)).toBe('live');
    expect(await connectionState(page)).toBe('connected');
    // The page runs without vite's dev client (no HMR socket to reload it on a restart).
    expect(viteClientRequests).toEqual([]);

    await admin.crowd('stop'); // the rest checks exact messages
  });

  it('keeps playing the live stream: 5 s of media and more', async () => {
    await waitForPlayback(page, 5, 20_000);
    expect(await page.evaluate(() => document.querySelector('live-chat-room')!.shadowRoot!.querySelector('video')!.paused)).toBe(false);
  });

  it('draws the barrage: renderer stats and pixels on the canvas', async () => {
    const since = await pageNow();
    // Texts for a few seconds: each metrics interval (1 s) sees traffic and reports the renderer.
    for (let i = 0; i < 16; i++) {
      await admin.sendText(`fan_${i % 4}`, unique('barrage check 弹幕 확인'));
      await page.waitForTimeout(200);
    }
    await expect
      .poll(async () => (await metricsSince(since)).filter((m) => m.barrage).length, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(3);
    const samples = (await metricsSince(since)).map((m) => m.barrage!).filter(Boolean);
    expect(Math.max(...samples.map((b) => b.onScreen))).toBeGreaterThan(0);
    expect(samples.at(-1)!.placed).toBeGreaterThan(0);
    expect(samples.at(-1)!.framesDrawn).toBeGreaterThan(samples[0]!.framesDrawn);

    // Pixels: the barrage layer with the video hidden, against the same layer hidden.
    await admin.sendText('fan_0', unique('pixels please'));
    await admin.sendText('fan_1', unique('more pixels please'));
    await page.waitForTimeout(600); // let the new items fly in
    const layer = page.locator('live-chat-room .barrage');
    const box = await layer.boundingBox();
    expect(box).not.toBeNull();
    const clip = { x: box!.x, y: box!.y, width: Math.min(box!.width, 1280 - box!.x), height: Math.min(box!.height, 900 - box!.y) };
    await page.evaluate(() => (document.querySelector('live-chat-room')!.shadowRoot!.querySelector('video')!.style.visibility = 'hidden'));
    try {
      const withItems = decodePng(await page.screenshot({ clip }));
      await layer.evaluate((el) => ((el as HTMLElement).style.opacity = '0')); // the canvas sets its own visibility
      const without = decodePng(await page.screenshot({ clip }));
      await layer.evaluate((el) => ((el as HTMLElement).style.opacity = ''));
      expect(withItems.width).toBe(without.width);
      // Text glyphs: thousands of pixels differ; a blank canvas differs in none.
      expect(countChangedPixels(withItems, without)).toBeGreaterThan(500);
    } finally {
      await page.evaluate(() => (document.querySelector('live-chat-room')!.shadowRoot!.querySelector('video')!.style.visibility = ''));
    }
  });

  it('shows a REST message in the chat list within 1 s', async () => {
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const text = unique('hello from the business server');
      const shown = waitForChatText(page, text, 5_000);
      await admin.sendText('host_bot', text);
      const answered = Date.now();
      await shown;
      latencies.push(Date.now() - answered);
    }
    for (const ms of latencies) expect(ms).toBeLessThanOrEqual(1_000);
    const line = (await chatLines(page)).at(-1)!;
    expect(line.nick).toBe('host_bot');
  });

  it('shows the ended card for the state in group attributes and for the room_state_changed message', async () => {
    const ended = (): Promise<unknown> =>
      page.waitForFunction(() => !!document.querySelector('live-chat-room')?.shadowRoot?.querySelector('.card.ended'), undefined, {
        timeout: 5_000,
      });
    const live = (): Promise<unknown> =>
      page.waitForFunction(() => !document.querySelector('live-chat-room')?.shadowRoot?.querySelector('.card'), undefined, {
        timeout: 5_000,
      });

    await admin.setStateAttribute('ended'); // pushed to members as an `attributes` frame
    await ended();
    expect(await roomState(page)).toBe('ended');
    await admin.setStateAttribute('live');
    await live();
    expect(await roomState(page)).toBe('live');

    await admin.announceState('ended'); // the High custom message (docs/avchatroom.md#room-states)
    await ended();
    expect(await roomState(page)).toBe('ended');
    await admin.announceState('live');
    await live();
    expect(await roomState(page)).toBe('live');
  });

  it('stays responsive through a 200 msg/s flood, within its lanes, counting drops', async () => {
    const since = await pageNow();
    const baseline = (await recorded(page)).metrics.at(-1);
    const seen = new Set((await chatLines(page)).map((l) => l.id));
    await admin.crowd('flood', { rate: 200, seconds: 5 });
    const newPerSecond: number[] = [];
    for (let s = 0; s < 5; s++) {
      await page.waitForTimeout(1_000);
      const ids = (await chatLines(page)).map((l) => l.id);
      newPerSecond.push(ids.filter((id) => !seen.has(id)).length);
      for (const id of ids) seen.add(id);
    }
    await page.waitForTimeout(1_500); // the last metrics interval
    // Lines kept arriving through the flood (the room delivers at most 40 msg/s to this client).
    expect(newPerSecond.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);

    const samples = await metricsSince(since);
    expect(samples.length).toBeGreaterThanOrEqual(3);
    for (const m of samples) {
      const b = m.barrage!;
      expect(b).toBeDefined();
      expect(b.lanes).toBeGreaterThan(0);
      expect(b.freeCapacity).toBeGreaterThanOrEqual(0);
      expect(b.freeCapacity).toBeLessThanOrEqual(b.lanes);
      // Admission follows the free lanes: what the pipeline let through, the renderer took, and
      // it never had to refuse an item for want of a lane.
      expect(b.pushed).toBe(m.admitted);
      expect(b.rejected).toBe(baseline?.barrage?.rejected ?? 0);
      expect(m.queueDepth).toBeLessThanOrEqual(BARRAGE_QUEUE);
    }
    const last = samples.at(-1)!;
    const byReason = Object.values(last.dropped).reduce((a, b) => a + b, 0);
    const byPriority = Object.values(last.droppedByPriority).reduce((a, b) => a + b, 0);
    expect(byReason - sumDrops(baseline)).toBeGreaterThan(0);
    expect(byReason).toBe(byPriority);
    expect(await connectionState(page)).toBe('connected');
  });

  it('reconnects across a restart of the server on the same port, without duplicate lines', async () => {
    const port = Number(new URL(demo!.url).port);
    const before = [unique('before restart'), unique('before restart'), unique('before restart')];
    for (const t of before) await admin.sendText('host_bot', t);
    for (const t of before) await waitForChatText(page, t, 5_000);

    // While the server is away the browser reports its refused connections (the room socket's
    // retries, the stream's segment loads) as console errors.
    allowedErrors = [
      /WebSocket connection to 'ws:\/\/127\.0\.0\.1:\d+\/ws' failed/,
      /Failed to load resource: net::ERR_(CONNECTION_REFUSED|SOCKET_NOT_CONNECTED|CONNECTION_RESET|EMPTY_RESPONSE)/,
    ];
    await demo!.close();
    demo = undefined;
    await page.waitForFunction(
      () => {
        const el = document.querySelector('live-chat-room') as (HTMLElement & { connectionState: string }) | null;
        return el?.connectionState === 'reconnecting' && el.matches(':state(reconnecting)') && !!el.shadowRoot?.querySelector('.banner');
      },
      undefined,
      { timeout: 10_000, polling: 50 },
    );
    await page.waitForTimeout(1_000); // a retry or two against the closed port

    demo = await start(port, false);
    // Sent before this client is back (most likely): it gets them from the room's history on rejoin.
    const during = [unique('while away'), unique('while away')];
    for (const t of during) await admin.sendText('host_bot', t);
    await page.waitForFunction(
      () => (document.querySelector('live-chat-room') as unknown as { connectionState: string }).connectionState === 'connected',
      undefined,
      {
        timeout: 30_000,
        polling: 50,
      },
    );
    expect(await inShadow(page, '.banner')).toBe(false);
    const after = [unique('after restart'), unique('after restart'), unique('after restart')];
    for (const t of after) await admin.sendText('host_bot', t);
    for (const t of [...during, ...after]) await waitForChatText(page, t, 5_000);
    await page.waitForTimeout(500); // anything duplicated would be in by now

    const lines = await chatLines(page);
    const ids = lines.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of [...before, ...during, ...after]) expect(lines.filter((l) => l.text === t)).toHaveLength(1);
    const states = (await recorded(page)).connections.map((c) => c.state);
    expect(states.slice(states.lastIndexOf('reconnecting'))).toEqual(['reconnecting', 'connected']);
  });

  it('rejoins after a dropped connection; the history replayed on rejoin duplicates nothing', async () => {
    // The server keeps running and drops this viewer's socket, as a network blip would. On rejoin
    // the room's history (on here) hands back every recent message, all of them already shown.
    const viewer = await page.evaluate(() => sessionStorage.getItem('lcr-demo-user') ?? '');
    const sessions = demo!.emulator.engine.sessions.of(viewer) as unknown as Array<{ ws?: { terminate(): void } }>;
    expect(sessions).toHaveLength(1);
    const shownBefore = (await chatLines(page)).filter((l) => l.nick === 'host_bot').map((l) => l.text);
    const reconnectsBefore = (await recorded(page)).connections.filter((c) => c.state === 'reconnecting').length;
    // What the rejoin will be handed: lines this page already shows.
    const replayed = demo!.emulator.rooms
      .get(DEMO_ROOM)!
      .recentHistory()
      .map((m) => (m.payload as { text?: string }).text)
      .filter((t): t is string => t !== undefined && shownBefore.includes(t));
    expect(replayed.length).toBeGreaterThanOrEqual(3);
    sessions[0]!.ws!.terminate();
    // Back when the element has been through one more "reconnecting" and is connected again.
    await page.waitForFunction(
      (n) => {
        const states = (window as unknown as { __lcr: { connections: Array<{ state: string }> } }).__lcr.connections.map((c) => c.state);
        return states.filter((s) => s === 'reconnecting').length > n && states.at(-1) === 'connected';
      },
      reconnectsBefore,
      { timeout: 15_000, polling: 50 },
    );
    const text = unique('after the blip');
    await admin.sendText('host_bot', text);
    await waitForChatText(page, text, 5_000);
    await page.waitForTimeout(500);

    const lines = await chatLines(page);
    const ids = lines.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    // Exactly once for what was replayed (the newest lines); older lines may have left the capped
    // list (200 lines) since, but none may come twice.
    for (const t of [...replayed, text]) expect(lines.filter((l) => l.text === t)).toHaveLength(1);
    for (const t of shownBefore) expect(lines.filter((l) => l.text === t).length).toBeLessThanOrEqual(1);
    expect((await recorded(page)).connections.filter((c) => c.state === 'reconnecting').length).toBe(reconnectsBefore + 1);
  });
});
