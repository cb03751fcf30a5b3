/**
 * The gift button and the gift panel as pure Lit templates, with their styles.
 *
 * Owns: the markup and input handling of the 44×44 gift button (`part="gift-button"`) and of the
 * popover panel (`part="gift-panel"`, `role="dialog"`, id `lcr-gift-panel`): header (title, balance,
 * close), the grid of gift tiles (`gift-tile`), the count chips 1/10/99 and "Custom" (`gift-count`)
 * with the custom-count field (`gift-custom`, integers within LIMITS.giftCountMin..giftCountMax
 * only), the total line (`gift-total`), the send button (`gift-send`, with the combo badge
 * `gift-combo`) and the inline error (`gift-error`, role=alert). Escape inside the panel closes it.
 * The default content sits in `<slot name="gift-panel">`, so a host can replace it.
 *
 * The panel places itself `position: absolute` at the bottom left of its positioned container (the
 * stage), over the chat column; tokens: `--lcr-gift-panel-left`, `--lcr-gift-panel-bottom`,
 * `--lcr-gift-panel-width`, `--lcr-gift-panel-max-height`, `--lcr-gift-panel-background`,
 * `--lcr-gift-panel-z`.
 *
 * Must not: hold state (every value comes in through props, every change goes out through a
 * callback), put gift names anywhere but text bindings/attributes, or load an image URL that
 * `imageFor` did not hand out (no URL → the 🎁 glyph, never the catalog's raw string).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { t, type Lang } from '../i18n/index.ts';
import { LIMITS } from '../protocol/limits.ts';
import type { CatalogGift } from './gift-catalog.ts';

export interface GiftPanelProps {
  readonly lang: Lang;
  readonly open: boolean;
  readonly gifts: readonly CatalogGift[];
  /** Allowed image URL for a gift, or undefined (then show a neutral glyph 🎁, never the raw URL). */
  readonly imageFor: (gift: CatalogGift) => string | undefined;
  /** The selected gift's id. */
  readonly selected: string | undefined;
  /** 1, 10, 99 or a custom count. */
  readonly count: number;
  /** The custom-count field is shown. */
  readonly customOpen: boolean;
  /** Wallet balance, if the endpoint reported one. */
  readonly balance?: number | undefined;
  /** Inline error text (already localized), shown with role=alert. */
  readonly error?: string | undefined;
  /** Rapid-tap combo of the selected gift shown on the send button, e.g. "×12" (0 = none). */
  readonly combo: number;
  /** A preset/custom request is in flight (send disabled). */
  readonly busy?: boolean;
  /** The whole panel is disabled (e.g. kicked/offline). */
  readonly disabled?: boolean;
  readonly onToggle: () => void;
  readonly onClose: () => void;
  readonly onSelect: (id: string) => void;
  /** A preset chip, or a valid custom value. */
  readonly onCount: (count: number) => void;
  /** The "custom" chip was pressed (shows the field). */
  readonly onCustom: () => void;
  readonly onSend: () => void;
  readonly onDismissError: () => void;
  /** Present when the failed gift can be billed again safely (same clientId). */
  readonly onRetry?: (() => void) | undefined;
}

export const GIFT_PRESETS: readonly number[] = [1, 10, 99];

export const GIFT_PANEL_ID = 'lcr-gift-panel';
const GLYPH = '🎁';

const amounts = new Map<Lang, Intl.NumberFormat>();

/** "1,234" / "1,234.5": full amounts with grouping (coins are counted exactly, never compacted). */
function amount(lang: Lang, n: number): string {
  let f = amounts.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
    amounts.set(lang, f);
  }
  return f.format(n);
}

/** A custom count typed by the viewer: an integer within the protocol's limits, else undefined. */
export function parseGiftCount(raw: string): number | undefined {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const n = Number(s);
  return n >= LIMITS.giftCountMin && n <= LIMITS.giftCountMax ? n : undefined;
}

const GIFT_ICON = html`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
  <path d="M12 7.2C10.6 3.9 6.6 3.2 6.6 5.4c0 1.5 2.6 1.8 5.4 1.8Zm0 0c1.4-3.3 5.4-4 5.4-1.8 0 1.5-2.6 1.8-5.4 1.8Z"></path>
  <rect x="3" y="8" width="8" height="4" rx="1"></rect><rect x="13" y="8" width="8" height="4" rx="1"></rect>
  <rect x="4.5" y="13" width="6.5" height="8" rx="1"></rect><rect x="13" y="13" width="6.5" height="8" rx="1"></rect>
</svg>`;

export function giftButton(p: Pick<GiftPanelProps, 'lang' | 'open' | 'onToggle' | 'disabled'>): TemplateResult {
  return html`<button type="button" class="gift-button" part="gift-button" aria-label=${t(p.lang, 'gift.button')}
    aria-haspopup="dialog" aria-expanded=${p.open ? 'true' : 'false'} aria-controls=${GIFT_PANEL_ID}
    ?disabled=${p.disabled === true} @click=${p.onToggle}>${GIFT_ICON}</button>`;
}

/** An image that fails to load falls back to the glyph (the wrapper's class; no Lit binding touched). */
const onImageError = (e: Event): void => (e.currentTarget as HTMLElement).parentElement?.classList.add('broken');
const onImageLoad = (e: Event): void => (e.currentTarget as HTMLElement).parentElement?.classList.remove('broken');

