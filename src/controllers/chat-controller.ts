/**
 * Owns the chat list for the element's lifetime (made on connect, destroyed on disconnect) and
 * draws the room store's `chat$` into it; a failed own line's Retry goes back to the store. The
 * list's code is a lazy chunk (chat/chat-ui.ts), fetched after the video's first frame; what the
 * store says before it arrives is kept (bounded) and drawn then.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatList, FontSample } from '../chat/chat-ui.ts';
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
const warmSamples = ({ WARM_TEXT, WARM_EMOJI }: ChatUi): readonly FontSample[] => [
  { text: WARM_TEXT },
  { text: WARM_EMOJI },
  { text: WARM_TEXT, style: 'font-weight:700;' },
];

type ChatUi = typeof import('../chat/chat-ui.ts');
let chatUi: ChatUi | undefined;
let chatUiLoad: Promise<ChatUi> | undefined;
/** A failed fetch is forgotten, so the next connect asks again. */
const loadChatUi = (): Promise<ChatUi> =>
  (chatUiLoad ??= import('../chat/chat-ui.ts').then(
    (m) => (chatUi = m),
    (err: unknown) => {
      chatUiLoad = undefined;
      throw err;
    },
  ));

/** Ops kept while the list's chunk loads: more than any list shows (its `max` is at most a few hundred). */
const MAX_PENDING = 1000;

export class ChatController implements ReactiveController {
  private list: ChatList | undefined;
  private stopWarming: (() => void) | undefined;
  private generation = 0;
  private connected = false;
  private pending: ChatOp[] = [];

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
      // After the video's first frame (so it cannot delay it), in idle time while the room joins:
      // the list's chunk, then the faces, loaded before the first messages are laid out.
      const root = await this.options.fontsRoot();
      const ui = await loadChatUi().catch(() => undefined);
      if (generation !== this.generation || !ui) return;
      this.attach();
      if (root && !this.stopWarming) this.stopWarming = ui.warmFonts(root, warmSamples(ui));
    });
  }

  /** The list's parts may render after connect (the room's chrome waits for the video): attach then. */
  hostUpdated(): void {
    if (!this.list && this.connected) this.attach();
  }

  private attach(): void {
    if (this.list || !chatUi) return;
    const { log, pill, announcer } = this.options.parts();
    if (!log || !pill || !announcer) return;
    log.replaceChildren(); // a reconnected element starts a fresh list
    this.list = new chatUi.ChatList({
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
    const pending = this.pending;
    this.pending = [];
    for (const op of pending) this.apply(op);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.generation++;
    this.stopWarming?.();
    this.stopWarming = undefined;
    this.list?.destroy();
    this.list = undefined;
    this.pending = [];
  }

  private apply(op: ChatOp): void {
    const list = this.list;
    if (!list) {
      if (!this.connected) return;
      this.pending.push(op);
      if (this.pending.length > MAX_PENDING) this.pending.shift();
      return;
    }
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
