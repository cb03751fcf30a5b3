/**
 * Keyboard: Tab reaches every control of the room in reading order (header, stage, chat and its
 * input, then the like/gift actions), each
 * target is at least 24×24 px and named, and Enter / Space activate them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { MediaDir } from './player-media.ts';
import { $, chatLines, lineWith, ME, mount, playerStateOf, resetPage, textMessage, until, untilPlaying, VOD } from './element-helpers.ts';

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
let media: MediaDir | undefined;
let ticker: ReturnType<typeof setInterval> | undefined;
afterEach(async () => {
  clearInterval(ticker);
  resetPage();
  await media?.cleanup();
  media = undefined;
});

const active = (el: LiveChatRoom) => el.shadowRoot!.activeElement as HTMLElement | null;

/** A short description of a focus stop, for readable failures. */
function describeStop(node: HTMLElement): string {
  const part = node.getAttribute('part');
  return part ? part.split(' ')[0]! : node.classList.contains('log') ? 'log' : (node.classList[0] ?? node.tagName.toLowerCase());
}

/** Tabs from the page until focus leaves the element; every stop must be named and ≥ 24×24 px. */
async function tabStops(el: LiveChatRoom, max = 30): Promise<string[]> {
  (document.activeElement as HTMLElement | null)?.blur();
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await userEvent.tab();
    const node = active(el);
    if (document.activeElement !== el || !node) break;
    const rect = node.getBoundingClientRect();
    const name = node.getAttribute('aria-label') ?? node.textContent?.trim() ?? '';
    expect(name, describeStop(node)).not.toBe('');
    expect(Math.min(rect.width, rect.height), `${describeStop(node)} is ${rect.width}×${rect.height}`).toBeGreaterThanOrEqual(24);
    stops.push(describeStop(node));
  }
  return stops;
}

