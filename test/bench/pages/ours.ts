/**
 * Bench page for ours: one `<live-chat-room>` (the built element from src/define.ts) on a 1280×720
 * stage, fed through a FakeTransport exactly as the browser tests feed it, playing the live stream
 * (its barrage pauses without a playing video). Exposes `window.__bench` (see bench-api.ts).
 */
import '../../../src/define.ts';
import { BARRAGE_SETTINGS_KEY } from '../../../src/barrage/index.ts';
import type { LiveChatRoom } from '../../../src/element/live-chat-room.ts';
import { encodeEnvelope } from '../../../src/protocol/index.ts';
import { FakeTransport } from '../../../src/transport/fake/fake-transport.ts';
import { inspectRoom } from '../../../src/testing.ts';
import { runPlan, startPlayerFromQuery, watchPlayer, type EngineAdapter, type SetupOptions } from './bench-api.ts';
import { untilPlaying } from './probe.ts';
import type { Item } from './workload-gen.ts';

const ME = { id: 'me', nick: 'Me', level: 3, role: 'member' as const };

/** The element's public surface this page may use, plus the two methods being added (optional). */
type El = LiveChatRoom & { playEffect?: (url: string) => Promise<unknown>; like?: (count?: number) => unknown };
/** The room store's own send path, behind the element's checks: the peers' pages push their own line as directly. */
type Privates = {
  session: { link: { current?: { sendText(r: { clientId: string; text: string; sender: typeof ME }): unknown } } };
};

let el: El | undefined;
let transport: FakeTransport | undefined;
let effectUrl = '';
const sendTimes: { t: number; cmd: string }[] = [];
/** The barrage fps of each `lcr-metrics` report, and the last report: numbers only, so the page's
 *  own records do not count as heap the element retains (W3). */
const fpsReports: number[] = [];
let lastMetrics: unknown = null;
const shownIds = new Set<string>();
const notes: string[] = [];

const giftData = (type: 1 | 3, name: string, se = ''): string =>
  encodeEnvelope('send_gift_message', {
    type,
    giftUrl: `${location.origin}/gifts/${name.toLowerCase()}.svg`,
    giftCount: 1,
    giftSEUrl: se,
    giftName: name,
    giftUnits: '',
  });

function raw(item: Item, extra: Record<string, unknown>): Record<string, unknown> {
  return { ID: item.id, from: item.user, nick: item.user, time: Math.floor(Date.now() / 1000), priority: 'Normal', ...extra };
}

function mount(src: string): El {
  transport = new FakeTransport({
    onSend: (wire) => {
      sendTimes.push({ t: performance.now(), cmd: JSON.stringify(wire).includes('like') ? 'like' : 'other' });
      return { ok: true, id: `s-${sendTimes.length}`, time: Date.now() };
    },
  });
  const e = document.createElement('live-chat-room') as El;
  e.style.cssText = 'display:block;width:1280px';
  e.roomId = 'bench';
  e.userId = 'me';
  e.transport = transport;
  e.src = src;
  e.addEventListener('lcr-metrics', (ev) => {
    const detail = (ev as CustomEvent<{ barrage?: { fps?: number } }>).detail;
    lastMetrics = detail;
    if (typeof detail.barrage?.fps === 'number') fpsReports.push(detail.barrage.fps);
  });
  document.body.append(e);
  return e;
}

function watchChat(e: El): void {
  const log = e.shadowRoot?.querySelector('.log');
  if (!log) return void notes.push('no .log in the shadow root: shown items not counted');
  new MutationObserver((records) => {
    for (const r of records)
      r.addedNodes.forEach((n) => n instanceof HTMLElement && /^[go]-/.test(n.dataset.id ?? '') && shownIds.add(n.dataset.id!));
  }).observe(log, { childList: true, subtree: true });
}

let effectsStarted = 0;
let effectsSkipped = 0;
let effectsActive = 0;
let effectMode = '';
let likeMode = '';

