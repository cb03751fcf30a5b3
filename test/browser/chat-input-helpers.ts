/** Shared helpers for the chat input tests: the template in a themed shadow root, re-rendered on request. */
import { render } from 'lit';
import { ChatInputController, type ChatInputOptions } from '../../src/chat/chat-input.ts';
import { chatInput, chatInputStyles } from '../../src/chat/chat-input-template.ts';
import type { Lang } from '../../src/i18n/index.ts';
import { tokens } from '../../src/styles/tokens.ts';

export interface InputMount {
  readonly host: HTMLDivElement;
  readonly root: ShadowRoot;
  readonly ctrl: ChatInputController;
  readonly sent: string[];
  readonly logins: number[];
  renders: number;
  input(): HTMLInputElement | null;
  send(): HTMLButtonElement | null;
  q<T extends Element = HTMLElement>(selector: string): T | null;
}

const mounted: { host: HTMLElement; ctrl: ChatInputController }[] = [];

export function mountInput(opts: Partial<ChatInputOptions> & { lang?: Lang; width?: number; clientIds?: boolean } = {}): InputMount {
  const host = document.createElement('div');
  host.style.cssText = `width:${opts.width ?? 380}px;padding:14px 12px;box-sizing:border-box;background:linear-gradient(180deg,#222a3b 0%,#12151d 60%,#0e0f13 100%);`;
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, chatInputStyles.styleSheet!];
  const sent: string[] = [];
  const logins: number[] = [];
  let n = 0;
  const m = {
    host,
    root,
    sent,
    logins,
    renders: 0,
    input: () => root.querySelector<HTMLInputElement>('input[part="input"]'),
    send: () => root.querySelector<HTMLButtonElement>('[part="send-button"]'),
    q: <T extends Element = HTMLElement>(s: string) => root.querySelector<T>(s),
  } as InputMount & { ctrl: ChatInputController };
  const ctrl = new ChatInputController(
    {
      requestUpdate: () => {
        m.renders++;
        render(chatInput(ctrl, opts.lang ?? 'en'), root);
      },
    },
    {
      onSend: (text) => {
        sent.push(text);
        return opts.clientIds ? `c${++n}` : undefined;
      },
      onLoginRequest: () => logins.push(Date.now()),
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.now ? { now: opts.now } : {}),
    },
  );
  (m as { ctrl: ChatInputController }).ctrl = ctrl;
  render(chatInput(ctrl, opts.lang ?? 'en'), root);
  mounted.push({ host, ctrl });
  return m;
}

export function unmountInputs(): void {
  for (const { host, ctrl } of mounted.splice(0)) {
    ctrl.destroy();
    host.remove();
  }
}

/** Elements in the root a keyboard user can reach. */
export function focusables(root: ShadowRoot): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('input, button, textarea, select, [tabindex]')].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.tabIndex >= 0 && el.getClientRects().length > 0,
  );
}

export const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
