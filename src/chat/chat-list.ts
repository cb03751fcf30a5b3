/**
 * The vertical chat list (DOM, `role="log"`). Owns the log element's children: lines are
 * appended in batches at most once per animation frame (and no more often than `minIntervalMs`,
 * own lines excepted), the list is capped, and a "N new
 * messages" pill appears when the viewer has scrolled up. Screen readers get at most one
 * announcement every `announceMs` (the log itself is not live: 40 lines/s would be noise).
 */
import { t, type Lang } from '../i18n/index.ts';
import type { FailureReason } from '../protocol/index.ts';
import { buildLine } from './chat-line.ts';
import { failureText } from './failure-text.ts';
import type { ChatEntry, ChatItemRenderer } from './chat-types.ts';

export interface ChatListOptions {
  readonly log: HTMLElement;
  readonly pill: HTMLButtonElement;
  readonly announcer: HTMLElement;
  max: number;
  lang: Lang;
  renderItem?: ChatItemRenderer;
  /** Called when the viewer presses retry on a failed own message. */
  onRetry?: (clientId: string) => void;
  readonly announceMs?: number;
  /**
   * Least time between two appends (default 0: every frame). Each append lays the log out once;
   * under a flood ten a second read the same and cost a sixth. Own lines never wait.
   */
  readonly minIntervalMs?: number;
  /**
   * Most lines one append adds (default: all queued). A burst (400 in a second) would otherwise
   * lay out 40+ new lines in one frame; the rest follow in the next frames, own lines first in line.
   */
  readonly maxPerFlush?: number;
}

const NEAR_BOTTOM_PX = 24;

export class ChatList {
  private queue: ChatEntry[] = [];
  private frame = 0;
  private unseen = 0;
  private lastAnnounce = -Infinity; // the first batch is announced even on a page younger than announceMs
  private destroyed = false;
  /** The list follows new lines (the viewer has not scrolled up). */
  private stuck = true;
  private lastTop = 0;
  private lastFlush = -Infinity;
  private resize: ResizeObserver | null = null;
  private readonly lines = new Map<string, HTMLElement>();
  /** What each shown line says (its status included): a language change draws them again. */
  private readonly shown = new Map<string, ChatEntry>();

  constructor(private readonly o: ChatListOptions) {
    o.log.setAttribute('role', 'log');
    o.log.setAttribute('aria-live', 'off');
    o.announcer.setAttribute('aria-live', 'polite');
    o.pill.hidden = true;
    o.pill.addEventListener('click', this.onPill);
    o.log.addEventListener('scroll', this.onScroll, { passive: true });
    // The log shrinks when the input grows (a failure notice): keep the newest line in view.
    if (typeof ResizeObserver === 'function') {
      this.resize = new ResizeObserver(() => {
        if (this.stuck) this.toBottom();
      });
      this.resize.observe(o.log);
    }
  }

  push(entry: ChatEntry): void {
    if (this.destroyed) return;
    this.queue.push(entry);
    // Never hold more than the list can show: older queued lines would be removed anyway. The
    // viewer's own lines are never evicted before they were shown, however fast others arrive.
    if (this.queue.length > this.o.max) this.queue = evictOldest(this.queue, this.queue.length - this.o.max);
    if (!this.frame) this.frame = requestAnimationFrame(this.flush);
  }

  /** Updates an own line's echo state (pending → sent | failed with a retry button). */
  setStatus(id: string, status: 'pending' | 'sent' | 'failed', reason?: FailureReason): void {
    const line = this.lines.get(id);
    const entry = this.shown.get(id);
    if (entry) this.shown.set(id, { ...entry, status, ...(reason ? { reason } : {}) });
    if (!line) {
      const queued = this.queue.findIndex((e) => e.id === id);
      if (queued >= 0) this.queue[queued] = { ...this.queue[queued]!, status, ...(reason ? { reason } : {}) };
      return;
    }
    line.dataset.status = status;
    line.querySelector('.status')?.remove();
    if (status === 'sent') return;
    const box = document.createElement('span');
    box.className = 'status';
    box.setAttribute('part', `chat-status chat-status-${status}`);
    if (status === 'pending') {
      box.textContent = '…';
      box.setAttribute('role', 'img'); // a name on a plain span is not announced (aria-prohibited-attr)
      box.setAttribute('aria-label', t(this.o.lang, 'chat.sending'));
    } else {
      const reasonText = reason ? failureText(this.o.lang, reason) : undefined;
      box.textContent = reasonText ?? '!';
      const retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'retry';
      retry.setAttribute('part', 'chat-retry');
      retry.textContent = '↻';
      retry.setAttribute('aria-label', `${reasonText ?? ''} ${t(this.o.lang, 'chat.retry')}`.trim());
      retry.addEventListener('click', () => this.o.onRetry?.(id));
      box.append(retry);
    }
    line.append(box);
  }

  /** Hides a recalled line. */
  remove(id: string): void {
    this.lines.get(id)?.remove();
    this.lines.delete(id);
    this.shown.delete(id);
    this.queue = this.queue.filter((e) => e.id !== id);
  }

  replaceText(id: string, text: string): void {
    const el = this.lines.get(id)?.querySelector('.text');
    if (el) el.textContent = text;
    const entry = this.shown.get(id);
    if (entry) this.shown.set(id, { ...entry, text });
  }

  setMax(max: number): void {
    this.o.max = Math.max(1, Math.floor(max));
    this.trim();
  }

