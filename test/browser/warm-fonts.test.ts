/**
 * The idle font warm-up: one hidden probe per idle callback, laid out and removed in the same
 * task, nothing left behind, and nothing more once cancelled or once the host has left the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { warmFonts, WARM_EMOJI, WARM_TEXT, type FontSample } from '../../src/chat/warm-fonts.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { mount, resetPage, until, VOD } from './element-helpers.ts';

const SAMPLES: readonly FontSample[] = [{ text: WARM_TEXT }, { text: WARM_EMOJI }, { text: WARM_TEXT, style: 'font-weight:700;' }];

/** An idle queue the test runs by hand: `run()` fires the oldest pending callback. */
function manualIdle() {
  const queue: { run: () => void; cancelled: boolean }[] = [];
  return {
    idle: (run: () => void) => {
      const entry = { run, cancelled: false };
      queue.push(entry);
      return () => void (entry.cancelled = true);
    },
    pending: () => queue.filter((e) => !e.cancelled).length,
    run: () => {
      const entry = queue.shift();
      if (entry && !entry.cancelled) entry.run();
    },
  };
}

/** Records every probe the warm-up adds to `host` (with its text and inline style) and every removal. */
function watch(host: Node) {
  const added: { text: string; style: string; hidden: string | null }[] = [];
  let removed = 0;
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      for (const el of r.addedNodes) {
        if (!(el instanceof HTMLElement)) continue; // a renderer's text or comment node, not a probe
        added.push({ text: el.textContent ?? '', style: el.style.cssText, hidden: el.getAttribute('aria-hidden') });
      }
      removed += r.removedNodes.length;
    }
  });
  mo.observe(host, { childList: true });
  return { added, removed: () => removed, flush: () => mo.takeRecords().length, stop: () => mo.disconnect() };
}

function host(): HTMLElement {
  const el = document.createElement('div');
  el.textContent = '';
  document.body.append(el);
  return el;
}

afterEach(resetPage);

describe('warmFonts', () => {
  it('lays out one sample per idle callback, hidden, and removes it in the same task', async () => {
    const h = host();
    const w = watch(h);
    const idle = manualIdle();
    warmFonts(h, SAMPLES, idle.idle);
    expect(idle.pending()).toBe(1);
    for (let i = 0; i < SAMPLES.length; i++) {
      idle.run();
      expect(h.childNodes.length, 'the probe is gone by the end of its task').toBe(0);
      expect(idle.pending()).toBe(i < SAMPLES.length - 1 ? 1 : 0);
    }
    await Promise.resolve(); // MutationObserver records are delivered as a microtask
    expect(w.added.map((a) => a.text)).toEqual(SAMPLES.map((s) => s.text));
    expect(
      w.added.every((a) => a.hidden === 'true' && a.style.includes('visibility: hidden') && a.style.includes('position: absolute')),
    ).toBe(true);
    expect(w.added[2]!.style).toContain('font-weight: 700');
    expect(w.removed()).toBe(SAMPLES.length);
    w.stop();
  });

  it('cancel drops the pending callback and runs nothing more', () => {
    const h = host();
    const idle = manualIdle();
    const cancel = warmFonts(h, SAMPLES, idle.idle);
    idle.run();
    expect(idle.pending()).toBe(1);
    cancel();
    cancel(); // twice is harmless
    expect(idle.pending()).toBe(0);
    idle.run();
    expect(idle.pending()).toBe(0);
  });

  it('stops once the host has left the page', async () => {
    const h = host();
    const w = watch(h);
    const idle = manualIdle();
    warmFonts(h, SAMPLES, idle.idle);
    h.remove();
    idle.run();
    await Promise.resolve();
    expect(w.added).toEqual([]);
    expect(idle.pending()).toBe(0);
    w.stop();
  });

  it('with no samples asks for no idle time', () => {
    const idle = manualIdle();
    warmFonts(host(), [], idle.idle);
    expect(idle.pending()).toBe(0);
  });

  it('on the real idle queue, finishes every sample and leaves the host as it was', async () => {
    const h = host();
    const w = watch(h);
    warmFonts(h, SAMPLES);
    await until(() => w.removed() === SAMPLES.length, 10_000);
    expect(w.added.map((a) => a.text)).toEqual(SAMPLES.map((s) => s.text));
    expect(h.childNodes.length).toBe(0);
    w.stop();
  });
});

/**
 * Holds the page's idle callbacks in a manual queue (so every probe is seen however fast the
 * element mounts), remembering when the first was asked for. `restore()` puts the real ones back.
 */
function holdIdle() {
  const w = window as unknown as { requestIdleCallback: unknown; cancelIdleCallback: unknown };
  const orig = { request: w.requestIdleCallback, cancel: w.cancelIdleCallback };
  const held = manualIdle();
  const cancels: (() => void)[] = [];
  const state = { log: [] as string[] };
  w.requestIdleCallback = (run: () => void) => {
    if (!state.log.includes('asked')) state.log.push('asked');
    cancels.push(held.idle(run));
    return cancels.length;
  };
  w.cancelIdleCallback = (id: number) => cancels[id - 1]?.();
  return {
    ...held,
    /** `asked` once the first idle callback was asked for; the test adds its own entries. */
    log: state.log,
    restore: () => {
      w.requestIdleCallback = orig.request;
      w.cancelIdleCallback = orig.cancel;
    },
  };
}

describe('the element warms its fonts once the room may work', () => {
  let held: ReturnType<typeof holdIdle>;
  beforeEach(() => (held = holdIdle()));
  afterEach(() => held.restore());

  it("asks for idle time, probes its render root with the chat's three faces, and leaves nothing behind", async () => {
    const { el } = await mount();
    const root = el.shadowRoot!;
    const probes = watch(root);
    const before = root.childNodes.length;
    await until(() => held.pending() === 1);
    while (held.pending() > 0) held.run();
    await Promise.resolve();
    const hidden = probes.added.filter((p) => p.hidden === 'true');
    expect(hidden.map((p) => p.text)).toEqual([WARM_TEXT, WARM_EMOJI, WARM_TEXT]);
    expect(hidden[2]!.style).toContain('font-weight: 700');
    expect(root.childNodes.length).toBe(before);
    probes.stop();
  });

  it('a room removed before the page is idle cancels its warm-up', async () => {
    const { el } = await mount();
    await until(() => held.pending() === 1);
    el.remove();
    expect(held.pending()).toBe(0);
  });

  it("with a stream to play, asks for idle time only after the video's first frame", async () => {
    const el = document.createElement('live-chat-room');
    el.style.width = '640px';
    el.roomId = 'room-1';
    el.transport = new FakeTransport();
    el.src = VOD;
    document.body.append(el);
    await el.updateComplete;
    el.shadowRoot!.querySelector('video')!.requestVideoFrameCallback(() => held.log.push('frame'));
    await until(() => held.pending() === 1, 10_000);
    // The room waits for the first frame (the VOD fixture shows it well within the 1 s cap; the
    // cap itself is element-video-first.test.ts's).
    expect(held.log).toEqual(['frame', 'asked']);
  });
});
