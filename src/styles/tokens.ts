/**
 * Design tokens: theme tier `--lcr-color-*` / `--lcr-font-*` (docs/live-kit.md#theme's theme list: background,
 * hint, highlight, accent, secondary, input style, text styles) and component tier
 * `--lcr-<feature>-*` falling back to the theme tier. Hosts override them on the element.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    --lcr-color-background: #0e0f13;
    --lcr-color-surface: rgba(20, 22, 28, 0.72);
    --lcr-color-text: #f4f5f7;
    --lcr-color-hint: #a3a8b4;
    --lcr-color-highlight: #ffd166;
    /* Carries white text (follow, LIVE, Host): 4.95:1 with #fff. */
    --lcr-color-accent: #d81b60;
    --lcr-color-secondary: #4cc9f0;
    --lcr-color-danger: #ff6b6b;
    --lcr-color-own: #7cf29a;
    --lcr-font-family: system-ui, -apple-system, 'Segoe UI', 'Noto Sans', 'Noto Sans CJK SC', 'Apple SD Gothic Neo', sans-serif;
    --lcr-font-size: 14px;
    --lcr-radius: 12px;

    --lcr-header-background: var(--lcr-color-surface);
    --lcr-anchor-title-color: var(--lcr-color-text);
    --lcr-anchor-subtitle-color: var(--lcr-color-hint);
    --lcr-chat-name-color: var(--lcr-color-secondary);
    --lcr-chat-text-color: var(--lcr-color-text);
    --lcr-chat-own-color: var(--lcr-color-own);
    --lcr-barrage-opacity: 1;
    --lcr-badge-live-background: var(--lcr-color-accent);
    --lcr-card-background: rgba(10, 11, 15, 0.82);
  }
`;
