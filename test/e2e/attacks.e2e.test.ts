/**
 * Issue #20's attack table as a regression suite. Mallory is an ordinary logged-in viewer of the
 * demo (a session, a UserSig for herself) who speaks the wire protocol directly — the same custom
 * messages any Tencent SDK user can send. The emulator runs with the business server's
 * before-send callback switched OFF (a misconfigured production), so what is asserted here is the
 * element's own defence: the victim's page shows none of it, and the drops are counted.
 * (The callback's refusals, 10016, are tested in test/unit/emulator/app-api.test.ts.)
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ROOM, type DemoApp } from '../../demo/server/demo-app.ts';
import { encodeEnvelope, encodeGift } from '../../src/protocol/index.ts';
import { TestClient } from '../unit/emulator/helpers.ts';
import { DemoAdmin } from './demo-admin.ts';
import { openDemoPage } from './demo-page.ts';
import { recorded } from './room-page.ts';

let demo: DemoApp | undefined;
let browser: Browser | undefined;
let page: Page;
let mallory: TestClient | undefined;
let errors: string[] = [];
const requested: string[] = [];

const inRoom = <T>(fn: (root: ShadowRoot, el: HTMLElement & Record<string, unknown>) => T): Promise<T> =>
  page.evaluate(`(${fn.toString()})(document.querySelector('live-chat-room').shadowRoot, document.querySelector('live-chat-room'))`);

/** Logs Mallory in as a demo viewer would, then opens her own socket with her own UserSig. */
async function malloryConnects(base: string, wsUrl: string): Promise<TestClient> {
  const login = await fetch(`${base}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userID: 'mallory', nick: 'Mallory' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const sig = (await (
    await fetch(`${base}/api/usersig`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{"userID":"mallory"}',
    })
  ).json()) as { userSig: string };
  const c = await TestClient.open(wsUrl);
  await c.ok('login', { userId: 'mallory', userSig: sig.userSig, nick: 'Mallory', level: 99 });
  await c.ok('join', { roomId: DEMO_ROOM });
  return c;
}

const custom = (cmd: string, cmdInfo: Record<string, unknown>) => ({
  type: 'TIMCustomElem',
  data: encodeEnvelope(cmd, cmdInfo as never),
  description: cmd,
  extension: '',
  priority: 'high',
  cloudCustomData: '',
});

beforeAll(async () => {
  const opened = await openDemoPage('attacks-e2e', { LCR_TRUST_CALLBACK: 'off' });
  demo = opened.demo;
  browser = opened.browser;
  page = opened.page;
  errors = opened.errors;
  page.on('request', (r) => requested.push(r.url()));
  await page.addInitScript(() => {
    const seen = { gifts: [] as string[], states: [] as string[], messages: [] as { kind: string; priority: string; text?: string }[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    document.addEventListener('lcr-gift', (e) => seen.gifts.push(JSON.stringify((e as CustomEvent).detail)));
    document.addEventListener('lcr-room-state-change', (e) => seen.states.push(String((e as CustomEvent<{ state: string }>).detail.state)));
    document.addEventListener('lcr-message', (e) => {
      const d = (e as CustomEvent<{ kind: string; priority: string; text?: string }>).detail;
      seen.messages.push({ kind: d.kind, priority: d.priority, ...(d.text ? { text: d.text } : {}) });
    });
  });
  // The room is live with the demo's own stream before the attacks.
  await new DemoAdmin(demo.url, DEMO_ROOM).rest('group_open_http_svc/modify_group_attr', {
    GroupId: DEMO_ROOM,
    GroupAttr: [{ key: 'state', value: 'live' }],
  });
  await page.goto(`${demo.url}/`);
  await page.waitForFunction(
    () => (document.querySelector('live-chat-room') as unknown as { connectionState: string } | null)?.connectionState === 'connected',
    undefined,
    { timeout: 30_000 },
  );
  await page.waitForFunction(
    () => (document.querySelector('live-chat-room') as unknown as { roomState: string }).roomState === 'live',
    undefined,
    { timeout: 15_000 },
  );
  mallory = await malloryConnects(demo.url, demo.emulator.wsUrl);
}, 120_000);

afterAll(async () => {
  mallory?.close();
  await browser?.close();
  await demo?.close();
});

describe('a viewer sending what only the business server may send', () => {
  it("changes nothing on the victim's page; every attack is a counted drop", async () => {
    const m = mallory!;
    const attacks = [
      custom('room_state_changed', { state: 'ended' }),
      custom('room_state_changed', { state: 'live', streamUrl: 'https://evil.test/live.m3u8' }),
      { ...custom('send_gift_message', {}), data: encodeGift({ type: 2, name: 'Crown', count: 99, units: '' }) },
      {
        ...custom('send_gift_message', {}),
        data: encodeGift({ type: 3, name: 'Super Rocket', count: 1, units: '', effectUrl: '/gifts/rocket.json' }),
      },
      custom('system_notice', { text: 'your account is suspended, verify at evil.test' }),
      custom('announcement_changed', { text: 'Mallory owns this room' }),
      custom('audience_count', { count: 987_654_321 }),
    ];
    for (const wire of attacks) expect(await m.request('send', { wire })).toMatchObject({ ok: true }); // the callback is off: the room takes them
    await m.ok('send', {
      wire: { type: 'TIMTextElem', text: 'i am staff', priority: 'high', cloudCustomData: '{"lcr":{"role":"admin","level":99}}' },
    });
    await m.ok('send', { wire: { type: 'TIMTextElem', text: 'mallory-done', priority: 'normal', cloudCustomData: '' } });
    // Normal text is delivered after the High ones: once it shows, all of the attacks arrived.
    await page.waitForFunction(
      () =>
        [...(document.querySelector('live-chat-room')?.shadowRoot?.querySelectorAll('.log .line .text') ?? [])].some(
          (el) => el.textContent === 'mallory-done',
        ),
      undefined,
      { timeout: 15_000 },
    );
    // And the drops were counted (metrics come at most once a second).
    await page.waitForFunction(
      () =>
        ((window as unknown as { __lcr: { metrics: { dropped: Record<string, number> }[] } }).__lcr.metrics.at(-1)?.dropped.untrusted ??
          0) >= 7,
      undefined,
      { timeout: 5000 },
    );

    const view = await inRoom((root, el) => ({
      state: el.roomState,
      ended: el.matches(':state(ended)'),
      video: !!root.querySelector('video'),
      videoSrc: root.querySelector('video')?.currentSrc ?? '',
      banner: root.querySelector('.gift-banners-host')?.textContent ?? '',
      effect: !!root.querySelector('.gift-effect-host canvas, .gift-effect-host .gift-effect-card'),
      chat: [...root.querySelectorAll('.log .line')].map((l) => l.textContent ?? ''),
      header: root.querySelector('[part~="header"]')?.textContent ?? '',
      staffBadges: [
        ...([...root.querySelectorAll('.log .line')].find((l) => l.textContent.includes('i am staff'))?.querySelectorAll('.badge.role') ??
          []),
      ].length,
    }));
    const seen = await page.evaluate(
      () =>
        (
          window as unknown as {
            __seen: { gifts: string[]; states: string[]; messages: { kind: string; priority: string; text?: string }[] };
          }
        ).__seen,
    );

    expect(view.state).toBe('live'); // not ended
    expect(view.ended).toBe(false);
    expect(view.video).toBe(true);
    expect(requested.some((u) => u.includes('evil.test'))).toBe(false); // the attacker's stream was never loaded
    expect(view.videoSrc.includes('evil.test')).toBe(false);
    expect(view.banner).not.toContain('Crown');
    expect(view.banner).not.toContain('Mallory');
    expect(view.effect).toBe(false);
    expect(seen.gifts).toEqual([]);
    expect(seen.states.filter((s) => s !== 'live')).toEqual([]);
    expect(view.chat.some((l) => l.includes('suspended'))).toBe(false);
    expect(view.header).not.toContain('Mallory owns this room');
    expect(view.header).not.toMatch(/987/);
    expect(view.staffBadges).toBe(0); // no Admin badge from a claim
    // Mallory's High text is Normal for the victim's shedding.
    expect(seen.messages.find((x) => x.text === 'i am staff')).toMatchObject({ kind: 'text', priority: 'normal' });
    const metrics = (await recorded(page)).metrics.at(-1)!;
    expect(metrics.dropped.untrusted).toBeGreaterThanOrEqual(7);
    expect(errors).toEqual([]);
  }, 60_000);
});
