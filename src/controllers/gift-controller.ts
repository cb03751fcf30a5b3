/**
 * The gifts layer's controller: the catalog (the `gifts` property, or loaded from `gifts-src`),
 * the gift stage (banners and full-screen effects, made on connect and destroyed on disconnect —
 * which ends any playing Lottie instance), the default panel's state, and sending through
 * `GiftSender`. Also follows the stage's width (one banner lane when narrow) and the viewer's
 * reduced-motion preference.
 *
 * Owns: the stage, one ResizeObserver, one media-query listener, the catalog load's abort and the
 * combo-badge timer; all end in `hostDisconnected`. Must not: render (the element does) or fetch a
 * URL the asset gate refuses.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { failureText } from '../chat/failure-text.ts';
import { emit } from '../events/index.ts';
import { t, type Lang } from '../i18n/index.ts';
import { createAssetGate, EMPTY_CATALOG, parseCatalog, type CatalogGift, type GiftCatalog } from '../gifts/gift-catalog.ts';
import type { GiftStage } from '../gifts/gift-stage.ts';
import { loadCatalog } from '../gifts/load-catalog.ts';
import { NARROW_PX, prefersReducedMotion, watchReducedMotion } from '../platform/media.ts';
import type { GiftCombo } from '../pipeline/index.ts';
import type { StoreLink } from './store-link.ts';
import { GiftSender, type GiftSendResult, type GiftSenderDeps } from './gift-sender.ts';

type Host = ReactiveControllerHost & HTMLElement;

export interface GiftControllerOptions extends Omit<GiftSenderDeps, 'host' | 'catalog' | 'onResult' | 'active' | 'echo'> {
  /** The room store: combos to show come from its `gifts$`; a billed own gift goes to it. */
  readonly link: StoreLink;
  readonly parts: () => { banners: HTMLElement | null; effects: HTMLElement | null; stage: HTMLElement | null };
  readonly allowUrl: () => ((url: string) => boolean) | undefined;
  readonly lang: () => Lang;
}

const COMBO_RESET_MS = 1500;

/** Banners and the effect player are their own chunk (lottie-web is another, loaded on the first effect). */
let stageLoad: Promise<typeof import('../gifts/gift-stage.ts')> | undefined;
const loadStage = () => (stageLoad ??= import('../gifts/gift-stage.ts'));

export interface GiftPanelState {
  open: boolean;
  selected: string | undefined;
  count: number;
  customOpen: boolean;
  balance: number | undefined;
  error: string | undefined;
  /** Set with `error` when the failed bill's outcome is unknown: the error offers Retry. */
  retryId?: string | undefined;
  combo: number;
}

export class GiftController implements ReactiveController {
  readonly panel: GiftPanelState = {
    open: false,
    selected: undefined,
    count: 1,
    customOpen: false,
    balance: undefined,
    error: undefined,
    combo: 0,
  };
  private catalogValue: GiftCatalog = EMPTY_CATALOG;
  private stage: GiftStage | null = null;
  private resize: ResizeObserver | null = null;
  private unwatch: (() => void) | null = null;
  private load: AbortController | null = null;
  private comboTimer: ReturnType<typeof setTimeout> | undefined;
  private connected = false;
  readonly sender: GiftSender;

  constructor(
    private readonly host: Host,
    private readonly options: GiftControllerOptions,
  ) {
    host.addController(this);
    this.sender = new GiftSender({
      ...options,
      host,
      catalog: () => this.catalogValue,
      onResult: (r, retryId) => this.onResult(r, retryId),
      active: () => !!options.link.current?.active,
      echo: (e) => options.link.current?.echoGift(e),
    });
    options.link.use((store) => {
      store.gifts$.subscribe((combo) => this.onCombo(combo));
      store.sessionEnd$.subscribe(() => this.sender.reset());
    });
  }

  get catalog(): GiftCatalog {
    return this.catalogValue;
  }

  /** Gifts to offer in the panel. */
  get gifts(): readonly CatalogGift[] {
    return this.catalogValue.gifts;
  }

  /** The allowed image URL of a catalog gift (catalog URLs are checked when parsed). */
  imageFor = (gift: CatalogGift): string | undefined =>
    createAssetGate({
      catalog: this.catalogValue,
      origin: location.origin,
      ...(this.options.allowUrl() ? { allowUrl: this.options.allowUrl()! } : {}),
    })(gift.image);

  hostConnected(): void {
    this.connected = true;
    void this.host.updateComplete.then(() => this.connected && this.makeStage());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stage?.destroy();
    this.stage = null;
    this.resize?.disconnect();
    this.resize = null;
    this.unwatch?.();
    this.unwatch = null;
    this.load?.abort();
    this.load = null;
    clearTimeout(this.comboTimer);
    this.sender.reset();
  }

  /** `gifts` property: a catalog array (validated here; bad entries are dropped). */
  setGifts(list: unknown): void {
    this.useCatalog(Array.isArray(list) ? parseCatalog(list, { origin: location.origin }) : EMPTY_CATALOG);
  }

