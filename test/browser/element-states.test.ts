/**
 * Every room state and connection state renders its own view and sets its CSS custom state;
 * the player follows the room (nothing plays before the start, VOD plays for a replay).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { playerResources } from '../../src/player/player-resources.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import type { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { $, $$, mount, playerStateOf, resetPage, until, untilPlaying, VOD } from './element-helpers.ts';

const POSTER = '/demo/public/poster.jpg';
const AVATAR = '/demo/public/gifts/crown.svg';
const ANCHOR = { userId: 'mina', nick: 'Mina', avatar: AVATAR, followers: 1200 };

beforeEach(async () => {
  resetPage();
  await page.viewport(1000, 700);
});
afterEach(resetPage);

const setState = (transport: FakeTransport, state: string, extra: Record<string, string> = {}) =>
  transport.emit({ kind: 'attributes', attributes: { state, ...extra } });

/** Exactly one of the room states is set, and it is `name`. */
function onlyRoomState(el: LiveChatRoom, name: string): void {
  for (const s of ['upcoming', 'live', 'paused', 'ended', 'replay']) expect(el.matches(`:state(${s})`), s).toBe(s === name);
}

describe('room states', () => {
  it('upcoming: the poster card with a countdown that ticks; nothing plays', async () => {
    const { el, transport } = await mount({ attrs: { src: VOD, poster: POSTER } });
    setState(transport, 'upcoming', { startTime: String(Date.now() + 125_000) });
    await until(() => !!$(el, '.card.upcoming'));
    onlyRoomState(el, 'upcoming');
    expect($(el, '.card.upcoming')!.style.backgroundImage).toContain(POSTER);
    expect($(el, 'video')!.getAttribute('poster')).toBe(POSTER);
    expect($(el, '.state-badge')!.textContent).toBe('Starting soon');
    const countdown = () => $(el, '.countdown')?.textContent ?? '';
    expect(countdown()).toMatch(/^2:0[45]$/);
    const first = countdown();
    await until(() => countdown() !== first, 2500); // the clock ticks once a second
    expect(countdown()).toMatch(/^2:0[345]$/);
    expect(playerStateOf(el)?.status ?? 'idle').toBe('idle');
    expect(playerResources().hlsInstances).toBe(0);
  });

  it('live: the badge, no card, and the stream plays', async () => {
    const { el, transport } = await mount({ attrs: { src: VOD } });
    setState(transport, 'live');
    await until(() => el.matches(':state(live)'));
    onlyRoomState(el, 'live');
    expect($(el, '.state-badge')!.textContent).toBe('LIVE');
    expect($(el, '.card')).toBeNull();
    await untilPlaying(el);
    expect(playerStateOf(el)).toMatchObject({ src: VOD, live: true });
  });

  it('paused: the paused card over the frozen stream', async () => {
    const { el, transport } = await mount({ attrs: { src: VOD } });
    setState(transport, 'live');
    setState(transport, 'paused');
    await until(() => !!$(el, '.card.paused'));
    onlyRoomState(el, 'paused');
    expect($(el, '.card.paused h2')!.textContent).toBe('The anchor paused the stream');
  });

  it('ended: the card with the anchor; "Watch the replay" plays the VOD', async () => {
    const { el, transport } = await mount({ props: { anchor: ANCHOR } });
    setState(transport, 'ended', { replayUrl: VOD });
    await until(() => !!$(el, '.card.ended'));
    onlyRoomState(el, 'ended');
    const card = $(el, '.card.ended')!;
    expect(card.querySelector('img.avatar')!.getAttribute('src')).toBe(AVATAR);
    expect(card.textContent).toContain('Thanks for watching Mina.');
    expect(playerStateOf(el)?.status ?? 'idle').toBe('idle');
    const replay = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Watch the replay')!;
    replay.click();
    await untilPlaying(el);
    expect(playerStateOf(el)).toMatchObject({ src: VOD, live: false });
    // The card steps aside so the replay is seen, with the player's own controls.
    await until(() => !$(el, '.card.ended'));
    expect($(el, '[part~="unmute-button"]')).not.toBeNull();
    expect(el.matches(':state(ended)')).toBe(true);
  });

  it("replay: plays the room's replayUrl as VOD", async () => {
    const { el, transport } = await mount();
    setState(transport, 'replay', { replayUrl: VOD });
    await until(() => el.matches(':state(replay)'));
    onlyRoomState(el, 'replay');
    expect($(el, '.state-badge')!.textContent).toBe('Replay');
    await untilPlaying(el);
    expect(playerStateOf(el)).toMatchObject({ src: VOD, live: false, engine: 'hls.js' });
    expect(playerResources().hlsInstances).toBe(1);
  });
});

