/**
 * Issue #20's fault matrix, second half, on the demo (emulator + Chromium, all on 127.0.0.1): the
 * gift endpoint failing (500, 10 s slow, invalid JSON, a response lost after the charge, an
 * insufficient balance), the UserSig service failing on a reconnect (500, a timeout, garbage, a
 * UserSig for a different user) and the HLS origin erroring and stalling. Faults are injected
 * between the page and the demo's real business server and origin (Playwright routes): the server
 * still bills, signs and streams for real. Each row asserts what the viewer sees, that recovery is
 * automatic once the fault ends, and that every gift is billed once and shown only when billed.
 * Recovery times are printed (`[faults]` lines) for the closing note, never asserted.
 */
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoApp } from '../../demo/server/demo-app.ts';
import { openDemoPage } from './demo-page.ts';
import { recorded } from './room-page.ts';

let demo: DemoApp | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
let viewer = '';

const shadow = (sel: string) => page.evaluate((s) => !!document.querySelector('live-chat-room')!.shadowRoot!.querySelector(s), sel);
const waitShadow = (sel: string, timeout = 30_000) =>
  page.waitForFunction((s) => !!document.querySelector('live-chat-room')!.shadowRoot!.querySelector(s), sel, { timeout, polling: 50 });
const videoState = () => page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { videoState: string }).videoState);
const waitVideo = (state: string, timeout = 30_000) =>
  page.waitForFunction((s) => (document.querySelector('live-chat-room') as unknown as { videoState: string }).videoState === s, state, {
    timeout,
    polling: 50,
  });

/** What the viewer's page shows of gifts named `name`: chat lines, banners, effects, `lcr-gift` events. */
async function giftTraces(name: string): Promise<{ lines: number; banners: number; effects: number; events: number }> {
  return page.evaluate((n) => {
    const root = document.querySelector('live-chat-room')!.shadowRoot!;
    return {
      lines: [...root.querySelectorAll('.log .line')].filter((l) => (l.textContent ?? '').includes(n)).length,
      banners: (root.querySelector('.gift-banners-host')?.textContent ?? '').includes(n) ? 1 : 0,
      effects: root.querySelector('.gift-effect-host .gift-effect')?.childElementCount ?? 0, // an effect playing or its card
      events: (window as unknown as { __gifts: string[] }).__gifts.filter((g) => g === n).length,
    };
  }, name);
}

/** Opens the gift panel, picks `giftId` with count 1, taps Send once (the tap is billed after 1 s idle). */
async function tapGift(giftId: string): Promise<void> {
  if (!(await shadow('[part~="gift-panel"]'))) await page.locator('live-chat-room').locator('[part~="gift-button"]').click();
  await page.locator('live-chat-room').locator(`[part~="gift-tile"][data-id="${giftId}"]`).click();
  await page.locator('live-chat-room').locator('[part~="gift-send"]').click();
}

/** Routes `/api/gifts` through `handle` until the returned function is called. */
async function faultGifts(handle: (route: Route, n: number) => Promise<void>): Promise<{ calls: () => number; end: () => Promise<void> }> {
  let n = 0;
  const fn = (route: Route) => handle(route, n++);
  await page.route('**/api/gifts', fn);
  return { calls: () => n, end: () => page.unroute('**/api/gifts', fn) };
}

const ledger = () => ({ ...demo!.emulator.app.ledger.stats });

beforeAll(async () => {
  const opened = await openDemoPage('faults-edges-e2e', { LCR_WALLET_START: '100000' });
  demo = opened.demo;
  browser = opened.browser;
  context = opened.context;
  page = opened.page;
  await page.addInitScript(() => {
    const w = window as unknown as { __gifts: string[]; __kicked: string[] };
    w.__gifts = [];
    w.__kicked = [];
    document.addEventListener('lcr-gift', (e) => w.__gifts.push((e as CustomEvent<{ gift: { name: string } }>).detail.gift.name));
    document.addEventListener('lcr-kicked', (e) => w.__kicked.push((e as CustomEvent<{ reason: string }>).detail.reason));
  });
  await page.goto(`${demo.url}/`);
  await page.waitForFunction(
    () => (document.querySelector('live-chat-room') as unknown as { connectionState: string }).connectionState === 'connected',
    undefined,
    { timeout: 30_000 },
  );
  viewer = await page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { userId: string }).userId);
  expect(viewer).toMatch(/^viewer-/);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

