/** The default gift panel's styles (gift-panel.ts renders it). */
import { css } from 'lit';

export const giftPanelStyles = css`
  .gift-button {
    box-sizing: border-box; width: 44px; height: 44px; min-width: 44px; min-height: 44px; padding: 0; border: 0; border-radius: 50%;
    display: grid; place-items: center; cursor: pointer; touch-action: manipulation; -webkit-tap-highlight-color: transparent;
    background: var(--lcr-gift-button-background, rgba(0, 0, 0, 0.55)); color: var(--lcr-gift-button-color, var(--lcr-color-highlight, #ffd166));
  }
  .gift-button svg { width: 24px; height: 24px; fill: currentColor; pointer-events: none; }
  .gift-button:hover { background: rgba(0, 0, 0, 0.7); }
  .gift-button[aria-expanded='true'] { background: var(--lcr-color-accent, #d81b60); color: #fff; }
  .gift-button:disabled { cursor: default; opacity: 0.45; }

  .gift-panel {
    position: absolute; left: var(--lcr-gift-panel-left, 12px); bottom: var(--lcr-gift-panel-bottom, 12px); z-index: var(--lcr-gift-panel-z, 5);
    box-sizing: border-box; width: min(var(--lcr-gift-panel-width, 360px), calc(100% - 24px)); max-height: min(var(--lcr-gift-panel-max-height, 320px), calc(100% - 24px));
    display: flex; flex-direction: column; gap: 8px; padding: 10px 12px 12px; overflow: hidden;
    border-radius: var(--lcr-radius, 12px); border: 1px solid rgba(255, 255, 255, 0.1);
    background: var(--lcr-gift-panel-background, rgba(16, 17, 23, 0.88)); -webkit-backdrop-filter: blur(14px); backdrop-filter: blur(14px);
    box-shadow: 0 8px 28px rgba(0, 0, 0, 0.45); color: var(--lcr-color-text, #f4f5f7);
    font-family: var(--lcr-font-family, system-ui, sans-serif); font-size: 13px; line-height: 1.3;
    animation: lcr-gift-panel-in 180ms ease-out both;
  }
  @keyframes lcr-gift-panel-in { from { opacity: 0; transform: translateY(12px); } }
  @media (prefers-reduced-motion: reduce) { .gift-panel { animation: none; } .gift-tile { transition: none; } }
  .gift-panel ::slotted(*) { max-height: 100%; overflow: auto; }
  .gift-panel button, .gift-panel input { font: inherit; color: inherit; }
  .gift-panel button { cursor: pointer; touch-action: manipulation; -webkit-tap-highlight-color: transparent; }
  .gift-panel button:disabled { cursor: default; }
  .gift-panel :focus-visible, .gift-button:focus-visible { outline: 2px solid var(--lcr-color-highlight, #ffd166); outline-offset: 2px; }

  .gift-head { flex: none; display: flex; align-items: center; gap: 8px; min-height: 32px; }
  .gift-title { font-size: 15px; font-weight: 700; }
  .gift-balance { margin-left: auto; font-size: 12px; color: var(--lcr-color-highlight, #ffd166); font-variant-numeric: tabular-nums; white-space: nowrap; }
  .gift-close { flex: none; margin-left: auto; margin-right: -6px; width: 32px; height: 32px; border: 0; border-radius: 50%; background: transparent; font-size: 22px; line-height: 1; color: var(--lcr-color-hint, #a3a8b4); }
  .gift-balance + .gift-close { margin-left: 0; }
  .gift-close:hover { background: rgba(255, 255, 255, 0.1); color: var(--lcr-color-text, #f4f5f7); }

  .gift-grid {
    flex: 1 1 auto; min-height: 84px; overflow-y: auto; overscroll-behavior: contain; scrollbar-width: thin;
    display: grid; grid-template-columns: repeat(auto-fill, minmax(72px, 1fr)); gap: 6px; padding: 2px; margin: -2px;
  }
  .gift-tile {
    box-sizing: border-box; min-width: 0; min-height: 84px; padding: 6px 4px 5px; display: flex; flex-direction: column; align-items: center; gap: 2px;
    border: 1px solid transparent; border-radius: 10px; background: rgba(255, 255, 255, 0.06); transition: background-color 120ms, border-color 120ms;
  }
  .gift-tile:hover { background: rgba(255, 255, 255, 0.12); }
  .gift-tile[aria-pressed='true'] { border-color: var(--lcr-color-accent, #d81b60); background: rgba(216, 27, 96, 0.22); }
  .gift-tile:disabled { opacity: 0.5; }
  .gift-art { position: relative; width: 40px; height: 40px; flex: none; display: grid; place-items: center; }
  .gift-art img { width: 40px; height: 40px; object-fit: contain; }
  .gift-art.broken img { display: none; }
  .gift-glyph, .gift-art.broken::before { font-size: 28px; line-height: 1; }
  .gift-art.broken::before { content: '🎁'; }
  .gift-name { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-size: 12px; }
  .gift-price { font-size: 11px; color: var(--lcr-color-hint, #a3a8b4); font-variant-numeric: tabular-nums; white-space: nowrap; }
  .gift-empty { flex: 1; margin: 0; padding: 16px 0; text-align: center; color: var(--lcr-color-hint, #a3a8b4); }

  .gift-counts { flex: none; display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  .gift-count {
    box-sizing: border-box; min-width: 44px; height: 32px; padding: 0 10px; border-radius: 999px; font-weight: 600; font-variant-numeric: tabular-nums;
    border: 1px solid rgba(255, 255, 255, 0.22); background: transparent;
  }
  .gift-count[aria-pressed='true'] { border-color: var(--lcr-color-accent, #d81b60); background: var(--lcr-color-accent, #d81b60); color: #fff; }
  .gift-count:disabled { opacity: 0.5; }
  .gift-custom {
    box-sizing: border-box; width: 76px; height: 32px; padding: 0 10px; border-radius: 999px; font-variant-numeric: tabular-nums;
    border: 1px solid rgba(255, 255, 255, 0.3); background: rgba(255, 255, 255, 0.1); outline: 0;
  }
  .gift-custom:focus { border-color: var(--lcr-color-highlight, #ffd166); }
  .gift-custom[aria-invalid='true'] { border-color: var(--lcr-color-danger, #ff6b6b); }

  .gift-error {
    flex: none; display: flex; align-items: center; gap: 6px; padding: 2px 2px 2px 10px; border-radius: 8px; font-size: 12px;
    background: rgba(255, 107, 107, 0.16); border: 1px solid rgba(255, 107, 107, 0.5);
  }
  .gift-error-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
  .gift-retry { flex: none; min-height: 28px; padding: 0 10px; border: 1px solid currentColor; border-radius: 999px; background: transparent; font: inherit; font-weight: 600; }
  .gift-dismiss { flex: none; width: 28px; height: 28px; border: 0; border-radius: 50%; background: transparent; font-size: 18px; line-height: 1; }

  .gift-foot { flex: none; display: flex; align-items: center; gap: 10px; }
  .gift-total { flex: 1; min-width: 0; font-variant-numeric: tabular-nums; color: var(--lcr-color-hint, #a3a8b4); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .gift-total.over { color: var(--lcr-color-danger, #ff6b6b); }
  .gift-send {
    flex: none; display: inline-flex; align-items: center; gap: 6px; min-width: 88px; height: 44px; padding: 0 18px; justify-content: center;
    border: 0; border-radius: 999px; font-weight: 700; background: var(--lcr-gift-send-background, var(--lcr-color-accent, #d81b60)); color: #fff;
  }
  .gift-send:disabled { background: rgba(255, 255, 255, 0.16); color: var(--lcr-color-hint, #a3a8b4); }
  .gift-combo {
    padding: 1px 7px; border-radius: 999px; font-size: 12px; font-variant-numeric: tabular-nums;
    background: var(--lcr-color-highlight, #ffd166); color: #2a1a00;
  }
  .gift-panel .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
`;