function tile(p: GiftPanelProps, g: CatalogGift): TemplateResult {
  const url = p.imageFor(g);
  const price = amount(p.lang, g.price);
  const pressed = g.id === p.selected;
  return html`<button type="button" class="gift-tile" part="gift-tile" data-id=${g.id} aria-pressed=${pressed ? 'true' : 'false'}
    aria-label=${t(p.lang, 'gift.tile', { name: g.name, price })} ?disabled=${p.disabled === true} @click=${() => p.onSelect(g.id)}>
    <span class="gift-art">${
      url
        ? html`<img src=${url} alt="" width="40" height="40" referrerpolicy="no-referrer" loading="lazy" decoding="async" draggable="false"
          @error=${onImageError} @load=${onImageLoad} />`
        : html`<span class="gift-glyph" aria-hidden="true">${GLYPH}</span>`
    }</span>
    <span class="gift-name">${g.name}</span>
    <span class="gift-price" aria-hidden="true">🪙 ${price}</span>
  </button>`;
}

function onCustomInput(p: GiftPanelProps, e: Event): void {
  const input = e.currentTarget as HTMLInputElement;
  // A number field reports "" for text it cannot parse ("abc", "1e"), so that is invalid too.
  const n = parseGiftCount(input.value);
  input.setAttribute('aria-invalid', n === undefined ? 'true' : 'false');
  if (n !== undefined) p.onCount(n);
}

function counts(p: GiftPanelProps): TemplateResult {
  const off = p.disabled === true;
  const custom = p.customOpen || !GIFT_PRESETS.includes(p.count);
  const openCustom = (e: Event): void => {
    const root = (e.currentTarget as Element).getRootNode() as ParentNode;
    p.onCustom();
    // The field appears on the host's next render: focus it then, so the viewer can type at once.
    requestAnimationFrame(() => root.querySelector<HTMLInputElement>('.gift-custom')?.focus());
  };
  return html`<div class="gift-counts" role="group" aria-label=${t(p.lang, 'gift.quantity')}>
    ${GIFT_PRESETS.map(
      (n) => html`<button type="button" class="gift-count" part="gift-count" data-count=${n} ?disabled=${off}
        aria-pressed=${!custom && p.count === n ? 'true' : 'false'} @click=${() => p.onCount(n)}>${n}</button>`,
    )}
    <button type="button" class="gift-count custom" part="gift-count" data-count="custom" ?disabled=${off}
      aria-pressed=${custom ? 'true' : 'false'} @click=${openCustom}>${t(p.lang, 'gift.custom')}</button>
    ${
      p.customOpen
        ? html`<input class="gift-custom" part="gift-custom" type="number" inputmode="numeric" enterkeyhint="done"
          min=${LIMITS.giftCountMin} max=${LIMITS.giftCountMax} step="1" ?disabled=${off}
          aria-label=${t(p.lang, 'gift.customLabel', { min: LIMITS.giftCountMin, max: LIMITS.giftCountMax })}
          .value=${String(p.count)} @input=${(e: Event) => onCustomInput(p, e)} />`
        : nothing
    }
  </div>`;
}

function content(p: GiftPanelProps): TemplateResult {
  const gift = p.selected === undefined ? undefined : p.gifts.find((g) => g.id === p.selected);
  const canSend = !!gift && !p.busy && !p.disabled;
  const total = gift ? t(p.lang, 'gift.total', { total: amount(p.lang, gift.price * p.count) }) : t(p.lang, 'gift.choose');
  const over = !!gift && p.balance !== undefined && gift.price * p.count > p.balance;
  return html`<div class="gift-head">
      <span class="gift-title" aria-hidden="true">${t(p.lang, 'gift.title')}</span>
      ${
        p.balance !== undefined
          ? html`<span class="gift-balance" part="gift-balance">${t(p.lang, 'gift.balance', { balance: amount(p.lang, p.balance) })}</span>`
          : nothing
      }
      <button type="button" class="gift-close" aria-label=${t(p.lang, 'gift.close')} @click=${p.onClose}>×</button>
    </div>
    ${
      p.gifts.length === 0
        ? html`<p class="gift-empty">${t(p.lang, 'gift.empty')}</p>`
        : html`<div class="gift-grid" part="gift-grid">${repeat(
            p.gifts,
            (g) => g.id,
            (g) => tile(p, g),
          )}</div>`
    }
    ${counts(p)}
    ${
      p.error
        ? html`<div class="gift-error" part="gift-error" role="alert">
          <span class="gift-error-text">${p.error}</span>
          ${p.onRetry ? html`<button type="button" class="gift-retry" part="gift-retry" @click=${p.onRetry}>${t(p.lang, 'gift.retry')}</button>` : nothing}
          <button type="button" class="gift-dismiss" aria-label=${t(p.lang, 'gift.dismiss')} @click=${p.onDismissError}>×</button>
        </div>`
        : nothing
    }
    <div class="gift-foot">
      <span class="gift-total ${over ? 'over' : ''}" part="gift-total">${total}</span>
      <button type="button" class="gift-send" part="gift-send" ?disabled=${!canSend} aria-busy=${p.busy ? 'true' : 'false'} @click=${p.onSend}>
        ${t(p.lang, 'gift.send')}${
          p.combo > 0
            ? html`<span class="gift-combo" part="gift-combo" aria-hidden="true">×${p.combo}</span><span class="sr-only">, ${t(p.lang, 'gift.combo', { count: p.combo })}</span>`
            : nothing
        }
      </button>
    </div>`;
}

/** The popover panel; renders nothing while closed. */
export function giftPanel(p: GiftPanelProps): TemplateResult {
  if (!p.open) return html``;
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.isComposing) return;
    e.preventDefault();
    e.stopPropagation();
    p.onClose();
  };
  return html`<div class="gift-panel" part="gift-panel" id=${GIFT_PANEL_ID} role="dialog"
    aria-label=${t(p.lang, 'gift.title')} @keydown=${onKeyDown}>
    <slot name="gift-panel">${content(p)}</slot>
  </div>`;
}

export { giftPanelStyles } from './gift-panel-styles.ts';