  /** `gifts-src`: load the catalog JSON (bounded); a failure is an `lcr-error` (`catalog`). */
  loadFrom(url: string): void {
    this.load?.abort();
    if (!url) return;
    const abort = new AbortController();
    this.load = abort;
    void loadCatalog(url, { origin: location.origin, signal: abort.signal }).then((res) => {
      if (abort.signal.aborted) return;
      this.load = null;
      this.useCatalog(res.catalog);
      if (!res.ok) emit(this.host, 'lcr-error', { code: 'catalog', message: `Could not load the gift catalog (${res.reason})` });
    });
  }

  private onCombo(combo: GiftCombo): void {
    if (this.stage) this.stage.onCombo(combo);
    else void this.ready().then((stage) => stage?.onCombo(combo));
  }

  /** Resolves when the effect ended or gave way (at once when disconnected). */
  playEffect(url: string): Promise<void> {
    return this.stage ? this.stage.playEffect(url) : this.ready().then((stage) => stage?.playEffect(url));
  }

  /** The stage, made as soon as its chunk is here (undefined while disconnected). */
  private async ready(): Promise<GiftStage | undefined> {
    const { createGiftStage } = await loadStage();
    await this.host.updateComplete;
    if (this.connected) this.buildStage(createGiftStage);
    return this.stage ?? undefined;
  }

  stats() {
    return this.stage?.stats();
  }

  // --- the default panel --------------------------------------------------------------------

  /** Opening moves focus into the panel (the chosen gift, else the first); closing gives it back. */
  toggle = (): void => {
    this.set({ open: !this.panel.open, error: undefined });
    this.moveFocus(this.panel.open);
  };
  close = (): void => {
    if (!this.panel.open) return;
    this.set({ open: false });
    this.moveFocus(false);
  };
  select = (id: string): void => this.set({ selected: id, combo: 0, error: undefined });
  setCount = (count: number): void => this.set({ count, customOpen: this.panel.customOpen && ![1, 10, 99].includes(count) });
  openCustom = (): void => this.set({ customOpen: true });
  dismissError = (): void => this.set({ error: undefined, retryId: undefined });

  /** The panel's send: count 1 is a tap (merged with rapid others), any other count one request. */
  sendSelected = (): void => {
    const id = this.panel.selected;
    if (!id) return;
    const single = this.panel.count === 1;
    if (single) {
      clearTimeout(this.comboTimer);
      this.comboTimer = setTimeout(() => this.set({ combo: 0 }), COMBO_RESET_MS);
      this.set({ combo: this.panel.combo + 1, error: undefined });
    }
    void this.sender.send(id, this.panel.count, !single);
  };

  /** The last failed batch's Retry: bills it again under the same clientId (charged at most once). */
  retryFailed = (): void => {
    const id = this.panel.retryId;
    if (!id) return;
    this.set({ error: undefined, retryId: undefined });
    void this.sender.retry(id);
  };

  private onResult(r: GiftSendResult, retryId?: string): void {
    if (r.ok) {
      this.set({ ...(r.balance !== undefined ? { balance: r.balance } : {}) });
      return;
    }
    if (r.reason === 'cancelled') return;
    const lang = this.options.lang();
    const error =
      r.reason === 'no-endpoint'
        ? t(lang, 'gifting.noEndpoint')
        : r.reason === 'unknown-gift'
          ? t(lang, 'gifting.unknown')
          : failureText(lang, r.reason);
    this.set({ error, retryId, combo: 0, ...(r.balance !== undefined ? { balance: r.balance } : {}) });
  }

  private moveFocus(intoPanel: boolean): void {
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot;
      const target = intoPanel
        ? (root?.querySelector<HTMLElement>('[part~="gift-tile"][aria-pressed="true"]') ??
          root?.querySelector<HTMLElement>('[part~="gift-tile"]'))
        : root?.querySelector<HTMLElement>('[part~="gift-button"]');
      target?.focus();
    });
  }

  private set(partial: Partial<GiftPanelState>): void {
    Object.assign(this.panel, partial);
    this.host.requestUpdate();
  }

  private useCatalog(catalog: GiftCatalog): void {
    this.catalogValue = catalog;
    this.stage?.setCatalog(catalog);
    if (this.panel.selected && !catalog.byId(this.panel.selected)) this.panel.selected = undefined;
    this.host.requestUpdate();
  }

  private makeStage(): void {
    void loadStage().then(({ createGiftStage }) => this.connected && this.buildStage(createGiftStage));
  }

  private buildStage(createGiftStage: (typeof import('../gifts/gift-stage.ts'))['createGiftStage']): void {
    const { banners, effects, stage } = this.options.parts();
    if (this.stage || !banners || !effects) return;
    const allowUrl = this.options.allowUrl();
    const narrow = (stage?.clientWidth ?? NARROW_PX) < NARROW_PX;
    this.stage = createGiftStage({
      bannerHost: banners,
      effectHost: effects,
      catalog: this.catalogValue,
      ...(allowUrl ? { allowUrl } : {}),
      narrow,
      reducedMotion: prefersReducedMotion(),
      subtitle: (gift) => t(this.options.lang(), 'gifting.sent', { gift: gift.name }),
    });
    this.unwatch = watchReducedMotion('gifts', (reduce) => this.stage?.setReducedMotion(reduce));
    if (stage && typeof ResizeObserver === 'function') {
      this.resize = new ResizeObserver(() => this.stage?.setNarrow(stage.clientWidth < NARROW_PX));
      this.resize.observe(stage);
    }
  }
}