describe('connection states', () => {
  it('connecting, reconnecting (banner), offline (banner) and back to connected', async () => {
    const { el, transport } = await mount();
    const banner = () => $(el, '[part~="connection-banner"]');
    const dot = () => $(el, '[part~="connection"]')!;
    const seen: string[] = [];
    el.addEventListener('lcr-connection-change', (e) => seen.push(e.detail.state));
    await until(() => el.matches(':state(connected)'));
    expect(banner()).toBeNull();

    transport.state.next('connecting');
    await until(() => el.matches(':state(connecting)'));
    expect(dot().getAttribute('aria-label')).toBe('Connecting…');
    expect(banner()).toBeNull();

    transport.state.next('reconnecting');
    await until(() => el.matches(':state(reconnecting)'));
    expect(banner()!.textContent).toBe('Reconnecting…');
    expect(banner()!.getAttribute('role')).toBe('status');
    expect(el.matches(':state(connecting)')).toBe(false);

    transport.state.next('offline');
    await until(() => el.matches(':state(offline)'));
    expect(banner()!.textContent).toBe('Offline');
    expect(dot().getAttribute('aria-label')).toBe('Offline');

    transport.state.next('connected');
    await until(() => el.matches(':state(connected)') && !banner());
    expect(el.connectionState).toBe('connected');
    expect(seen).toEqual(['connecting', 'reconnecting', 'offline', 'connected']);
  });
});

describe('kicked and banned', () => {
  const REASONS: [string, RegExp][] = [
    ['multipleAccount', /another window/],
    ['multipleDevice', /another device/],
    ['userSigExpired', /session expired/],
    ['REST_API_Kick', /removed from this room/],
  ];
  it.each(REASONS)('kicked (%s): the overlay says why, and the session leaves the room', async (reason, text) => {
    const { el, transport } = await mount({ userId: 'me' });
    const kicked = new Promise<string>((resolve) => el.addEventListener('lcr-kicked', (e) => resolve(e.detail.reason)));
    transport.emit({ kind: 'kicked', reason: reason });
    expect(await kicked).toBe(reason);
    await until(() => !!$(el, '.blocker'));
    expect($(el, '.blocker')!.textContent).toMatch(text);
    expect($(el, '.blocker')!.getAttribute('role')).toBe('alertdialog');
    expect(el.matches(':state(kicked)')).toBe(true);
    await until(() => transport.roomId === undefined); // left; never rejoined on its own
  });

  it('banned from the live room (group tip 10): the banned overlay', async () => {
    const { el, transport } = await mount({ userId: 'me' });
    transport.push({
      ID: 'tip-ban',
      type: 'TIMGroupTipElem',
      payload: { operationType: 10, userIDList: ['me'], duration: 600 },
      from: '@TIM#SYSTEM',
      time: Math.floor(Date.now() / 1000),
    });
    await until(() => !!$(el, '.blocker'));
    expect($(el, '.blocker')!.textContent).toContain('You are banned from this room for now.');
    expect(el.matches(':state(kicked)')).toBe(true);
    // Someone else's ban does not block this viewer.
    const other = await mount({ userId: 'you' });
    other.transport.push({
      ID: 'tip-ban-2',
      type: 'TIMGroupTipElem',
      payload: { operationType: 10, userIDList: ['me'], duration: 600 },
      from: '@TIM#SYSTEM',
      time: 1,
    });
    other.transport.push({ ID: 'after', type: 'TIMTextElem', payload: { text: 'still here' }, from: 'x', time: 1 });
    await until(() => $$(other.el, '.log .line').length === 1);
    expect($(other.el, '.blocker')).toBeNull();
  });
});