function emit(item: Item): void {
  if (!el || !transport) return;
  const url = item.kind === 'effect' ? new URL(item.text, location.href).href : '';
  switch (item.kind) {
    case 'text':
      return transport.push(raw(item, { type: 'TIMTextElem', payload: { text: item.text } }));
    case 'gift':
      return transport.push(raw(item, { type: 'TIMCustomElem', payload: { data: giftData(1, 'Rose') }, priority: 'High' }));
    case 'own':
      return void (el as unknown as Privates).session.link.current?.sendText({ clientId: item.id, text: item.text, sender: ME });
    case 'effect':
      if (typeof el.playEffect === 'function') {
        effectMode = 'el.playEffect(url)';
        if (effectsActive >= 3) return void effectsSkipped++;
        effectsActive++;
        effectsStarted++;
        void Promise.resolve(el.playEffect(url)).finally(() => effectsActive--);
      } else {
        effectMode = 'type-3 gift messages (no el.playEffect)';
        effectsStarted++;
        transport.push(raw(item, { type: 'TIMCustomElem', payload: { data: giftData(3, 'Rocket', url) }, priority: 'High' }));
      }
      return;
    case 'like': {
      if (typeof el.like === 'function') {
        likeMode = 'el.like(1)';
        void el.like(1);
        return;
      }
      const button = el.shadowRoot?.querySelector<HTMLElement>('[part~="like-button"]');
      likeMode = button ? 'click part=like-button' : 'unavailable (no el.like, no like button)';
      button?.click();
    }
  }
}

const adapter: EngineAdapter = {
  name: 'ours',
  emit,
  video: () => el?.shadowRoot?.querySelector('video') ?? null,
  begin() {
    fpsReports.length = 0;
    lastMetrics = null;
    sendTimes.length = 0;
    shownIds.clear();
    effectsStarted = effectsSkipped = 0;
  },
  end() {
    const fps = fpsReports;
    // The first report of a run still covers time before it started.
    return {
      barrageFps: fps.slice(1),
      metrics: lastMetrics,
      shown: {
        gift: [...shownIds].filter((id) => id.startsWith('g-')).length,
        own: [...shownIds].filter((id) => id.startsWith('o-')).length,
      },
      effects: { started: effectsStarted, skipped: effectsSkipped, mode: effectMode },
      likes: { mode: likeMode, sendTimes: sendTimes.filter((s) => s.cmd === 'like').map((s) => s.t) },
      notes: [...notes],
    };
  },
};

window.__bench = {
  async setup(o: SetupOptions) {
    effectUrl = o.effectUrl ?? '';
    localStorage.setItem(BARRAGE_SETTINGS_KEY, JSON.stringify({ area: 'full', speed: 8, fontSize: 18 }));
    el = mount(o.liveUrl);
    await el.updateComplete;
    const video = adapter.video();
    const playing = video ? await untilPlaying(video) : false;
    const start = performance.now();
    while (!(inspectRoom(el).barrage?.stats().lanes ?? 0) && performance.now() - start < 5000) await new Promise((r) => setTimeout(r, 50));
    watchChat(el);
    const stage = el.shadowRoot?.querySelector('.stage')?.getBoundingClientRect();
    if (typeof el.playEffect !== 'function') notes.push('el.playEffect missing');
    if (typeof el.like !== 'function') notes.push('el.like missing');
    void effectUrl;
    return { engine: 'ours', stage: { width: stage?.width ?? 0, height: stage?.height ?? 0 }, playing, notes: [...notes] };
  },
  run: (plan) => runPlan(plan, adapter),
  async player(url, watchMs) {
    const t0 = performance.now();
    el = mount(url);
    await el.updateComplete;
    const video = adapter.video();
    if (!video) throw new Error('no <video> in the element');
    const errors: string[] = [];
    el.addEventListener('lcr-error', (e) => errors.push(String((e as CustomEvent).detail?.code)));
    return watchPlayer('ours', video, t0, watchMs, errors);
  },
};
window.__benchReady = true;
startPlayerFromQuery();