/** Tabs until `selector` has focus (from wherever focus is). */
async function tabTo(el: LiveChatRoom, selector: string): Promise<HTMLElement> {
  for (let i = 0; i < 30; i++) {
    if (active(el)?.matches(selector)) return active(el)!;
    await userEvent.tab();
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function liveRoom(transport = new FakeTransport()) {
  const mounted = await mount({
    transport,
    userId: ME.id,
    attrs: { src: VOD },
    props: {
      anchor: { nick: 'Mina', followers: 120 },
      announcement:
        'Welcome! Flash sale until 9 pm, every order ships free today. Ask about sizes in the chat and follow for the next drop on Friday.',
    },
  });
  mounted.transport.emit({ kind: 'attributes', attributes: { state: 'live' } });
  await untilPlaying(mounted.el);
  for (let i = 0; i < 40; i++) mounted.transport.push(textMessage(`fan${i}`, `line ${i}`));
  await until(() => chatLines(mounted.el).length === 40);
  return mounted;
}

describe('keyboard', () => {
  it('Tab reaches every control in reading order: header, stage, chat', async () => {
    const { el } = await liveRoom();
    // The fixture is a 24 s VOD played as the live stream: from the first live-edge sample (1 s
    // after start, later on a loaded machine) the player may offer "back to live", a real stop.
    // Tab once the verdict is in, so the control set does not change halfway through.
    await until(() => playerStateOf(el)?.latency != null, 5000);
    await el.updateComplete;
    const behind = playerStateOf(el)!.behindLive;
    const stops = await tabStops(el);
    // The send button is disabled while the draft is empty, so it is not a stop yet.
    expect(stops).toEqual([
      'follow-button',
      'announcement-toggle',
      'unmute-button',
      ...(behind ? ['back-to-live'] : []),
      'barrage-toggle',
      'barrage-settings-button',
      'log',
      'input',
      'like-button',
    ]);
    expect($(el, '.log')!.getAttribute('role')).toBe('log');
    expect($(el, '.log')!.getAttribute('aria-label')).toBe('Chat');
  });

  it('Enter and Space activate follow, more/less, the barrage toggle, its settings and unmute', async () => {
    const { el } = await liveRoom();
    const follows: boolean[] = [];
    el.addEventListener('lcr-follow-request', (e) => follows.push(e.detail.follow));
    await tabTo(el, '[part~="follow-button"]');
    await userEvent.keyboard('{Enter}');
    await userEvent.keyboard(' ');
    expect(follows).toEqual([true, true]);

    const more = await tabTo(el, '[part~="announcement-toggle"]');
    await userEvent.keyboard('{Enter}');
    await until(() => more.getAttribute('aria-expanded') === 'true');
    expect(more.textContent.trim()).toBe('Less');
    await userEvent.keyboard(' ');
    await until(() => more.getAttribute('aria-expanded') === 'false');

    const toggle = await tabTo(el, '[part~="barrage-toggle"]');
    await userEvent.keyboard(' ');
    await until(() => toggle.getAttribute('aria-pressed') === 'false');
    expect(active(el)).toBe(toggle); // focus stays on the control
    await userEvent.keyboard('{Enter}');
    await until(() => toggle.getAttribute('aria-pressed') === 'true');

    const settings = await tabTo(el, '[part~="barrage-settings-button"]');
    await userEvent.keyboard('{Enter}');
    await until(() => settings.getAttribute('aria-expanded') === 'true' && !!$(el, '.barrage-panel'));
    await userEvent.tab(); // into the panel
    expect(active(el)!.closest('.barrage-panel')).not.toBeNull();
    settings.focus();
    await userEvent.keyboard(' ');
    await until(() => !$(el, '.barrage-panel'));

    await tabTo(el, '[part~="unmute-button"]');
    expect(playerStateOf(el)!.muted).toBe(true);
    await userEvent.keyboard('{Enter}');
    await until(() => playerStateOf(el)!.muted === false);
    expect($(el, '[part~="unmute-button"]')).toBeNull();
  });

  it('the chat log scrolls by keyboard; the new-messages pill is reachable, scrolls down, and focus stays in the chat', async () => {
    const { el, transport } = await liveRoom();
    const log = await tabTo(el, '.log');
    expect(log.scrollTop).toBeGreaterThan(0); // it follows the newest line
    await userEvent.keyboard('{Home}');
    await until(() => log.scrollTop === 0);
    for (let i = 0; i < 3; i++) transport.push(textMessage(`late${i}`, `late ${i}`));
    const pill = $<HTMLButtonElement>(el, '.new-pill')!;
    await until(() => !pill.hidden);
    expect(pill.textContent).toBe('3 new messages');
    await userEvent.tab();
    expect(active(el)).toBe(pill);
    const r = pill.getBoundingClientRect();
    expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(24);
    await userEvent.keyboard('{Enter}');
    await until(() => pill.hidden);
    expect(log.scrollHeight - log.scrollTop - log.clientHeight).toBeLessThanOrEqual(24);
    expect(active(el)).toBe(log); // not dropped on the page when the pill hides
  });

  it("a failed own message's retry button is reached inside the log and re-sends", async () => {
    const transport = new FakeTransport({
      onSend: (_wire, i) => (i === 0 ? { ok: false, reason: 'too-fast' } : { ok: true, id: `s${i}`, time: Date.now() }),
    });
    const { el } = await liveRoom(transport);
    expect(await el.sendText('try again')).toMatchObject({ ok: false, reason: 'too-fast' });
    const line = () => lineWith(el, 'try again');
    await until(() => !!line()?.querySelector('.retry'));
    const retry = line()!.querySelector<HTMLButtonElement>('.retry')!;
    const stops = await tabStops(el);
    expect(stops.slice(stops.indexOf('log'), stops.indexOf('log') + 3)).toEqual(['log', 'chat-retry', 'input']);
    retry.focus();
    await userEvent.keyboard('{Enter}');
    await until(() => transport.sent.length === 2);
    await until(() => line()!.dataset.status === 'sent');
  });

  it("the player error card's Retry is reached and reloads the stream", async () => {
    performance.clearResourceTimings();
    const { el, transport } = await mount();
    transport.emit({ kind: 'attributes', attributes: { state: 'replay', replayUrl: '/demo/media/missing-replay.m3u8' } });
    await until(() => playerStateOf(el)?.status === 'error');
    const stops = await tabStops(el);
    expect(stops).toContain('retry-button');
    await tabTo(el, '[part~="retry-button"]');
    // Each load asks for the playlist again: count the requests (resource timing sees 404s too).
    const requests = () => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/missing-replay.m3u8')).length;
    const before = requests();
    expect(before).toBeGreaterThan(0);
    await userEvent.keyboard(' ');
    await until(() => requests() > before);
    await until(() => playerStateOf(el)?.status === 'error'); // the playlist is still missing
  });

  it('"Back to live" is reached by keyboard once the viewer fell behind a sliding live window, and returns to the edge', async () => {
    media = new MediaDir('kbd-live');
    let first = 0;
    const url = await media.writeLive('live.m3u8', first, 4);
    ticker = setInterval(() => {
      if (first + 4 >= 14) return;
      first += 1;
      void media!.writeLive('live.m3u8', first, 4);
    }, 2000); // the origin's clock: one new 2 s segment per target duration
    const { el, transport } = await mount({ userId: ME.id, attrs: { src: url } });
    transport.emit({ kind: 'attributes', attributes: { state: 'live' } });
    await until(() => el.matches(':state(live)') && el.videoState === 'playing', 15_000);
    const video = $<HTMLVideoElement>(el, '[part~="video"]')!;
    video.pause(); // the viewer paused while the window slides on
    await until(() => !!$(el, '[part~="back-to-live"]'), 20_000);
    const behindBy = playerStateOf(el)!.latency!;
    const button = await tabTo(el, '[part~="back-to-live"]');
    expect(button.textContent.trim()).toBe('Back to live');
    await userEvent.keyboard('{Enter}');
    await until(() => el.videoState === 'playing' && !$(el, '[part~="back-to-live"]'), 10_000);
    expect(playerStateOf(el)!.latency!).toBeLessThan(behindBy);
  }, 60_000);
});
