/**
 * Whether the announcement's one-line text is cut off, so "More" is offered only when there is
 * more to read. Measured after each render and whenever the text's box changes size.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class AnnouncementFitController implements ReactiveController {
  /** The text is wider than its line (it shows an ellipsis). */
  overflows = false;
  private observed: Element | null = null;
  private readonly resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.measure()) : null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly text: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const el = this.text();
    if (el !== this.observed) {
      if (this.observed) this.resize?.unobserve(this.observed);
      if (el) this.resize?.observe(el);
      this.observed = el;
    }
    this.measure();
  }

  hostDisconnected(): void {
    this.resize?.disconnect();
    this.observed = null;
  }

  private measure(): void {
    const el = this.observed;
    // While open the text wraps and never overflows: keep the last verdict so "Less" stays.
    if (!el || el.closest('.open')) return;
    const overflows = el.scrollWidth > el.clientWidth + 1;
    if (overflows === this.overflows) return;
    this.overflows = overflows;
    this.host.requestUpdate();
  }
}
