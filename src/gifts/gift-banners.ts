/**
 * The gift banner renderer (DOM): draws the lane model of `banner-lanes.ts` into a container it is
 * given. A banner shows the sender (avatar or initial, nick), the gift (image or a generic glyph,
 * name) and a growing "×N" that bumps when the combo grows. Consumes `GiftCombo` updates of type-2
 * and type-3 gifts (type 1 is inline in the chat, ignored here).
 *
 * Owns: the nodes it adds to the container (part `gift-banner`), the container's `gift-banners`
 * class, and one expiry timer plus short leave timers (counted in `giftResources().timers`);
 * `destroy()` is idempotent and removes them all. Must not: parse HTML (text goes in with
 * `textContent`), or load an image URL that `imageFor` did not allow.
 */
import type { GiftInfo, Sender } from '../protocol/index.ts';
import type { GiftCombo } from '../pipeline/types.ts';
import { createBannerLanes, type BannerChange, type BannerStats } from './banner-lanes.ts';
import { GiftTimers } from './gift-resources.ts';

export interface GiftBannersOptions {
  /** Lanes in use: 2 (default), 1 in narrow or landscape-phone layouts. */
  readonly lanes?: number;
  /** How long a banner stays after its last update (default 3000 ms). */
  readonly holdMs?: number;
  /** Banners that may wait for a lane (default 4). */
  readonly waitBound?: number;
  /** Fade only, no slide or bump. */
  readonly reducedMotion?: boolean;
  /** The allowed image URL of a gift (already through the asset gate), or undefined for the glyph. */
  readonly imageFor?: (gift: GiftInfo) => string | undefined;
  /** The line under the sender's nick (default: the gift's name). */
  readonly subtitle?: (gift: GiftInfo) => string;
  /** Clock (ms), injectable for tests; default `performance.now()`. */
  readonly now?: () => number;
}

export interface GiftBanners {
  push(combo: GiftCombo): void;
  setLanes(lanes: number): void;
  setReducedMotion(reduce: boolean): void;
  stats(): BannerStats & { readonly nodes: number };
  destroy(): void;
}

const LEAVE_MS = 300;
const GLYPH = '🎁';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function avatar(sender: Sender): HTMLElement {
  if (sender.avatar) {
    const img = el('img', 'gift-banner-avatar');
    img.alt = '';
    img.decoding = 'async';
    img.loading = 'lazy';
    img.referrerPolicy = 'no-referrer';
    // A CORS request without credentials: no cookies go to an avatar host (a host without CORS
    // headers fails here and the generated avatar is shown instead).
    img.crossOrigin = 'anonymous';
    img.src = sender.avatar;
    img.onerror = () => img.replaceWith(initial(sender));
    return img;
  }
  return initial(sender);
}

function initial(sender: Sender): HTMLElement {
  const span = el('span', 'gift-banner-avatar', Array.from(sender.nick.trim())[0]?.toUpperCase() ?? '?');
  span.setAttribute('aria-hidden', 'true');
  span.style.background = `hsl(${hueOf(sender.id)} 55% 38%)`;
  return span;
}

function giftPicture(url: string | undefined): HTMLElement {
  const glyph = (): HTMLElement => {
    const g = el('span', 'gift-banner-glyph', GLYPH);
    g.setAttribute('aria-hidden', 'true');
    return g;
  };
  if (!url) return glyph();
  const img = el('img', 'gift-banner-image');
  img.alt = '';
  img.decoding = 'async';
  img.referrerPolicy = 'no-referrer';
  img.src = url;
  img.onerror = () => img.replaceWith(glyph());
  return img;
}