  /** A new language: every shown line is drawn again in it (badges, "you", statuses). */
  setLang(lang: Lang): void {
    if (lang === this.o.lang) return;
    this.o.lang = lang;
    for (const [id, old] of this.lines) {
      const entry = this.shown.get(id);
      if (!entry) continue;
      const line = this.render(entry);
      old.replaceWith(line);
      this.lines.set(id, line);
      if (entry.status && entry.status !== 'sent') this.setStatus(id, entry.status, entry.reason);
    }
    if (!this.o.pill.hidden) this.showPill(0);
  }

  get size(): number {
    return this.o.log.childElementCount;
  }

  private readonly flush = (now: number = performance.now()): void => {
    this.frame = 0;
    if (this.destroyed || this.queue.length === 0) return;
    if (now - this.lastFlush < (this.o.minIntervalMs ?? 0) && !this.queue.some((e) => e.own)) {
      this.frame = requestAnimationFrame(this.flush);
      return;
    }
    this.lastFlush = now;
    const log = this.o.log;
    const batch = this.queue;
    if (log.scrollTop < this.lastTop - 1) this.stuck = false; // scrolled up; its event may still be queued
    // Following the bottom is remembered (a shrinking log — the input growing — does not end it),
    // and the viewer's own line always brings the list down to it.
    const atBottom =
      this.stuck || log.scrollHeight - log.scrollTop - log.clientHeight <= NEAR_BOTTOM_PX || batch.some((e) => e.own && e.kind === 'text');
    this.queue = batch.splice(this.o.maxPerFlush ?? batch.length);
    const fragment = document.createDocumentFragment();
    for (const entry of batch) {
      const line = this.render(entry);
      this.lines.set(entry.id, line);
      this.shown.set(entry.id, entry);
      fragment.append(line);
      if (entry.status && entry.status !== 'sent') this.setStatus(entry.id, entry.status, entry.reason);
    }
    log.append(fragment);
    this.trim();
    if (atBottom) {
      this.toBottom();
      this.hidePill();
    } else this.showPill(batch.length);
    this.announce(batch);
    // What one append could not take follows in the next frame (without the interval: it is late already).
    if (this.queue.length > 0) {
      this.lastFlush = -Infinity;
      this.frame = requestAnimationFrame(this.flush);
    }
  };

  private render(entry: ChatEntry): HTMLElement {
    const line = buildLine(entry, this.o.lang);
    const custom = this.o.renderItem?.(entry, line);
    if (custom instanceof HTMLElement) {
      custom.dataset.id = entry.id;
      return custom;
    }
    if (custom instanceof Node) {
      const wrap = document.createElement('div');
      wrap.dataset.id = entry.id;
      wrap.append(custom);
      return wrap;
    }
    return line;
  }

  /**
   * Keeps the log at `max` lines, oldest first out — except the viewer's own lines still sending
   * or failed (a failed line holds its retry button): those stay until they settle.
   */
  private trim(): void {
    const log = this.o.log;
    let line = log.firstElementChild as HTMLElement | null;
    while (log.childElementCount > this.o.max && line) {
      const next = line.nextElementSibling as HTMLElement | null;
      const unsettled = line.dataset.status === 'pending' || line.dataset.status === 'failed';
      if (!unsettled) {
        if (line.dataset.id) {
          this.lines.delete(line.dataset.id);
          this.shown.delete(line.dataset.id);
        }
        line.remove();
      }
      line = next;
    }
  }

  private showPill(added: number): void {
    this.unseen += added;
    this.o.pill.hidden = false;
    this.o.pill.textContent = t(this.o.lang, 'chat.newMessages', { count: this.unseen > 99 ? '99+' : this.unseen });
  }

  private announce(batch: readonly ChatEntry[]): void {
    const now = performance.now();
    if (now - this.lastAnnounce < (this.o.announceMs ?? 3000)) return;
    const last = [...batch].reverse().find((e) => e.kind === 'text' || e.kind === 'gift');
    if (!last) return;
    this.lastAnnounce = now;
    this.o.announcer.textContent = `${last.sender.nick}: ${last.text}`;
  }

  private readonly onScroll = (): void => {
    const log = this.o.log;
    const top = log.scrollTop;
    // Only the viewer scrolls up; our own scrolls go down. A scroll event read after the log was
    // resized or grew is not a reason to stop following.
    if (log.scrollHeight - top - log.clientHeight <= NEAR_BOTTOM_PX) {
      this.stuck = true;
      this.hidePill();
    } else if (top < this.lastTop - 1) this.stuck = false;
    this.lastTop = top;
  };

  private readonly onPill = (): void => {
    this.toBottom();
    this.hidePill();
  };

  /** Our own scrolls are remembered, so a later scroll event that went up is the viewer's. */
  private toBottom(): void {
    const log = this.o.log;
    log.scrollTop = log.scrollHeight;
    this.lastTop = log.scrollTop;
    this.stuck = true;
  }

  private hidePill(): void {
    this.unseen = 0;
    // A keyboard user on the pill would be dropped on the page when it hides: keep them in the chat.
    const hadFocus = this.o.pill.matches(':focus');
    this.o.pill.hidden = true;
    if (hadFocus) this.o.log.focus({ preventScroll: true });
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.queue = [];
    this.o.pill.removeEventListener('click', this.onPill);
    this.o.log.removeEventListener('scroll', this.onScroll);
    this.resize?.disconnect();
    this.resize = null;
  }
}

/** Removes the `count` oldest entries that are not the viewer's own (own ones always stay). */
function evictOldest(queue: ChatEntry[], count: number): ChatEntry[] {
  let left = count;
  return queue.filter((e) => e.own || left-- <= 0);
}
