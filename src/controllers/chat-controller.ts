/**
 * Owns the chat list for the element's lifetime (made on connect, destroyed on disconnect) and
 * draws the room store's `chat$` into it; a failed own line's Retry goes back to the store.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ChatList } from '../chat/chat-list.ts';
import { WARM_EMOJI, WARM_TEXT, warmFonts, type FontSample } from '../chat/warm-fonts.ts';
import type { ChatItemRenderer } from '../chat/chat-types.ts';
import type { Lang } from '../i18n/index.ts';
import type { ChatOp } from '../store/room-store.ts';
import type { StoreLink } from './store-link.ts';

export interface ChatControllerOptions {
  readonly parts: () => { log: HTMLElement | null; pill: HTMLButtonElement | null; announcer: HTMLElement | null };
  readonly lang: () => Lang;
  readonly max: () => number;
  readonly renderItem: () => ChatItemRenderer | undefined;
  readonly link: StoreLink;
  /**
   * Where the font probes go (the element's render root: they inherit its font), once the room
   * may do main-thread work: after the video's first frame, like the room's other parts.
   */
  readonly fontsRoot: () => Promise<(ParentNode & Node) | null>;
}

/**
 * The faces the chat needs, in load order (one per idle task): its regular weight, the gift emoji
 * every gift line starts with, and its bold weight (names, badges). The barrage warms its own
 * canvas faces when it is made (`warmMeasure`).
 */
const WARM_SAMPLES: readonly FontSample[] = [{ text: WARM_TEXT }, { text: WARM_EMOJI }, { text: WARM_TEXT, style: 'font-weight:700;' }];

export class ChatController implements ReactiveController {
  private list: ChatList | undefined;
  private stopWarming: (() => void) | undefined;
  private generation = 0;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ChatControllerOptions,
  ) {
    host.addController(this);
    options.link.use((store) => store.chat$.subscribe((op) => this.apply(op)));
  }

  hostConnected(): void {
    this.connected = true;
    const generation = ++this.generation;
    void this.host.updateComplete.then(async () => {
      if (generation !== this.generation) return;
      this.attach();
      // After the video's first frame (so it cannot delay it), in idle time while the room joins:
      // the faces are loaded before the first messages are laid out.
      const root = await this.options.fontsRoot();
      if (generation === this.generation && root && !this.stopWarming) this.stopWarming = warmFonts(root, WARM_SAMPLES);
    });
  }

  /** The list's parts may render after connect (the room's chrome waits for the video): attach then. */
  hostUpdated(): void {
    if (!this.list && this.connected) this.attach();
  }

  private attach(): void {
    if (this.list) return;
    const { log, pill, announcer } = this.options.parts();
    if (!log || !pill || !announcer) return;
    log.replaceChildren(); // a reconnected element starts a fresh list
    this.list = new ChatList({
      log,
      pill,
      announcer,
      max: this.options.max(),
      lang: this.options.lang(),
      // Asked per line, so a hook set (or unset) after connect applies to the next lines.
      renderItem: (entry, line) => this.options.renderItem()?.(entry, line),
      onRetry: (clientId) => this.options.link.current?.retry(clientId),
      minIntervalMs: 100,
      maxPerFlush: 20,
    });
  }

  hostDisconnected(): void {
    this.connected = false;
    this.generation++;
    this.stopWarming?.();
    this.stopWarming = undefined;
    this.list?.destroy();
    this.list = undefined;
  }

  private apply(op: ChatOp): void {
    const list = this.list;
    if (!list) return;
    if (op.op === 'push') list.push(op.entry);
    else if (op.op === 'status') list.setStatus(op.id, op.status, op.reason);
    else if (op.op === 'remove') list.remove(op.id);
    else list.replaceText(op.id, op.text);
  }

  /** The element's language changed: lines already shown are drawn again in it. */
  setLang(lang: Lang): void {
    this.list?.setLang(lang);
  }

  setMax(max: number): void {
    this.list?.setMax(max);
  }

  get size(): number {
    return this.list?.size ?? 0;
  }
}
