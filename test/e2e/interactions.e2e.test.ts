/**
 * Issue #5 against the running demo app (emulator, billing, wallet) in headless Chromium: muting
 * the viewer through REST disables the input within 1 s and unmuting re-enables it; 99 rapid
 * clicks on a gift make 5 billing requests and the wallet drops by 99 × price; with the emulator
 * flooding at 200 msg/s, the viewer's own text and gift still appear in the chat.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROOM, startDemo, type DemoApp } from '../../demo/server/demo-app.ts';
import { DemoAdmin } from './demo-admin.ts';
import { launchChromium } from './harness.ts';
import { chatLines, collectPageErrors, waitForChatText } from './room-page.ts';

const VITE_CACHE = fileURLToPath(new URL('../../node_modules/.vite/interactions-e2e', import.meta.url));
let demo: DemoApp | undefined;
let browser: Browser | undefined;
let page: Page;
let admin: DemoAdmin;
let errors: string[] = [];
let viewer = '';

const inRoom = <T>(fn: (root: ShadowRoot, el: HTMLElement & Record<string, unknown>) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(document.querySelector('live-chat-room').shadowRoot, document.querySelector('live-chat-room'))`);

beforeAll(async () => {
  demo = await startDemo({ port: 0, host: '127.0.0.1', crowd: false, quiet: true, hmr: false, viteCacheDir: VITE_CACHE });
  admin = new DemoAdmin(demo.url, DEMO_ROOM);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  errors = collectPageErrors(page);
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/gifts')) billing.push(JSON.parse(r.postData() ?? '{}') as { count: number });
  });
  await page.goto(`${demo.url}/`);
  await page.waitForFunction(
    () => (document.querySelector('live-chat-room') as unknown as { connectionState: string } | null)?.connectionState === 'connected',
    undefined,
    { timeout: 30_000 },
  );
  viewer = await page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { userId: string }).userId);
  await page.waitForFunction(
    () => !!document.querySelector('live-chat-room')?.shadowRoot?.querySelector('[part~="gift-button"]'),
    undefined,
    { timeout: 15_000 },
  );
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const billing: { count: number }[] = [];
const wallet = async (): Promise<number> =>
  ((await (await fetch(`${demo!.url}/api/wallet?userID=${encodeURIComponent(viewer)}`)).json()) as { balance: number }).balance;
/** Resolves once a chat line's text contains `part` (polls every animation frame). */
const waitForChatContaining = (part: string, timeoutMs: number) =>
  page.waitForFunction(
    (t) =>
      [...(document.querySelector('live-chat-room')?.shadowRoot?.querySelectorAll('.log .line .text') ?? [])].some((el) =>
        el.textContent.includes(t),
      ),
    part,
    { timeout: timeoutMs, polling: 'raf' },
  );
const hasInput = () => inRoom((root) => !!root.querySelector('[part~="input"]'));

describe('interactions on the emulator', () => {
  it('the demo logs a viewer in by default', () => {
    expect(viewer).toMatch(/^viewer-/);
  });

  it('REST mute disables the input within 1 s; unmute re-enables it', async () => {
    expect(await hasInput()).toBe(true);
    await admin.rest('group_open_http_svc/forbid_send_msg', { GroupId: DEMO_ROOM, Members_Account: [viewer], MuteTime: 600 });
    const t0 = Date.now();
    await page.waitForFunction(() => !document.querySelector('live-chat-room')!.shadowRoot!.querySelector('[part~="input"]'), undefined, {
      timeout: 1000,
      polling: 20,
    });
    expect(Date.now() - t0).toBeLessThanOrEqual(1000);
    expect(await inRoom((root) => root.querySelector('[part~="input-status"]')?.textContent ?? '')).toMatch(/muted/i);
    await admin.rest('group_open_http_svc/forbid_send_msg', { GroupId: DEMO_ROOM, Members_Account: [viewer], MuteTime: 0 });
    await page.waitForFunction(() => !!document.querySelector('live-chat-room')!.shadowRoot!.querySelector('[part~="input"]'), undefined, {
      timeout: 1000,
      polling: 20,
    });
  });

  it('99 rapid clicks on a gift → 5 billing requests; the wallet drops by 99 × price', async () => {
    const before = await wallet();
    const price = await page.evaluate(
      () =>
        (document.querySelector('live-chat-room') as unknown as { catalog: { id: string; price: number }[] }).catalog.find(
          (g) => g.id === 'rose',
        )!.price,
    );
    await inRoom((root) => root.querySelector<HTMLButtonElement>('[part~="gift-button"]')!.click());
    await page.waitForFunction(() => !!document.querySelector('live-chat-room')!.shadowRoot!.querySelector('[part~="gift-tile"]'));
    await inRoom((root) =>
      [...root.querySelectorAll<HTMLButtonElement>('[part~="gift-tile"]')].find((b) => b.textContent.includes('Rose'))!.click(),
    );
    const send = page.locator('live-chat-room').locator('[part~="gift-send"]');
    await send.waitFor();
    for (let i = 0; i < 99; i++) await send.click({ delay: 0 });
    await expect.poll(() => billing.reduce((a, b) => a + b.count, 0), { timeout: 5000 }).toBe(99);
    expect(billing.length).toBe(5);
    await expect.poll(wallet, { timeout: 5000 }).toBe(before - 99 * price);
    await waitForChatContaining('Rose', 5000);
  });

  it('during a 200 msg/s flood the own text and the own gift still appear', async () => {
    const seen = new Set((await chatLines(page)).map((l) => l.id));
    await admin.crowd('flood', { rate: 200, seconds: 4 });
    // The flood is on the page (its lines arrive) before the viewer sends.
    await expect.poll(async () => (await chatLines(page)).filter((l) => !seen.has(l.id)).length, { timeout: 5000 }).toBeGreaterThan(20);
    const text = `mine ${Math.random().toString(36).slice(2, 8)}`;
    const sent = await page.evaluate(
      (t) => (document.querySelector('live-chat-room') as unknown as { sendText(t: string): Promise<{ ok: boolean }> }).sendText(t),
      text,
    );
    expect(sent.ok).toBe(true);
    const gift = await page.evaluate(() =>
      (document.querySelector('live-chat-room') as unknown as { sendGift(id: string, n: number): Promise<{ ok: boolean }> }).sendGift(
        'lollipop',
        3,
      ),
    );
    expect(gift.ok).toBe(true);
    await waitForChatText(page, text, 3000);
    await waitForChatContaining('Lollipop ×3', 3000);
    const lines = await chatLines(page);
    expect(lines.filter((l) => l.text.includes(text)).length).toBe(1);
    await admin.crowd('stop');
  });

  it('no page errors', () => {
    expect(errors).toEqual([]);
  });
});
