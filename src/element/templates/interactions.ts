/**
 * What the viewer does, as templates: the action rail on the stage's right (gift button, like
 * button with its hearts) with the gift panel above it. Part of the lazy interactions chunk.
 * Must not: hold state (the controllers do) or put message data anywhere but text bindings.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { GiftController } from '../../controllers/gift-controller.ts';
import type { LikeController } from '../../controllers/like-controller.ts';
import { giftButton, giftPanel } from '../../gifts/gift-panel.ts';
import type { Lang } from '../../i18n/index.ts';
import { likeButton } from '../../likes/index.ts';

export interface InteractionModel {
  readonly lang: Lang;
  readonly likes: LikeController | null;
  readonly gifts: GiftController | null;
  /** The gift/like controls are blocked (kicked, ended). */
  readonly blocked: boolean;
  /** No user: taps route to login and animate nothing. */
  readonly guest: boolean;
  readonly onLike: () => void;
  readonly onGiftToggle: () => void;
}

export function actionRail(m: InteractionModel): TemplateResult | typeof nothing {
  const g = m.gifts;
  if (!m.likes && !g) return nothing;
  const p = g?.panel;
  return html`<div class="actions" part="actions">
      ${g && p ? giftButton({ lang: m.lang, open: p.open, onToggle: m.onGiftToggle, disabled: m.blocked }) : nothing}
      ${m.likes && !m.blocked ? likeButton({ lang: m.lang, total: m.likes.total, onTap: m.onLike, hearts: m.guest ? null : m.likes.hearts }) : nothing}
    </div>
    ${
      g && p && p.open && !m.blocked
        ? giftPanel({
            lang: m.lang,
            open: true,
            gifts: g.gifts,
            imageFor: g.imageFor,
            selected: p.selected,
            count: p.count,
            customOpen: p.customOpen,
            balance: p.balance,
            error: p.error,
            combo: p.combo,
            busy: g.sender.busy > 0 && p.count !== 1,
            onToggle: g.toggle,
            onClose: g.close,
            onSelect: g.select,
            onCount: g.setCount,
            onCustom: g.openCustom,
            onSend: g.sendSelected,
            onDismissError: g.dismissError,
            onRetry: g.panel.retryId ? g.retryFailed : undefined,
          })
        : nothing
    }`;
}
