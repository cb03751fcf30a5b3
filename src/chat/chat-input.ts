/**
 * `ChatInputController`: the chat input's state, for the element to render with `chatInput()`
 * (chat-input-template.ts). A Lit ReactiveController in shape (`hostConnected`/`hostDisconnected`)
 * but usable with any host that has `requestUpdate()`.
 *
 * Owns: the draft (one line, at most `limit` code points), IME composition tracking (no send while
 * composing: `compositionstart/end`, `isComposing`, keyCode 229), the send cooldown from the
 * pipeline's token bucket, the last send failure shown, and the one timer that ticks visible
 * countdowns (cooldown, mute, ban) and re-enables the input when they end. Teardown: the timer
 * stops on `hostDisconnected` and `destroy()` (idempotent); `chatInputResources()` counts it.
 * Must not: send anything itself (it calls `onSend`) or decide who may chat (that is the status
 * the element passes in).
 */
import { areaCounter } from '../platform/resources.ts';
import { LIMITS, type FailureReason } from '../protocol/index.ts';
import {
  blockCountdown,
  clampCodePoints,
  codePointLength,
  inputBlock,
  isHardBlock,
  sendableText,
  singleLine,
  type ChatInputStatus,
  type InputBlock,
} from './chat-input-rules.ts';

export interface ChatInputHost {
  requestUpdate(): void;
  addController?(controller: { hostConnected?(): void; hostDisconnected?(): void }): void;
}

export interface ChatInputOptions {
  /** Called with the trimmed text; may return the request's clientId (to restore it on cooldown). */
  readonly onSend: (text: string) => string | void;
  /** The guest's "Log in to chat" button. */
  readonly onLoginRequest?: () => void;
  /** Code points (default `LIMITS.textChars`). */
  readonly limit?: number;
  /** Clock (ms) shared with the status times (default `Date.now`, as RxJS's async scheduler). */
  readonly now?: () => number;
}

/** Kept in the page's one census (platform/resources.ts). */
const live = areaCounter('chat', ['timers']);

/** Countdown timers pending in chat inputs on this thread (tests count teardown). */
export function chatInputResources(): { readonly timers: number } {
  return { ...live };
}

/** Longest single wait; longer ends (hours-long mutes) are re-checked. */
const MAX_WAIT_MS = 3_600_000;

export class ChatInputController {
  readonly limit: number;
  private text = '';
  private status: ChatInputStatus = { guest: false };
  private cooldownUntil = 0;
  private lastFailure: FailureReason | null = null;
  private lastSent: { readonly clientId: string; readonly text: string } | null = null;
  private isComposing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connected: boolean;
  private dead = false;
  private readonly now: () => number;

  constructor(
    private readonly host: ChatInputHost,
    private readonly options: ChatInputOptions,
  ) {
    this.limit = Math.max(1, Math.floor(options.limit ?? LIMITS.textChars));
    this.now = options.now ?? Date.now;
    // A Lit host calls hostConnected (at once if already connected); a plain host is live now.
    this.connected = !host.addController;
    host.addController?.(this);
  }

  /** The controller's clock now (the status times are on it). */
  get time(): number {
    return this.now();
  }

  get draft(): string {
    return this.text;
  }

  /** Code points in the draft. */
  get length(): number {
    return codePointLength(this.text);
  }

  get composing(): boolean {
    return this.isComposing;
  }

  get failure(): FailureReason | null {
    return this.lastFailure;
  }

  get block(): InputBlock | null {
    return inputBlock(this.status, this.now());
  }

  /** Ms until the token bucket takes another message (0 = now). */
  get cooldownMs(): number {
    return Math.max(0, this.cooldownUntil - this.now());
  }

  /**
   * Whether the send button is enabled. Composition does not disable it (a Korean or Chinese
   * typist would see it flicker every syllable; a click commits the IME first anyway), but
   * `send()` itself refuses mid-composition.
   */
  get canSend(): boolean {
    return !this.dead && this.block === null && this.cooldownMs === 0 && sendableText(this.text, this.limit) !== null;
  }

  setStatus(status: ChatInputStatus): void {
    if (this.dead) return;
    this.status = status;
    // The input leaves the DOM under a hard block; a composition in it cannot finish.
    if (isHardBlock(this.block)) this.isComposing = false;
    this.changed();
  }

