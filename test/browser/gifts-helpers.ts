/** Shared helpers for the gifts browser tests: a styled stage, combos, the demo catalog. */
import type { GiftCombo } from '../../src/pipeline/types.ts';
import type { GiftEvent, GiftInfo, Sender } from '../../src/protocol/index.ts';
import { parseCatalog, type GiftCatalog } from '../../src/gifts/gift-catalog.ts';
import { giftStyles } from '../../src/gifts/gift-styles.ts';

/** The demo catalog as the vitest server serves it (under /demo/public/). */
export async function demoCatalog(): Promise<GiftCatalog> {
  const raw = (await (await fetch('/demo/public/gifts/catalog.json')).json()) as Array<Record<string, unknown>>;
  const moved = raw.map((g) => ({ ...g, image: `/demo/public${g.image}`, ...(g.effect ? { effect: `/demo/public${g.effect}` } : {}) }));
  return parseCatalog(moved, { origin: location.origin });
}

export const asset = (path: string): string => `${location.origin}/demo/public/gifts/${path}`;

export interface Stage {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  readonly banners: HTMLElement;
  readonly effects: HTMLElement;
}

const stages: HTMLElement[] = [];

/** A dark 16:9 "video" with the gifts layer's styles in a shadow root, like the element's. */
export function mountStage(width = 640, height = 360): Stage {
  const host = document.createElement('div');
  host.style.cssText = `position:relative;width:${width}px;height:${height}px;overflow:hidden;font:14px system-ui,sans-serif;`;
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = giftStyles.map((s) => s.styleSheet!);
  const video = document.createElement('div');
  video.style.cssText = 'position:absolute;inset:0;background:radial-gradient(circle at 60% 35%,#3a4a6b,#151a26 70%);';
  const banners = document.createElement('div');
  const effects = document.createElement('div');
  effects.style.cssText = 'position:absolute;inset:0;pointer-events:none;';
  root.append(video, effects, banners);
  document.body.append(host);
  stages.push(host);
  return { host, root, banners, effects };
}

export function unmountStages(): void {
  for (const host of stages.splice(0)) host.remove();
}

const sender = (id: string, nick: string, extra: Partial<Sender> = {}): Sender => ({ id, nick, level: 12, role: 'member', ...extra });

let seq = 0;

/** A gift message as the pipeline sees it. */
export function giftEvent(gift: Partial<GiftInfo> & Pick<GiftInfo, 'name'>, from = sender('u1', 'Mina'), own = false): GiftEvent {
  seq++;
  return {
    kind: 'gift',
    id: `m${seq}`,
    time: 1_700_000_000_000 + seq,
    priority: 'high',
    sender: from,
    own,
    gift: { type: 2, count: 1, units: '', ...gift },
  };
}

/** Successive combo updates of one sender + gift, like `giftCombo` emits them. */
export function comboRun(event: GiftEvent, counts: number[]): GiftCombo[] {
  const key = `${event.sender.id}\u0000${event.gift.giftId ?? event.gift.name}\u0000${event.id}`;
  let total = 0;
  return counts.map((count, i) => {
    total += count;
    return { key, event: { ...event, gift: { ...event.gift, count } }, total, hits: i + 1, first: i === 0 };
  });
}

export { sender };

/** Waits for the finite animations running in `root` now (slide-ins, bumps, opening rises) to end. */
export async function animationsDone(root: ShadowRoot): Promise<void> {
  const running = root.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
  await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
}

/** Share of pixels with alpha above 16 in a 2D canvas. */
export function paintedShare(canvas: HTMLCanvasElement): number {
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
  const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < px.length; i += 4) if (px[i]! > 16) n++;
  return n / (px.length / 4);
}
