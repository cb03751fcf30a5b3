/**
 * Styles of the gifts layer, for the element to include in its `static styles` (they target nodes
 * the banner renderer and the effect player create inside the element's shadow root): banner lanes
 * with a slide-in and a count "bump", the effect layer, and the image card that stands in for an
 * effect. Under reduced motion (`.reduced`, or the media query as a backstop) nothing slides or
 * scales: banners and cards only fade.
 *
 * Tokens (component tier, falling back to the theme tier): `--lcr-gift-banner-background`,
 * `--lcr-gift-banner-own-background`, `--lcr-gift-banner-title-color`,
 * `--lcr-gift-banner-subtitle-color`, `--lcr-gift-count-color`, `--lcr-gift-banners-top`.
 */
import { css } from 'lit';

export const giftBannerStyles = css`
  .gift-banners {
    position: absolute;
    left: 8px;
    top: var(--lcr-gift-banners-top, 34%);
    width: min(82%, 380px);
    height: 112px;
    pointer-events: none;
    z-index: 2;
  }
  .gift-banner {
    --lane: 0;
    position: absolute;
    left: 0;
    top: calc(var(--lane) * 58px);
    box-sizing: border-box;
    height: 50px;
    max-width: 100%;
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 3px 16px 3px 3px;
    border-radius: 999px;
    background: var(--lcr-gift-banner-background, linear-gradient(90deg, rgba(255, 61, 110, 0.95), rgba(255, 61, 110, 0.6) 70%, rgba(255, 61, 110, 0.15)));
    color: var(--lcr-gift-banner-title-color, var(--lcr-color-text, #fff));
    font-family: var(--lcr-font-family, system-ui, sans-serif);
    animation: lcr-gift-slide-in 320ms cubic-bezier(0.2, 0.9, 0.3, 1.15) both;
  }
  .gift-banner.own {
    background: var(--lcr-gift-banner-own-background, linear-gradient(90deg, rgba(255, 166, 0, 0.95), rgba(255, 120, 40, 0.6) 70%, rgba(255, 120, 40, 0.15)));
  }
  .gift-banner.leaving { animation: lcr-gift-slide-out 280ms ease-in both; }
  .gift-banner-avatar {
    width: 42px;
    height: 42px;
    flex: none;
    border-radius: 50%;
    object-fit: cover;
    background: rgba(255, 255, 255, 0.22);
    display: grid;
    place-items: center;
    font-weight: 800;
    font-size: 18px;
  }
  .gift-banner-text { display: flex; flex-direction: column; min-width: 0; line-height: 1.25; }
  .gift-banner-sender { font-weight: 800; font-size: 14px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 9em; }
  .gift-banner-name {
    font-size: 12px;
    color: var(--lcr-gift-banner-subtitle-color, rgba(255, 255, 255, 0.85));
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 10em;
  }
  .gift-banner-image { width: 52px; height: 52px; flex: none; object-fit: contain; margin: -8px -2px; filter: drop-shadow(0 3px 6px rgba(0, 0, 0, 0.35)); }
  .gift-banner-glyph { width: 44px; flex: none; text-align: center; font-size: 32px; line-height: 1; }
  .gift-banner-count {
    flex: none;
    font-size: 28px;
    font-weight: 900;
    font-style: italic;
    letter-spacing: -0.02em;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    color: var(--lcr-gift-count-color, var(--lcr-color-highlight, #ffd166));
    text-shadow: 0 2px 0 rgba(0, 0, 0, 0.4), 0 0 10px rgba(0, 0, 0, 0.25);
    transform-origin: 20% 60%;
  }
  .gift-banner.reduced { animation-name: lcr-gift-fade-in; animation-duration: 200ms; }
  .gift-banner.reduced.leaving { animation-name: lcr-gift-fade-out; }
  @media (prefers-reduced-motion: reduce) {
    .gift-banner { animation-name: lcr-gift-fade-in; animation-duration: 200ms; }
    .gift-banner.leaving { animation-name: lcr-gift-fade-out; }
  }
  @keyframes lcr-gift-slide-in {
    from { transform: translateX(-110%); opacity: 0; }
    to { transform: none; opacity: 1; }
  }
  @keyframes lcr-gift-slide-out {
    from { transform: none; opacity: 1; }
    to { transform: translateX(-30%); opacity: 0; }
  }
  @keyframes lcr-gift-fade-in {
    from { opacity: 0; }
    to { opacity: 1; }
  }
  @keyframes lcr-gift-fade-out {
    from { opacity: 1; }
    to { opacity: 0; }
  }
`;

export const giftEffectStyles = css`
  .gift-effect { position: absolute; inset: 0; pointer-events: none; overflow: hidden; z-index: 4; }
  .gift-effect-anim { position: absolute; inset: 0; }
  .gift-effect-anim canvas { display: block; }
  .gift-effect-card {
    position: absolute;
    left: 50%;
    top: 50%;
    width: min(42%, 220px);
    aspect-ratio: 1;
    display: grid;
    place-items: center;
    transform: translate(-50%, -50%);
    animation: lcr-gift-pop 1500ms ease-out both;
  }
  .gift-effect-card img { width: 100%; height: 100%; object-fit: contain; filter: drop-shadow(0 8px 22px rgba(0, 0, 0, 0.5)); }
  .gift-effect-glyph { font-size: 112px; line-height: 1; }
  .gift-effect-card.reduced { animation-name: lcr-gift-card-fade; }
  @media (prefers-reduced-motion: reduce) {
    .gift-effect-card { animation-name: lcr-gift-card-fade; }
  }
  @keyframes lcr-gift-pop {
    0% { opacity: 0; transform: translate(-50%, -50%) scale(0.4); }
    18% { opacity: 1; transform: translate(-50%, -50%) scale(1.12); }
    30% { transform: translate(-50%, -50%) scale(1); }
    75% { opacity: 1; transform: translate(-50%, -50%) scale(1); }
    100% { opacity: 0; transform: translate(-50%, -50%) scale(1.06); }
  }
  @keyframes lcr-gift-card-fade {
    0% { opacity: 0; }
    15% { opacity: 1; }
    75% { opacity: 1; }
    100% { opacity: 0; }
  }
`;

/** Everything the gifts layer needs, for the element's `static styles`. */
export const giftStyles = [giftBannerStyles, giftEffectStyles];
