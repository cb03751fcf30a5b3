/**
 * Probes of a demo page holding one `<live-chat-room>` (Playwright): a recorder of the element's
 * `lcr-*` events installed before the page's scripts, the page's errors, and readers of the
 * element's shadow DOM (video time, chat lines, cards, banner, connection state).
 */
import type { ConsoleMessage, Page } from 'playwright-core';

export interface BarrageStatsSample {
  onScreen: number;
  lanes: number;
  freeCapacity: number;
  pushed: number;
  placed: number;
  rejected: number;
  framesDrawn: number;
  mode: string;
  [key: string]: unknown;
}

export interface MetricsSample {
  at: number;
  dropped: Record<string, number>;
  droppedByPriority: Record<string, number>;
  decoded: number;
  admitted: number;
  queueDepth: number;
  barrage?: BarrageStatsSample;
}

export interface Recorded {
  metrics: MetricsSample[];
  connections: Array<{ at: number; state: string; previous: string }>;
  errors: Array<{ code: string; message: string }>;
}

/** Installs the recorder; call before `page.goto`. Keeps the last 600 metrics samples. */
export async function recordRoomEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const rec = { metrics: [] as unknown[], connections: [] as unknown[], errors: [] as unknown[] };
    (window as unknown as { __lcr: typeof rec }).__lcr = rec;
    document.addEventListener('lcr-metrics', (e) => {
      rec.metrics.push({ at: performance.now(), ...(e as CustomEvent).detail });
      if (rec.metrics.length > 600) rec.metrics.shift();
    });
    document.addEventListener('lcr-connection-change', (e) => {
      const d = (e as CustomEvent<{ state: string; previous: string }>).detail;
      rec.connections.push({ at: performance.now(), state: d.state, previous: d.previous });
    });
    document.addEventListener('lcr-error', (e) => {
      const d = (e as CustomEvent<{ code: string; message: string }>).detail;
      rec.errors.push({ code: d.code, message: d.message });
    });
  });
}

export function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as unknown as { __lcr: Recorded }).__lcr);
}

/** Uncaught page errors and console errors, as text, in order. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  return errors;
}

export function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('live-chat-room')?.shadowRoot?.querySelector('video')?.currentTime ?? -1);
}

export interface ChatLine {
  id: string;
  nick: string;
  text: string;
}

export function chatLines(page: Page): Promise<ChatLine[]> {
  return page.evaluate(() =>
    [...(document.querySelector('live-chat-room')?.shadowRoot?.querySelectorAll<HTMLElement>('.log .line') ?? [])].map((l) => ({
      id: l.dataset.id ?? '',
      nick: l.querySelector('.nick')?.textContent ?? '',
      text: l.querySelector('.text')?.textContent ?? '',
    })),
  );
}

/** Resolves once a chat line with exactly this text is in the DOM (polls every animation frame). */
export async function waitForChatText(page: Page, text: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (t) =>
      [...(document.querySelector('live-chat-room')?.shadowRoot?.querySelectorAll('.log .line .text') ?? [])].some(
        (el) => el.textContent === t,
      ),
    text,
    { timeout: timeoutMs, polling: 'raf' },
  );
}

export function connectionState(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { connectionState: string }).connectionState);
}

export function roomState(page: Page): Promise<string> {
  return page.evaluate(() => (document.querySelector('live-chat-room') as unknown as { roomState: string }).roomState);
}

/** True when the element's shadow root holds `selector`. */
export function inShadow(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => !!document.querySelector('live-chat-room')?.shadowRoot?.querySelector(s), selector);
}

/**
 * Resolves once the element's video has played `seconds` of media: the sum of small forward
 * steps of `currentTime` between polls (a seek to the live edge is a jump, not playback).
 */
export async function waitForPlayback(page: Page, seconds: number, timeoutMs: number): Promise<void> {
  const key = `play${Math.random().toString(36).slice(2)}`;
  await page.waitForFunction(
    ({ key, seconds }) => {
      const v = document.querySelector('live-chat-room')?.shadowRoot?.querySelector('video');
      const store = window as unknown as Record<string, { last: number; played: number }>;
      const s = (store[key] ??= { last: -1, played: 0 });
      if (!v) return false;
      const step = v.currentTime - s.last;
      if (s.last >= 0 && step > 0 && step < 0.5 && !v.seeking) s.played += step;
      s.last = v.currentTime;
      return s.played >= seconds;
    },
    { key, seconds },
    { timeout: timeoutMs, polling: 100 },
  );
}
