/** The element's layout and parts. Chat and barrage content are styled by class, not re-rendered. */
import { css, unsafeCSS } from 'lit';
import { NARROW_PX } from '../platform/media.ts';
import { tokens } from '../styles/tokens.ts';

const layout = css`
  :host {
    display: block;
    position: relative;
    container-type: inline-size;
    font-family: var(--lcr-font-family);
    font-size: var(--lcr-font-size);
    color: var(--lcr-color-text);
    background: var(--lcr-color-background);
    border-radius: var(--lcr-radius);
    overflow: hidden;
  }
  :host([hidden]) { display: none; }
  /* Wide: a 16:9 stage. Narrow (phones): a tall stage, like the live rooms of mobile apps. */
  .room { position: relative; aspect-ratio: 16 / 9; min-height: 320px; max-height: 100vh; }
  @container (max-width: ${unsafeCSS(NARROW_PX)}px) {
    .room { aspect-ratio: 9 / 16; max-height: 92vh; min-height: 480px; }
  }
  .stage { position: absolute; inset: 0; background: #000; }
  video { position: absolute; inset: 0; width: 100%; height: 100%; object-fit: contain; background: #000; }
  .barrage { position: absolute; inset: var(--lcr-barrage-top, 64px) 0 0 0; pointer-events: none; opacity: var(--lcr-barrage-opacity); }
  .barrage[hidden] { display: none; }
  button { font: inherit; color: inherit; cursor: pointer; }
  button:focus-visible, a:focus-visible, summary:focus-visible { outline: 2px solid var(--lcr-color-highlight); outline-offset: 2px; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

const header = css`
  header { position: absolute; top: 0; left: 0; right: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 10px 12px; background: linear-gradient(rgba(0,0,0,.55), transparent); z-index: 3; }
  .anchor { display: flex; align-items: center; gap: 8px; background: var(--lcr-header-background); border-radius: 999px; padding: 4px 6px 4px 4px; min-width: 0; }
  .avatar { width: 36px; height: 36px; border-radius: 50%; object-fit: cover; background: #333; flex: none; }
  .avatar.placeholder { display: grid; place-items: center; font-weight: 700; }
  .who { display: flex; flex-direction: column; min-width: 0; line-height: 1.2; }
  .anchor-name { color: var(--lcr-anchor-title-color); font-weight: 700; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; max-width: 14em; }
  .followers { color: var(--lcr-anchor-subtitle-color); font-size: 12px; }
  .follow { border: 0; border-radius: 999px; padding: 6px 12px; min-height: 32px; background: var(--lcr-color-accent); color: #fff; font-weight: 700; }
  .follow[aria-pressed='true'] { background: rgba(255,255,255,.18); }
  .state-badge { border-radius: 6px; padding: 3px 8px; font-size: 12px; font-weight: 800; letter-spacing: .04em; background: rgba(255,255,255,.18); }
  .state-badge.live { background: var(--lcr-badge-live-background); color: #fff; }
  .spacer { flex: 1; }
  .audience { background: var(--lcr-header-background); border-radius: 999px; padding: 6px 10px; font-size: 12px; }
  .conn { width: 10px; height: 10px; border-radius: 50%; background: #888; flex: none; }
  .conn.connected { background: #3ddc84; }
  .conn.reconnecting, .conn.connecting { background: var(--lcr-color-highlight); }
  .conn.offline { background: var(--lcr-color-danger); }
  .announcement { flex-basis: 100%; display: flex; align-items: flex-start; gap: 6px; background: var(--lcr-header-background); border-radius: 8px; padding: 6px 8px; font-size: 13px; max-width: min(520px, 100%); }
  .announcement .text { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; min-width: 0; }
  .announcement.open .text { white-space: normal; }
  .announcement button { background: none; border: 0; color: var(--lcr-color-highlight); padding: 0 4px; min-height: 24px; }
`;

const overlays = css`
  .card { position: absolute; inset: 0; display: grid; place-items: center; text-align: center; background: var(--lcr-card-background) center / cover no-repeat; z-index: 2; padding: 24px; }
  .card .inner { display: flex; flex-direction: column; align-items: center; gap: 10px; max-width: 420px; background: rgba(0,0,0,.45); padding: 20px 24px; border-radius: 16px; }
  .card h2 { margin: 0; font-size: 20px; }
  .card p { margin: 0; color: var(--lcr-color-hint); }
  .countdown { font-size: 34px; font-weight: 800; font-variant-numeric: tabular-nums; color: var(--lcr-color-highlight); }
  .card .avatar { width: 64px; height: 64px; }
  .icon { flex: none; width: 1.2em; height: 1.2em; vertical-align: -0.25em; }
  .pill-button { border: 0; border-radius: 999px; padding: 8px 14px; min-height: 36px; background: rgba(0,0,0,.6); color: #fff; font-weight: 600; }
  .controls { position: absolute; right: 12px; bottom: 12px; display: flex; gap: 8px; z-index: 3; align-items: center; }
  .live-chip { display: inline-flex; align-items: center; gap: 6px; }
  .live-chip::before { content: ''; width: 8px; height: 8px; border-radius: 50%; background: var(--lcr-color-accent); }
  .barrage-panel { position: absolute; right: 12px; bottom: 64px; z-index: 5; display: grid; gap: 8px; min-width: 240px; padding: 12px 14px; border-radius: 12px; background: rgba(10,11,15,.9); font-size: 13px; }
  .barrage-panel label { display: grid; grid-template-columns: 6.5em 1fr 3.2em; align-items: center; gap: 8px; }
  .barrage-panel input, .barrage-panel select { min-height: 24px; accent-color: var(--lcr-color-accent); }
  .barrage-panel select { grid-column: 2 / 4; background: #1d2028; color: inherit; border: 1px solid #3a3f4b; border-radius: 6px; }
  .banner + .banner { top: 100px; }
  .banner { position: absolute; left: 50%; top: 64px; white-space: nowrap; transform: translateX(-50%); z-index: 4; background: rgba(0,0,0,.75); padding: 6px 14px; border-radius: 999px; font-size: 13px; }
  .blocker { position: absolute; inset: 0; z-index: 6; display: grid; place-items: center; background: rgba(5,5,8,.88); text-align: center; padding: 24px; }
  .blocker p { max-width: 380px; }
`;

const chat = css`
  .chat { position: absolute; left: 12px; bottom: 12px; width: min(360px, 62%); height: 38%; display: flex; flex-direction: column; z-index: 3; -webkit-mask-image: linear-gradient(transparent, #000 22%); mask-image: linear-gradient(transparent, #000 22%); }
  .chat[hidden] { display: none; }
  .log { overflow-y: auto; flex: 1; display: flex; flex-direction: column; gap: 4px; padding-top: 40px; scrollbar-width: none; overscroll-behavior: contain; overflow-anchor: none; contain: content; }
  .log .line { align-self: flex-start; max-width: 100%; background: rgba(0,0,0,.42); border-radius: 12px; padding: 4px 10px; line-height: 1.35; overflow-wrap: anywhere; color: var(--lcr-chat-text-color); }
  .log .nick { color: var(--lcr-chat-name-color); margin-right: 6px; font-weight: 600; }
  .log .line.own { outline: 1px solid var(--lcr-chat-own-color); }
  .log .line.own .nick { color: var(--lcr-chat-own-color); }
  .log .line.enter { opacity: .8; font-size: 12px; }
  .log .line.gift .text { color: var(--lcr-color-highlight); }
  .log .line.system { color: var(--lcr-color-highlight); }
  /* Badge colours keep white 10px text at ≥ 4.5:1 (WCAG 1.4.3; checked by axe in the tests). */
  .log .badge { display: inline-block; font-size: 10px; font-weight: 800; border-radius: 6px; padding: 1px 5px; margin-right: 4px; vertical-align: 1px; background: #5c6270; color: #fff; }
  .log .badge.tier-1 { background: #2563eb; } .log .badge.tier-2 { background: #047857; } .log .badge.tier-3 { background: #b45309; } .log .badge.tier-4 { background: #b91c1c; }
  .log .badge.role.anchor { background: var(--lcr-color-accent); } .log .badge.role.admin { background: #6d28d9; }
  .log .status { margin-left: 6px; color: var(--lcr-color-hint); font-size: 12px; }
  .log .line[data-status='failed'] .status { color: var(--lcr-color-danger); }
  .log .retry { background: none; border: 0; color: inherit; min-width: 24px; min-height: 24px; }
  .new-pill { align-self: center; margin-top: 4px; border: 0; border-radius: 999px; padding: 4px 12px; background: var(--lcr-color-secondary); color: #001; font-weight: 700; min-height: 28px; }
  .gift-banners-host, .gift-effect-host { position: absolute; inset: 0; pointer-events: none; }
  .gift-banners-host { z-index: 3; }
  .gift-effect-host { z-index: 4; }
  @container (max-width: ${unsafeCSS(NARROW_PX)}px) {
    .chat { width: calc(100% - 84px); height: 40%; }
    .anchor-name { max-width: 7em; }
    .avatar { width: 30px; height: 30px; }
    .follow { padding: 4px 10px; min-height: 28px; }
    .barrage { top: var(--lcr-barrage-top-narrow, 120px); }
    .controls { bottom: calc(36% + 20px); right: 8px; }
  }
`;

/** The interactions chunk adds its own (input, like, gifts) when it loads. */
export const elementStyles = [tokens, layout, header, overlays, chat];
