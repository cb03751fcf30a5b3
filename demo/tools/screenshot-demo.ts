/**
 * Takes the README's screenshots of a running demo (`npm start` first):
 *   npx tsx demo/tools/screenshot-demo.ts [http://127.0.0.1:8080] [scene…]
 * Scenes: live, mobile, reduced-motion, ended, gift-panel, gift-banner, gift-effect, hearts,
 * input-muted, failed-send. Writes demo/screenshots/<scene>.png.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../test/setup/find-chromium.ts';

const base = process.argv[2]?.startsWith('http') ? process.argv[2] : 'http://127.0.0.1:8080';
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('http'));
const out = new URL('../screenshots/', import.meta.url);

async function adminCall(command: string, body: unknown): Promise<unknown> {
  const sig = (await (
    await fetch(`${base}/api/usersig`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userID":"administrator"}',
    })
  ).json()) as { userSig: string };
  const cfg = (await (await fetch(`${base}/api/config`)).json()) as { sdkAppId: number };
  const url = `${base}/v4/${command}?sdkappid=${cfg.sdkAppId}&identifier=administrator&usersig=${encodeURIComponent(sig.userSig)}&random=${Math.floor(Math.random() * 1e9)}&contenttype=json`;
  return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
}

/** The crowd simulator on or off (a quiet room shows the viewer's own lines). */
async function crowd(action: 'start' | 'stop'): Promise<void> {
  const sig = (await (
    await fetch(`${base}/api/usersig`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"userID":"administrator"}',
    })
  ).json()) as { userSig: string };
  const cfg = (await (await fetch(`${base}/api/config`)).json()) as { sdkAppId: number };
  const query = `sdkappid=${cfg.sdkAppId}&identifier=administrator&usersig=${encodeURIComponent(sig.userSig)}&random=1&contenttype=json`;
  await fetch(`${base}/api/crowd?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ roomId: 'demo-room', action }),
  });
}

async function setState(state: string): Promise<void> {
  await adminCall('group_open_http_svc/modify_group_attr', { GroupId: 'demo-room', GroupAttr: [{ key: 'state', value: state }] });
  const data = JSON.stringify({
    version: 1,
    businessID: 'flutter_live_kit',
    data: { cmd: 'room_state_changed', cmdInfo: { state, replayUrl: '/hls/demo-room/replay.m3u8' } },
  });
  await adminCall('group_open_http_svc/send_group_msg', {
    GroupId: 'demo-room',
    Random: Date.now(),
    MsgPriority: 'High',
    From_Account: 'administrator',
    MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: data } }],
  });
}

async function shoot(page: Page, name: string, waitMs: number): Promise<void> {
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForTimeout(waitMs);
  await page.locator('live-chat-room').screenshot({ path: new URL(`${name}.png`, out).pathname });
  console.log(`wrote demo/screenshots/${name}.png`);
}

/** The demo page, logged in as this tab's viewer and connected; answers the viewer id. */
async function openRoom(width = 1280, height = 900): Promise<{ page: Page; viewer: string }> {
  const page = await (await browser.newContext({ viewport: { width, height } })).newPage();
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(
    () => (document.querySelector('live-chat-room') as unknown as { connectionState: string }).connectionState === 'connected',
  );
  await page.waitForTimeout(3000);
  const viewer = await page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { userId: string }).userId);
  return { page, viewer };
}

async function snap(page: Page, name: string): Promise<void> {
  await page.locator('live-chat-room').screenshot({ path: new URL(`${name}.png`, out).pathname });
  console.log(`wrote demo/screenshots/${name}.png`);
}

const inRoom = (page: Page, selector: string) => page.locator('live-chat-room').locator(selector);

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  const scenes: Record<string, () => Promise<void>> = {
    live: async () => shoot(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage(), 'live', 12_000),
    mobile: async () =>
      shoot(await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })).newPage(), 'mobile', 10_000),
    'reduced-motion': async () =>
      shoot(
        await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage(),
        'reduced-motion',
        10_000,
      ),
    ended: async () => {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
      await page.goto(base, { waitUntil: 'load' });
      await page.waitForTimeout(4000);
      await setState('ended');
      await page.waitForTimeout(2000);
      await page.locator('live-chat-room').screenshot({ path: new URL('ended.png', out).pathname });
      console.log('wrote demo/screenshots/ended.png');
      await setState('live');
    },
    'gift-panel': async () => {
      const { page } = await openRoom();
      await inRoom(page, '[part~="gift-button"]').click();
      await inRoom(page, '[part~="gift-tile"]').nth(3).click();
      await inRoom(page, '[part~="gift-count"]').nth(1).click();
      await page.waitForTimeout(300);
      await snap(page, 'gift-panel');
    },
    'gift-banner': async () => {
      const { page } = await openRoom();
      await inRoom(page, '[part~="gift-button"]').click();
      await inRoom(page, '[part~="gift-tile"]').nth(3).click();
      for (let i = 0; i < 12; i++) await inRoom(page, '[part~="gift-send"]').click();
      await inRoom(page, '.gift-close').click();
      await page.waitForTimeout(1600);
      await snap(page, 'gift-banner');
    },
    'gift-effect': async () => {
      const { page } = await openRoom();
      await page.evaluate(() =>
        (document.querySelector('live-chat-room') as unknown as { sendGift(id: string, n: number): Promise<unknown> }).sendGift(
          'rocket',
          1,
        ),
      );
      await page.waitForTimeout(1500);
      await snap(page, 'gift-effect');
    },
    hearts: async () => {
      const { page } = await openRoom();
      // 30 quick taps (about 25 per second), then the picture while the hearts rise.
      await page.evaluate(async () => {
        const button = document.querySelector('live-chat-room')!.shadowRoot!.querySelector<HTMLButtonElement>('[part~="like-button"]')!;
        for (let i = 0; i < 30; i++) {
          button.click();
          await new Promise((r) => setTimeout(r, 40));
        }
      });
      await snap(page, 'hearts');
    },
    'input-muted': async () => {
      const { page, viewer } = await openRoom();
      await adminCall('group_open_http_svc/forbid_send_msg', { GroupId: 'demo-room', Members_Account: [viewer], MuteTime: 300 });
      await page.waitForTimeout(1200);
      await snap(page, 'input-muted');
      await adminCall('group_open_http_svc/forbid_send_msg', { GroupId: 'demo-room', Members_Account: [viewer], MuteTime: 0 });
    },
    'failed-send': async () => {
      const { page } = await openRoom();
      await crowd('stop');
      await page.waitForTimeout(1000);
      const input = inRoom(page, '[part~="input"]');
      await input.fill('this is a scam offer');
      await input.press('Enter');
      await page.waitForTimeout(800);
      await snap(page, 'failed-send');
      await crowd('start');
    },
  };
  for (const [name, run] of Object.entries(scenes)) if (wanted.length === 0 || wanted.includes(name)) await run();
} finally {
  await browser.close();
}
