/**
 * The like button as a Lit template the element renders, with its styles.
 *
 * Owns: the button's markup (44×44 px, `aria-label` "Like, N likes", the visible count) and its
 * input handling — pointer taps and keyboard Enter/Space, where holding the key keeps liking at
 * the key-repeat rate. Each tap calls `onTap()` and the heart layer's `tap(button)` (a rising heart,
 * or a pulse under reduced motion). The `HeartLayer` is owned by whoever created it (the element's
 * like controller); this template only places its host node next to the button.
 * Must not: count likes (that is `LikeCounter`) or hold state of its own.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatCount, t, type Lang } from '../i18n/index.ts';
import type { HeartLayer } from './heart-layer.ts';
import { HEART_SVG_PATH } from './heart-paint.ts';

export interface LikeButtonProps {
  readonly lang: Lang;
  /** The like total to show (e.g. `LikeCounter.total`). */
  readonly total: number;
  /** Called once per tap (pointer, Enter/Space including key repeats, assistive-tech click). */
  readonly onTap: () => void;
  readonly hearts?: HeartLayer | null;
}

const isActivationKey = (e: KeyboardEvent): boolean => e.key === 'Enter' || e.key === ' ' || e.key === 'Spacebar';

/**
 * The key handlers take over Enter/Space (default prevented), so the button's own keyboard
 * activation never produces a second `click`: a `click` is then a pointer tap or an assistive
 * technology's activation, and counts once.
 */
export function likeButton(p: LikeButtonProps): TemplateResult {
  const tap = (button: Element | null): void => {
    p.onTap();
    p.hearts?.tap(button);
  };
  const onKeyDown = (e: KeyboardEvent): void => {
    if (!isActivationKey(e) || e.isComposing || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    tap(e.currentTarget as Element);
  };
  const onKeyUp = (e: KeyboardEvent): void => {
    if (isActivationKey(e)) e.preventDefault();
  };
  const onClick = (e: MouseEvent): void => tap(e.currentTarget as Element);
  const count = formatCount(p.lang, Math.max(0, p.total));
  const label = p.total > 0 ? t(p.lang, 'like.labelCount', { count }) : t(p.lang, 'like.label');
  return html`<div class="like" part="like">
    <span class="like-anchor">
      ${p.hearts ? p.hearts.host : nothing}
      <button type="button" class="like-button" part="like-button" aria-label=${label} @click=${onClick} @keydown=${onKeyDown} @keyup=${onKeyUp}>
        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d=${HEART_SVG_PATH}></path></svg>
      </button>
    </span>
    <span class="like-count" part="like-count" aria-hidden="true">${count}</span>
  </div>`;
}

export const likeButtonStyles = css`
  .like { display: inline-flex; flex-direction: column; align-items: center; gap: 2px; }
  .like-anchor { position: relative; display: inline-block; width: 44px; height: 44px; }
  .like-button {
    position: relative; box-sizing: border-box; width: 44px; height: 44px; min-width: 44px; min-height: 44px;
    padding: 0; border: 0; border-radius: 50%; display: grid; place-items: center; cursor: pointer;
    background: var(--lcr-like-background, rgba(0, 0, 0, 0.55)); color: var(--lcr-like-color, var(--lcr-color-accent, #ff3d6e));
    touch-action: manipulation; -webkit-tap-highlight-color: transparent; user-select: none;
  }
  .like-button svg { width: 24px; height: 24px; fill: currentColor; pointer-events: none; }
  .like-button:hover { background: var(--lcr-like-background-hover, rgba(0, 0, 0, 0.7)); }
  .like-button:focus-visible { outline: 2px solid var(--lcr-color-highlight, #ffd166); outline-offset: 2px; }
  .like-hearts { z-index: 1; }
  .like-count {
    min-width: 44px; text-align: center; font-size: 12px; font-weight: 700; line-height: 16px;
    font-variant-numeric: tabular-nums; color: var(--lcr-color-text, #f4f5f7); text-shadow: 0 1px 2px rgba(0, 0, 0, 0.7);
  }
`;
