import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import '../../src/define.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { BARRAGE_SETTINGS_KEY, type BarrageSettings } from '../../src/barrage/index.ts';
import { inspectRoom, type BarrageView } from '../../src/testing.ts';
import type { PlayerState } from '../../src/player/player-state.ts';
import { encodeEnvelope } from '../../src/protocol/index.ts';

export async function mount(
  opts: { transport?: FakeTransport; userId?: string; attrs?: Record<string, string>; props?: Partial<LiveChatRoom> } = {},
) {
  const transport = opts.transport ?? new FakeTransport();
  const el = document.createElement('live-chat-room');
  el.style.width = '960px';
  el.roomId = 'room-1';
  el.transport = transport;
  if (opts.userId) el.userId = opts.userId;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) el.setAttribute(k, v);
  Object.assign(el, opts.props ?? {});
  document.body.append(el);
  await el.updateComplete;
  await until(() => transport.roomId === 'room-1');
  return { el, transport };
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error(`condition not met in ${timeoutMs} ms: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 16));
  }
}

let seq = 0;
export function textMessage(from: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    ID: `m-${++seq}`,
    type: 'TIMTextElem',
    payload: { text },
    from,
    nick: from,
    time: Math.floor(Date.now() / 1000),
    priority: 'Normal',
    ...extra,
  };
}

export function customMessage(from: string, cmd: string, info: Record<string, never> | Record<string, unknown>, priority = 'High') {
  return {
    ID: `c-${++seq}`,
    type: 'TIMCustomElem',
    payload: { data: encodeEnvelope(cmd, info as never) },
    from,
    nick: from,
    time: Math.floor(Date.now() / 1000),
    priority,
  };
}

/** A gift as the business server sends it once billed: from its trusted account, naming the payer. */
export function billedGift(payer: string, info: Record<string, unknown>) {
  return customMessage('administrator', 'send_gift_message', { senderID: payer, senderNick: payer, ...info });
}

export function chatLines(el: HTMLElement): string[] {
  return [...el.shadowRoot!.querySelectorAll('.log .line')].map((l) => l.textContent ?? '');
}

/** The chat line whose message text is `text` (as the viewer reads it), if shown. */
export function lineWith(el: HTMLElement, text: string): HTMLElement | undefined {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('.log .line')].find((l) => l.querySelector('.text')?.textContent === text);
}

/** The committed HLS fixture, served raw by the dev server (see vite.config.ts). */
export const VOD = '/demo/media/vod.m3u8';

/** A fresh page for the next test: no elements, no barrage settings persisted by the last one. */
export function resetPage(): void {
  document.body.replaceChildren();
  localStorage.removeItem(BARRAGE_SETTINGS_KEY);
}

/** Starts the next mounted element with these viewer barrage settings (the persisted, public way). */
export function presetBarrage(settings: Partial<BarrageSettings>): void {
  localStorage.setItem(BARRAGE_SETTINGS_KEY, JSON.stringify(settings));
}

/** What the room paints, through the public testing surface (`live-chat-room/testing`). */
export const barrageOf = (el: LiveChatRoom): BarrageView | undefined => inspectRoom(el).barrage;
export const playerStateOf = (el: LiveChatRoom): PlayerState | undefined => inspectRoom(el).player;

/** Waits until the element's video plays (hls.js on the fixture; a loaded machine may be slow). */
export async function untilPlaying(el: LiveChatRoom, src = VOD): Promise<void> {
  await until(() => playerStateOf(el)?.status === 'playing' && (playerStateOf(el)?.src ?? '').endsWith(src), 15_000);
}

export const $ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: HTMLElement, selector: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

export const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
/** `n` animation frames of the page: proof that the page went on rendering meanwhile. */
export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** The logged-in viewer the own-message tests use (mount with `userId: ME.id`). */
export const ME = { id: 'me', nick: 'Me' } as const;

/** The like count and heart counters, and the gift stage's counters (public testing surface). */
export const likesOf = (el: LiveChatRoom) => {
  const likes = inspectRoom(el).likes;
  return { total: likes?.total ?? 0, hearts: likes?.hearts ? { stats: () => inspectRoom(el).likes!.hearts! } : undefined };
};
export const giftsOf = (el: LiveChatRoom) => ({ stats: () => inspectRoom(el).gifts });

/** The catalog the interaction tests use (same-origin assets from the demo). */
export const CATALOG = [
  { id: 'rose', name: 'Rose', price: 5, type: 1, image: '/demo/public/gifts/rose.svg' },
  { id: 'crown', name: 'Crown', price: 99, type: 2, image: '/demo/public/gifts/crown.svg' },
  {
    id: 'rocket',
    name: 'Super Rocket',
    price: 520,
    type: 3,
    image: '/demo/public/gifts/rocket.svg',
    effect: '/demo/public/gifts/rocket.json',
  },
];

/** Replaces `fetch` for the gift endpoint only (the business server is the edge we cannot reach). */
export function stubGiftEndpoint(
  answer: (body: Record<string, unknown>) => { status: number; body: unknown } = () => ({ status: 200, body: { ok: true } }),
) {
  const requests: Record<string, unknown>[] = [];
  const real = window.fetch;
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/bill')) return real(input, init);
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
    requests.push(body);
    const a = answer(body);
    return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'content-type': 'application/json' } });
  };
  return { requests, restore: () => (window.fetch = real) };
}