  /** The token bucket refused a send (`cooldown$`): wait `retryInMs`; its text comes back. */
  cooldown(retryInMs: number, clientId?: string): void {
    if (this.dead) return;
    const wait = Number.isFinite(retryInMs) ? Math.max(0, retryInMs) : 0;
    this.cooldownUntil = Math.max(this.cooldownUntil, this.now() + wait);
    if (clientId !== undefined && this.lastSent?.clientId === clientId && this.text === '') this.text = this.lastSent.text;
    this.changed();
  }

  showFailure(reason: FailureReason): void {
    if (this.dead) return;
    this.lastFailure = reason;
    this.changed();
  }

  clearFailure(): void {
    if (this.lastFailure === null) return;
    this.lastFailure = null;
    this.changed();
  }

  /** Replaces the draft (one line, clamped), e.g. to prefill. */
  setDraft(text: string): void {
    if (this.dead) return;
    this.text = clampCodePoints(singleLine(text), this.limit);
    this.changed();
  }

  /** Sends the draft if allowed; returns whether it did. */
  send(): boolean {
    if (this.isComposing || !this.canSend) return false;
    const text = sendableText(this.text, this.limit)!;
    const clientId = this.options.onSend(text);
    this.lastSent = typeof clientId === 'string' ? { clientId, text } : null;
    this.text = '';
    this.lastFailure = null;
    this.changed();
    return true;
  }

  requestLogin(): void {
    if (!this.dead) this.options.onLoginRequest?.();
  }

  // --- DOM handlers (stable identities, so re-renders do not re-bind listeners) -------------

  readonly onInput = (e: Event): void => {
    const el = e.target as HTMLInputElement;
    if (this.isComposing || (e as InputEvent).isComposing) {
      this.text = el.value; // never touch the field mid-composition: it would cancel the IME
    } else {
      this.text = this.fit(el);
    }
    this.changed();
  };

  readonly onCompositionStart = (): void => {
    this.isComposing = true;
    this.changed();
  };

  readonly onCompositionEnd = (e: Event): void => {
    this.isComposing = false;
    this.text = this.fit(e.target as HTMLInputElement);
    this.changed();
  };

  readonly onKeyDown = (e: KeyboardEvent): void => {
    if (e.key !== 'Enter') return;
    // The Enter that commits an IME candidate is not a send (Safari reports it after
    // compositionend with keyCode 229; Chromium with isComposing).
    if (e.isComposing || this.isComposing || e.keyCode === 229) return;
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault(); // one line: Shift+Enter sends too, nothing inserts a newline
    this.send();
  };

  readonly onSendClick = (): void => {
    this.send();
  };

  readonly onLoginClick = (): void => {
    this.requestLogin();
  };

  readonly onDismissFailure = (): void => {
    this.clearFailure();
  };

  // --- lifetime ------------------------------------------------------------------------------

  hostConnected(): void {
    if (this.dead) return;
    this.connected = true;
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.clearTimer();
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.connected = false;
    this.clearTimer();
  }

  /** Normalises the field's text (one line, limit) and writes it back only if it changed. */
  private fit(el: HTMLInputElement): string {
    const clean = clampCodePoints(singleLine(el.value), this.limit);
    if (clean !== el.value) el.value = clean;
    return clean;
  }

  private changed(): void {
    if (this.dead) return;
    this.host.requestUpdate();
    this.schedule();
  }

  /** One timer for the nearest visible change: a countdown's next second or a block's end. */
  private schedule(): void {
    this.clearTimer();
    if (!this.connected || this.dead) return;
    const now = this.now();
    const waits: number[] = [];
    const cool = this.cooldownUntil - now;
    if (cool > 0) waits.push(((Math.ceil(cool) - 1) % 1000) + 1);
    const block = this.block;
    const shown = blockCountdown(block, now);
    if (shown !== undefined) waits.push(((Math.ceil(shown) - 1) % 1000) + 1);
    else if (block && (block.kind === 'muted' || block.kind === 'banned') && Number.isFinite(block.until))
      waits.push(Math.min(MAX_WAIT_MS, block.until - now));
    if (waits.length === 0) return;
    live.timers++;
    this.timer = setTimeout(this.tick, Math.max(1, Math.min(...waits)));
  }

  private readonly tick = (): void => {
    this.timer = null;
    live.timers--;
    this.changed();
  };

  private clearTimer(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    live.timers--;
  }
}
