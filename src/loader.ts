/**
 * The smallest way onto a page: `<script type="module" src="…/loader.js">`. It loads nothing but
 * itself until a `<live-chat-room>` is in the document (now, or later: a theme section, a SPA
 * route), then imports the element's registration once. Must not: import the element statically
 * (this entry stays a few hundred bytes), or watch the page after the element is loaded.
 */
const TAG = 'live-chat-room';

let loading: Promise<unknown> | undefined;

function load(): Promise<unknown> {
  loading ??= import('./define.ts');
  return loading;
}

function watch(): void {
  // On a server (SSR in Node) there is no page to watch: importing this entry there does nothing.
  if (typeof document === 'undefined' || typeof customElements === 'undefined') return;
  if (customElements.get(TAG)) return;
  if (document.getElementsByTagName(TAG).length > 0) {
    void load();
    return;
  }
  const seen = new MutationObserver(() => {
    if (document.getElementsByTagName(TAG).length === 0) return;
    seen.disconnect();
    void load();
  });
  seen.observe(document.documentElement, { childList: true, subtree: true });
}

watch();

/** For hosts that create the element from script and want it defined first. */
export function whenDefined(): Promise<CustomElementConstructor> {
  void load();
  return customElements.whenDefined(TAG);
}