describe('fault matrix: the gift endpoint', () => {
  it('500 on every attempt: the failure with its reason and Retry, nothing of the gift shown, nothing billed; Retry after the fault bills once and shows it once', async () => {
    const before = ledger();
    const wallet = demo!.emulator.billing.balance(viewer);
    const fault = await faultGifts((route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"ok":false}' }));
    await tapGift('crown');
    await waitShadow('[part~="gift-error"] [part~="gift-retry"]');
    expect(fault.calls()).toBe(3); // the first try and two retries with the same clientId
    expect(await giftTraces('Crown')).toEqual({ lines: 0, banners: 0, effects: 0, events: 0 });
    expect(ledger()).toEqual(before);
    await fault.end();
    await page.locator('live-chat-room').locator('[part~="gift-retry"]').click();
    await page.waitForFunction(() => (window as unknown as { __gifts: string[] }).__gifts.includes('Crown'), undefined, {
      timeout: 15_000,
    });
    expect(ledger().charged - before.charged).toBe(1);
    expect(demo!.emulator.billing.balance(viewer)).toBe(wallet - 99);
    // A Crown (type 2) shows as a banner naming the sender.
    await page.waitForFunction(
      () =>
        (document.querySelector('live-chat-room')!.shadowRoot!.querySelector('.gift-banners-host')?.textContent ?? '').includes('Crown'),
      undefined,
      { timeout: 10_000 },
    );
    const shown = await giftTraces('Crown');
    expect(shown.events).toBe(1);
    expect(shown.banners).toBe(1);
    expect(await shadow('[part~="gift-error"]')).toBe(false);
    console.info(
      `[faults] gift endpoint 500 x3: error + Retry shown, nothing shown of the gift, 0 billed; Retry: billed 1, shown as a banner, ${shown.events} lcr-gift`,
    );
  }, 60_000);

  it('10 s slow, then a response lost after the charge, then invalid JSON: each bills at most once; a billed gift shows once, an unbilled one not at all', async () => {
    // Slow: the server bills at once but its answer takes 10 s, past the client's 10 s timeout;
    // the client retries the same clientId and the server replays it (no second charge). The
    // room's copy of the gift may reach the page before the bill's answer: it was billed.
    let before = ledger();
    let fault = await faultGifts(async (route, n) => {
      const res = await route.fetch();
      if (n === 0) await new Promise((r) => setTimeout(r, 10_500));
      await route.fulfill({ response: res }).catch(() => undefined); // the page may have given up on it
    });
    await tapGift('heart');
    await expect.poll(() => ledger().replayed, { timeout: 30_000, interval: 100 }).toBe(before.replayed + 1);
    expect(ledger().charged).toBe(before.charged + 1);
    await page.waitForFunction(() => (window as unknown as { __gifts: string[] }).__gifts.includes('Heart'), undefined, {
      timeout: 15_000,
    });
    await fault.end();
    const slow = await giftTraces('Heart');
    expect(slow.events).toBe(1);
    expect(await shadow('[part~="gift-error"]')).toBe(false);

    // Lost: the server bills and answers; the answer never reaches the page.
    before = ledger();
    fault = await faultGifts(async (route, n) => {
      const res = await route.fetch();
      if (n === 0) return route.abort('connectionreset');
      await route.fulfill({ response: res });
    });
    await tapGift('rose');
    await expect.poll(() => ledger().replayed, { timeout: 15_000, interval: 100 }).toBe(before.replayed + 1);
    expect(ledger().charged).toBe(before.charged + 1);
    await page.waitForFunction(() => (window as unknown as { __gifts: string[] }).__gifts.includes('Rose'), undefined, { timeout: 15_000 });
    await fault.end();
    const lost = await giftTraces('Rose');
    expect(lost.events).toBe(1);
    expect(await shadow('[part~="gift-error"]')).toBe(false);

    // Invalid JSON (a proxy's HTML page) on every attempt: not billed, not shown, Retry offered.
    before = ledger();
    fault = await faultGifts((route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Bad gateway</html>' }));
    await tapGift('lollipop');
    await waitShadow('[part~="gift-error"] [part~="gift-retry"]');
    expect(ledger()).toEqual(before);
    expect(await giftTraces('Lollipop')).toEqual({ lines: 0, banners: 0, effects: 0, events: 0 });
    await fault.end();
    await page.locator('live-chat-room').locator('[part~="gift-dismiss"], .gift-dismiss').first().click();
    console.info(
      `[faults] gift endpoint: 10 s slow -> billed 1 (1 replay), shown ${slow.events}; lost response -> billed 1 (1 replay), shown ${lost.events}; invalid JSON x3 -> billed 0, shown 0, Retry offered`,
    );
  }, 90_000);

  it('insufficient balance (the real business server): the reason in the panel, no Retry, nothing shown, nothing billed', async () => {
    const before = ledger();
    const r = await page.evaluate(() =>
      (
        document.querySelector('live-chat-room') as unknown as {
          sendGift(id: string, n: number): Promise<{ ok: boolean; reason?: string }>;
        }
      ).sendGift('castle', 9999),
    );
    expect(r).toMatchObject({ ok: false, reason: 'insufficient-balance' });
    await waitShadow('[part~="gift-error"]');
    expect(
      await page.evaluate(() => document.querySelector('live-chat-room')!.shadowRoot!.querySelector('[part~="gift-error"]')!.textContent),
    ).toMatch(/balance/i);
    expect(await shadow('[part~="gift-retry"]')).toBe(false);
    expect(await giftTraces('Castle')).toEqual({ lines: 0, banners: 0, effects: 0, events: 0 });
    expect(ledger()).toEqual(before);
  }, 30_000);
});

describe('fault matrix: the UserSig service on a reconnect', () => {
  /** What the emulator does when a UserSig runs out: kicks the session with `userSigExpired`; the page must fetch a new one. */
  const expireSig = () => {
    for (const s of demo!.emulator.engine.sessions.of(viewer)) s.kick('userSigExpired');
  };
  const states = async () => (await recorded(page)).connections.map((c) => c.state);

  it.each([
    ['500', (route: Route) => route.fulfill({ status: 500, body: 'oops' })],
    ['garbage', (route: Route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"userSig":' })],
    [
      'a timeout',
      (route: Route) => new Promise<void>((r) => setTimeout(r, 9_000)).then(() => route.abort('timedout').catch(() => undefined)),
    ],
  ])(
    '%s: the viewer sees reconnecting; once the service answers again the room is back by itself',
    async (what, answer) => {
      const before = (await states()).filter((s) => s === 'reconnecting').length;
      let asked = 0;
      const fn = (route: Route) => {
        asked++;
        return answer(route);
      };
      await page.route('**/api/usersig', fn);
      expireSig();
      await page.waitForFunction(() => document.querySelector('live-chat-room')!.matches(':state(reconnecting)'), undefined, {
        timeout: 10_000,
        polling: 50,
      });
      await waitShadow('[part~="connection-banner"]', 5_000);
      // The fault holds until the element has asked the service at least twice.
      await expect.poll(() => asked, { timeout: 40_000, interval: 100 }).toBeGreaterThanOrEqual(2);
      await page.unroute('**/api/usersig', fn);
      const healed = Date.now();
      await page.waitForFunction(
        (n) => {
          const s = (window as unknown as { __lcr: { connections: Array<{ state: string }> } }).__lcr.connections.map((c) => c.state);
          return s.filter((x) => x === 'reconnecting').length > n && s.at(-1) === 'connected';
        },
        before,
        { timeout: 60_000, polling: 50 },
      );
      console.info(
        `[faults] UserSig ${what}: reconnecting shown, ${asked} failed asks, back ${Date.now() - healed} ms after the service healed`,
      );
    },
    120_000,
  );

  it('a UserSig for a different user: never used; the session ends with a clear card and lcr-kicked, and no one is logged in as the other user', async () => {
    let asked = 0;
    await page.route('**/api/usersig', async (route) => {
      asked++;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ userID: 'anchor', userSig: 'eJyrVkrOSy1Ryc' }),
      });
    });
    expireSig();
    await page.waitForFunction(() => (window as unknown as { __kicked: string[] }).__kicked.length > 0, undefined, { timeout: 30_000 });
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(await page.evaluate(() => document.querySelector('live-chat-room')!.matches(':state(kicked)'))).toBe(true);
    expect(demo!.emulator.engine.sessions.of('anchor')).toHaveLength(0);
    expect(demo!.emulator.engine.sessions.of(viewer)).toHaveLength(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    console.info(
      `[faults] UserSig for a different user: refused by the page after ${asked} ask(s); session ended (:state(kicked), lcr-kicked ${JSON.stringify(await page.evaluate(() => (window as unknown as { __kicked: string[] }).__kicked))})`,
    );
  }, 60_000);
});

describe('fault matrix: the HLS origin', () => {
  it.each([
    ['erroring (every request refused)', (route: Route) => route.abort('connectionrefused')],
    [
      'stalled (requests never answered)',
      (route: Route) => new Promise<void>((r) => setTimeout(r, 6_000)).then(() => route.abort('timedout').catch(() => undefined)),
    ],
  ])(
    '%s for 6 s: the viewer sees the video stall; it plays again by itself',
    async (what, answer) => {
      // A fresh viewer in a fresh context: the UserSig rows ended the first session on purpose.
      if (
        !(await page.evaluate(
          () => (document.querySelector('live-chat-room') as unknown as { connectionState: string }).connectionState === 'connected',
        ))
      ) {
        await context.close();
        context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
        page = await context.newPage();
        await page.goto(`${demo!.url}/`);
      }
      await waitVideo('playing', 45_000);
      const fn = (route: Route) => answer(route);
      await page.route('**/hls/**', fn);
      const t0 = Date.now();
      await page.waitForFunction(() => document.querySelector('live-chat-room')!.matches(':state(video-stalled)'), undefined, {
        timeout: 30_000,
        polling: 50,
      });
      const stalledAfter = Date.now() - t0;
      expect(await shadow('[part~="video-banner"]')).toBe(true);
      await new Promise((r) => setTimeout(r, Math.max(0, 6_000 - (Date.now() - t0)))); // the outage itself
      await page.unroute('**/hls/**', fn);
      const healed = Date.now();
      await waitVideo('playing', 60_000);
      expect(await videoState()).toBe('playing');
      expect(await shadow('[part~="video-banner"]')).toBe(false);
      console.info(
        `[faults] HLS origin ${what}: stalled shown ${stalledAfter} ms after the fault began; playing again ${Date.now() - healed} ms after it ended`,
      );
    },
    150_000,
  );
});
