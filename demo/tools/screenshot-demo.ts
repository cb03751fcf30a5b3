/**
 * Takes the README's screenshots of a running demo (`npm start` first):
 *   npx tsx demo/tools/screenshot-demo.ts [http://127.0.0.1:8080] [scene…]
 * Scenes: live, mobile, reduced-motion, ended. Writes demo/screenshots/<scene>.png.
 */
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../test/setup/find-chromium.ts';

const base = process.argv[2]?.startsWith('http') ? process.argv[2] : 'http://127.0.0.1:8080';
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('http'));
const out = new URL('../screenshots/', import.meta.url);

async function adminCall(command: string, body: unknown): Promise<unknown> {
  const sig = (await (await fetch(`${base}/api/usersig`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userID":"administrator"}' })).json()) as { userSig: string };
  const cfg = (await (await fetch(`${base}/api/config`)).json()) as { sdkAppId: number };
  const url = `${base}/v4/${command}?sdkappid=${cfg.sdkAppId}&identifier=administrator&usersig=${encodeURIComponent(sig.userSig)}&random=${Math.floor(Math.random() * 1e9)}&contenttype=json`;
  return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
}

async function setState(state: string): Promise<void> {
  await adminCall('group_open_http_svc/modify_group_attr', { GroupId: 'demo-room', GroupAttr: [{ key: 'state', value: state }] });
  const data = JSON.stringify({ version: 1, businessID: 'flutter_live_kit', data: { cmd: 'room_state_changed', cmdInfo: { state, replayUrl: '/hls/demo-room/replay.m3u8' } } });
  await adminCall('group_open_http_svc/send_group_msg', { GroupId: 'demo-room', Random: Date.now(), MsgPriority: 'High', From_Account: 'administrator', MsgBody: [{ MsgType: 'TIMCustomElem', MsgContent: { Data: data } }] });
}

async function shoot(page: Page, name: string, waitMs: number): Promise<void> {
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForTimeout(waitMs);
  await page.locator('live-chat-room').screenshot({ path: new URL(`${name}.png`, out).pathname });
  console.log(`wrote demo/screenshots/${name}.png`);
}

const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
try {
  const scenes: Record<string, () => Promise<void>> = {
    live: async () => shoot(await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage(), 'live', 12_000),
    mobile: async () => shoot(await (await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })).newPage(), 'mobile', 10_000),
    'reduced-motion': async () => shoot(await (await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })).newPage(), 'reduced-motion', 10_000),
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
  };
  for (const [name, run] of Object.entries(scenes)) if (wanted.length === 0 || wanted.includes(name)) await run();
} finally {
  await browser.close();
}