export function createGiftBanners(container: HTMLElement, options: GiftBannersOptions = {}): GiftBanners {
  const now = options.now ?? (() => performance.now());
  const lanes = createBannerLanes<GiftCombo>({
    lanes: options.lanes ?? 2,
    holdMs: options.holdMs ?? 3000,
    waitBound: options.waitBound ?? 4,
  });
  const timers = new GiftTimers();
  const nodes = new Map<string, HTMLElement>();
  const leaving = new Set<HTMLElement>();
  let reduced = options.reducedMotion === true;
  let cancelExpiry: (() => void) | undefined;
  let destroyed = false;
  container.classList.add('gift-banners');

  const build = (lane: number, combo: GiftCombo): HTMLElement => {
    const { sender, gift, own } = combo.event;
    const banner = el('div', `gift-banner${own ? ' own' : ''}${reduced ? ' reduced' : ''}`);
    banner.setAttribute('part', 'gift-banner');
    banner.style.setProperty('--lane', String(lane));
    const text = el('div', 'gift-banner-text');
    text.append(el('span', 'gift-banner-sender', sender.nick), el('span', 'gift-banner-name', options.subtitle?.(gift) ?? gift.name));
    banner.append(avatar(sender), text, giftPicture(options.imageFor?.(gift)), el('span', 'gift-banner-count', `×${combo.total}`));
    return banner;
  };

  const bump = (banner: HTMLElement): void => {
    const count = banner.querySelector<HTMLElement>('.gift-banner-count');
    if (!count || typeof count.animate !== 'function') return;
    // Short, self-ending Web Animations (nothing to own); reduced motion: a brightness pulse only.
    const frames = reduced
      ? [{ opacity: 0.5 }, { opacity: 1 }]
      : [{ transform: 'scale(1)' }, { transform: 'scale(1.55)', offset: 0.35 }, { transform: 'scale(1)' }];
    count.animate(frames, { duration: 260, easing: 'ease-out' });
  };

  const leave = (key: string): void => {
    const banner = nodes.get(key);
    if (!banner) return;
    nodes.delete(key);
    banner.classList.add('leaving');
    leaving.add(banner);
    timers.timeout(() => {
      leaving.delete(banner);
      banner.remove();
    }, LEAVE_MS);
  };

  const apply = (changes: BannerChange<GiftCombo>[]): void => {
    for (const c of changes) {
      if (c.type === 'hide') leave(c.key);
      else if (c.type === 'show') {
        const banner = build(c.lane, c.payload);
        nodes.set(c.key, banner);
        container.append(banner);
      } else {
        const banner = nodes.get(c.key);
        const count = banner?.querySelector('.gift-banner-count');
        if (banner && count) {
          count.textContent = `×${c.total}`;
          bump(banner);
        }
      }
    }
    schedule();
  };

  /** One timer, always for the earliest expiry. */
  const schedule = (): void => {
    cancelExpiry?.();
    cancelExpiry = undefined;
    const due = lanes.nextDeadline();
    if (due === undefined || destroyed) return;
    cancelExpiry = timers.timeout(() => {
      cancelExpiry = undefined;
      apply(lanes.tick(now()));
    }, due - now());
  };

  return {
    push(combo) {
      if (destroyed) return;
      const type = combo.event.gift.type;
      if (type !== 2 && type !== 3) return;
      apply(lanes.update({ key: combo.key, own: combo.event.own, total: combo.total, payload: combo }, now()));
    },
    setLanes(n) {
      if (!destroyed) apply(lanes.setLanes(n, now()));
    },
    setReducedMotion(reduce) {
      reduced = reduce;
      for (const banner of nodes.values()) banner.classList.toggle('reduced', reduce);
    },
    stats: () => ({ ...lanes.stats(), nodes: nodes.size + leaving.size }),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      timers.clear();
      cancelExpiry = undefined;
      lanes.clear();
      for (const banner of [...nodes.values(), ...leaving]) banner.remove();
      nodes.clear();
      leaving.clear();
      container.classList.remove('gift-banners');
    },
  };
}

/** A stable hue per user id, so a generated avatar keeps its colour across messages. */
function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}
