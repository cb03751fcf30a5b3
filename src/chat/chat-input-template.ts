/**
 * The chat input area as a Lit template over a `ChatInputController`, with its styles.
 *
 * Parts: `input-area`, `input`, `input-counter`, `send-button`, `login-button`, `input-status`,
 * `input-failure`. Slots: `input-decoration` (before the field), `input-actions` (after the send
 * button). All message-derived text goes through Lit text bindings or `.value`: text is text.
 * Must not: hold state (the controller does) or read the clock itself beyond `ctrl.block`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { t, type Lang } from '../i18n/index.ts';
import type { ChatInputController } from './chat-input.ts';
import { blockText, isHardBlock } from './chat-input-rules.ts';
import { failureText } from './failure-text.ts';

const COUNTER_ID = 'lcr-input-counter';
const STATUS_ID = 'lcr-input-status';

export function chatInput(ctrl: ChatInputController, lang: Lang): TemplateResult {
  const now = ctrl.time;
  const block = ctrl.block;
  const hard = isHardBlock(block);
  const coolMs = ctrl.cooldownMs;
  const seconds = Math.ceil(coolMs / 1000);
  const length = ctrl.length;
  const fill = length >= ctrl.limit ? 'full' : length >= ctrl.limit * 0.9 ? 'near' : '';
  const state = block ? block.kind : coolMs > 0 ? 'cooldown' : 'ready';
  const failure = ctrl.failure;

  const field =
    block?.kind === 'guest'
      ? html`<button type="button" class="login" part="login-button" @click=${ctrl.onLoginClick}>${t(lang, 'input.login')}</button>`
      : hard
        ? html`<div class="blocked" part="input-status" id=${STATUS_ID} role="status">
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 2a8 8 0 0 1 6.32 12.9L7.1 5.68A7.96 7.96 0 0 1 12 4ZM4 12c0-1.85.63-3.55 1.68-4.9L16.9 18.32A8 8 0 0 1 4 12Z"></path></svg>
          <span>${blockText(lang, block!, now)}</span>
        </div>`
        : html`<div class="field ${fill}">
          <input part="input" type="text" inputmode="text" enterkeyhint="send" autocomplete="off" spellcheck="true"
            aria-label=${t(lang, 'input.label')} placeholder=${t(lang, 'input.placeholder')}
            aria-describedby=${block ? `${COUNTER_ID} ${STATUS_ID}` : COUNTER_ID}
            .value=${live(ctrl.draft)}
            @input=${ctrl.onInput} @keydown=${ctrl.onKeyDown}
            @compositionstart=${ctrl.onCompositionStart} @compositionend=${ctrl.onCompositionEnd} />
          <span class="counter" part="input-counter" id=${COUNTER_ID}><span class="counter-shown" aria-hidden="true">${length}/${ctrl.limit}</span><span class="sr-only">${t(lang, 'input.counter', { count: length, max: ctrl.limit })}</span></span>
        </div>`;

  const send =
    block?.kind === 'guest'
      ? nothing
      : html`<button type="button" class="send ${coolMs > 0 ? 'cooling' : ''}" part="send-button" ?disabled=${!ctrl.canSend}
        aria-label=${coolMs > 0 ? t(lang, 'input.sendWait', { seconds }) : t(lang, 'input.send')} @click=${ctrl.onSendClick}>
        ${coolMs > 0 ? html`<span class="wait">${seconds}s</span>` : t(lang, 'input.send')}
      </button>`;

  return html`<div class="chat-input ${state}" part="input-area" data-state=${state}>
    ${
      failure
        ? html`<div class="failure" part="input-failure" role="alert">
          <span class="failure-text">${failureText(lang, failure)}</span>
          <button type="button" class="dismiss" aria-label=${t(lang, 'input.dismiss')} @click=${ctrl.onDismissFailure}>×</button>
        </div>`
        : nothing
    }
    ${block?.kind === 'offline' ? html`<div class="soft-status" id=${STATUS_ID} role="status">${blockText(lang, block, now)}</div>` : nothing}
    <div class="row">
      <slot name="input-decoration"></slot>
      ${field}
      ${send}
      <slot name="input-actions"></slot>
    </div>
  </div>`;
}

export const chatInputStyles = css`
  .chat-input { display: flex; flex-direction: column; gap: 6px; font-family: var(--lcr-font-family, system-ui, sans-serif); font-size: var(--lcr-font-size, 14px); color: var(--lcr-color-text, #f4f5f7); }
  .chat-input .row { display: flex; align-items: center; gap: 8px; min-width: 0; }
  .chat-input .field {
    flex: 1; min-width: 0; display: flex; align-items: center; gap: 6px; height: 44px; box-sizing: border-box; padding: 0 12px;
    border-radius: 999px; background: var(--lcr-input-background, rgba(255, 255, 255, 0.12)); border: 1px solid var(--lcr-input-border, rgba(255, 255, 255, 0.18));
  }
  .chat-input .field:focus-within { border-color: var(--lcr-color-highlight, #ffd166); }
  .chat-input input { flex: 1; min-width: 0; height: 100%; border: 0; outline: 0; padding: 0; background: transparent; color: inherit; font: inherit; }
  .chat-input input::placeholder { color: var(--lcr-color-hint, #a3a8b4); }
  .chat-input .counter { flex: none; font-size: 11px; font-variant-numeric: tabular-nums; color: var(--lcr-color-hint, #a3a8b4); }
  .chat-input .field.near .counter { color: var(--lcr-color-highlight, #ffd166); }
  .chat-input .field.full .counter { color: var(--lcr-color-danger, #ff6b6b); font-weight: 700; }
  .chat-input button { font: inherit; cursor: pointer; }
  .chat-input .send, .chat-input .login {
    flex: none; min-width: 72px; height: 44px; padding: 0 16px; border: 0; border-radius: 999px; font-weight: 700;
    background: var(--lcr-send-background, var(--lcr-color-accent, #ff3d6e)); color: #fff;
  }
  .chat-input .login { flex: 1; }
  .chat-input .send:disabled { cursor: default; background: rgba(255, 255, 255, 0.16); color: var(--lcr-color-hint, #a3a8b4); }
  .chat-input .send.cooling { font-variant-numeric: tabular-nums; color: var(--lcr-color-highlight, #ffd166); }
  .chat-input .send:focus-visible, .chat-input .login:focus-visible, .chat-input .dismiss:focus-visible { outline: 2px solid var(--lcr-color-highlight, #ffd166); outline-offset: 2px; }
  .chat-input .blocked {
    flex: 1; min-width: 0; display: flex; align-items: center; gap: 8px; height: 44px; box-sizing: border-box; padding: 0 14px;
    border-radius: 999px; background: rgba(255, 255, 255, 0.07); border: 1px dashed rgba(255, 255, 255, 0.22); color: var(--lcr-color-hint, #a3a8b4);
  }
  .chat-input .blocked span { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-variant-numeric: tabular-nums; }
  .chat-input .blocked svg { flex: none; width: 18px; height: 18px; fill: currentColor; }
  .chat-input .failure {
    display: flex; align-items: center; gap: 8px; padding: 6px 6px 6px 12px; border-radius: 10px; font-size: 13px;
    background: rgba(255, 107, 107, 0.16); border: 1px solid rgba(255, 107, 107, 0.5); color: var(--lcr-color-text, #f4f5f7);
  }
  .chat-input .failure-text { flex: 1; min-width: 0; overflow-wrap: anywhere; }
  .chat-input .dismiss { flex: none; width: 28px; height: 28px; border: 0; border-radius: 50%; background: transparent; color: inherit; font-size: 18px; line-height: 1; }
  .chat-input .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
  .chat-input .soft-status { font-size: 12px; color: var(--lcr-color-highlight, #ffd166); }
`;
