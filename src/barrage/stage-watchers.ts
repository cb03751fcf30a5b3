/**
 * Watches what the barrage's stage depends on in the page: the host's size (ResizeObserver),
 * the tab's visibility (`visibilitychange`) and the device pixel ratio (a `resolution` media
 * query, re-armed on each change: zoom or a move to another screen).
 *
 * Owns: those three subscriptions; `dispose()` removes them all and is idempotent. Every one is
 * counted in `barrageResources()`.
 */
import { trackResource } from './barrage-resources.ts';

export interface StageWatchHandlers {
  /** Content-box size in CSS px. */
  onResize(width: number, height: number): void;
  onVisibility(hidden: boolean): void;
  onDprChange(dpr: number): void;
}

export function currentDpr(): number {
  const dpr = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
  return Number.isFinite(dpr) && dpr > 0 ? dpr : 1;
}

export function isDocumentHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

export function watchStage(host: HTMLElement, handlers: StageWatchHandlers, watchDpr: boolean): () => void {
  const observer = new ResizeObserver((entries) => {
    const last = entries[entries.length - 1];
    if (last) handlers.onResize(last.contentRect.width, last.contentRect.height);
  });
  observer.observe(host);
  trackResource('observers', +1);

  const onVisibility = (): void => handlers.onVisibility(isDocumentHidden());
  document.addEventListener('visibilitychange', onVisibility);
  trackResource('listeners', +1);

  let dprQuery: MediaQueryList | null = null;
  const onDpr = (): void => {
    disarmDpr();
    armDpr();
    handlers.onDprChange(currentDpr());
  };
  const armDpr = (): void => {
    if (!watchDpr || typeof matchMedia !== 'function') return;
    dprQuery = matchMedia(`(resolution: ${currentDpr()}dppx)`);
    dprQuery.addEventListener('change', onDpr);
    trackResource('listeners', +1);
  };
  const disarmDpr = (): void => {
    if (!dprQuery) return;
    dprQuery.removeEventListener('change', onDpr);
    dprQuery = null;
    trackResource('listeners', -1);
  };
  armDpr();

  let live = true;
  return () => {
    if (!live) return;
    live = false;
    observer.disconnect();
    trackResource('observers', -1);
    document.removeEventListener('visibilitychange', onVisibility);
    trackResource('listeners', -1);
    disarmDpr();
  };
}
