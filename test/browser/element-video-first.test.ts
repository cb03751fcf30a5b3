/**
 * Video first: with a stream to play, the room's session, input and barrage do their main-thread
 * work only after the video's first frame (or after the 1 s cap), so they cannot delay it (G8).
 * The room's chrome (header, stage overlays, chat) renders after that frame too: the first render
 * is the stage alone. Without a stream nothing waits.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BARRAGE_SETTINGS_KEY } from '../../src/barrage/barrage-settings.ts';
import '../../src/define.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { inspectRoom } from '../../src/testing.ts';
import { frames, nextFrame, until, VOD } from './element-helpers.ts';

/** What happened, in order: `frame` (the video's first), `chrome` (the header rendered), `connect`, … */
type Log = string[];

class LoggingTransport extends FakeTransport {
  constructor(private readonly log: Log) {
    super();
  }
  override connect(...args: Parameters<FakeTransport['connect']>): Promise<void> {
    this.log.push('connect');
    return super.connect(...args);
  }
}

function append(src?: string): { el: LiveChatRoom; transport: LoggingTransport; log: Log } {
  const log: Log = [];
  const transport = new LoggingTransport(log);
  const el = document.createElement('live-chat-room');
  el.style.width = '960px';
  el.roomId = 'room-1';
  el.transport = transport;
  if (src) el.src = src;
  document.body.append(el);
  // The header is the chrome's first part: note when it is put in (a mutation, not a poll).
  const chrome = new MutationObserver(() => {
    if (el.shadowRoot!.querySelector('header') && !log.includes('chrome')) log.push('chrome');
  });
  chrome.observe(el.shadowRoot!, { childList: true, subtree: true });
  return { el, transport, log };
}

/** Notes the video's first presented frame in the log. */
function logFirstFrame(el: LiveChatRoom, log: Log): void {
  el.shadowRoot!.querySelector('video')!.requestVideoFrameCallback(() => log.push('frame'));
}

/**
 * Frame by frame until `check()` holds: animation frames go on while the page's timeouts are
 * frozen. With `zeroTimeouts`, those due now (0 ms) run each frame; no later one ever does.
 */
async function untilFrames(check: () => boolean, what: string, { zeroTimeouts = false, max = 600 } = {}): Promise<void> {
  for (let f = 0; !check(); f++) {
    if (f >= max) throw new Error(`${what}: not within ${max} frames`);
    await nextFrame();
    if (zeroTimeouts) vi.advanceTimersByTime(0);
  }
}

afterEach(() => {
  vi.useRealTimers();
  document.querySelectorAll('live-chat-room').forEach((e) => e.remove());
});

describe('video first', () => {
  it('with a src, the session connects only after the first frame is on screen', async () => {
    const { el, transport, log } = append(VOD);
    await el.updateComplete;
    logFirstFrame(el, log);
    await until(() => transport.roomId === 'room-1', 5000);
    await until(() => !!el.shadowRoot!.querySelector('[part~="chat-input"], [part~="like-button"]'), 5000);
    // The VOD fixture shows its first frame well within the 1 s cap on any machine we run on; if it
    // did not, the cap would have let the room go first and this says so.
    expect(
      log.filter((e) => e !== 'chrome'),
      'first frame before the connect',
    ).toEqual(['frame', 'connect']);
  });

  it('with a src, the first render is the stage alone; header, overlays and chat follow the first frame', async () => {
    const { el, transport, log } = append(VOD);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const video = root.querySelector('video')!;
    expect(video).toBeTruthy();
    expect(root.querySelector('header'), 'no header before the first frame').toBeNull();
    expect(root.querySelector('.chat'), 'no chat before the first frame').toBeNull();
    logFirstFrame(el, log);
    await until(() => !!root.querySelector('header') && !!root.querySelector('.chat .log'), 5000);
    expect(log.indexOf('frame'), 'first frame before the chrome').toBeGreaterThanOrEqual(0);
    expect(log.indexOf('frame')).toBeLessThan(log.indexOf('chrome'));
    expect(root.querySelector('video'), 'the same <video> (the player is not torn down)').toBe(video);
    // The chat list attached to the late log: a line pushed now is shown.
    await until(() => transport.roomId === 'room-1', 5000);
    transport.push({
      ID: 'late-1',
      type: 'TIMTextElem',
      payload: { text: 'after the frame' },
      from: 'u1',
      nick: 'U1',
      time: 1,
      priority: 'Normal',
    });
    await until(() => (root.querySelector('.chat .log')?.textContent ?? '').includes('after the frame'), 5000);
  });

  it("the viewer's stored barrage settings are read after the first frame, and still apply", async () => {
    localStorage.setItem(BARRAGE_SETTINGS_KEY, JSON.stringify({ enabled: false }));
    const { getItem } = Storage.prototype;
    let log: Log = [];
    Storage.prototype.getItem = function (this: Storage, key: string) {
      if (key === BARRAGE_SETTINGS_KEY && !log.includes('read')) log.push('read');
      return getItem.call(this, key);
    };
    try {
      const appended = append(VOD);
      const { el } = appended;
      log = appended.log;
      await el.updateComplete;
      logFirstFrame(el, log);
      await until(() => !!el.shadowRoot!.querySelector('header'), 5000);
      expect(log.indexOf('frame'), 'first frame').toBeGreaterThanOrEqual(0);
      expect(log.indexOf('read'), 'settings read after the first frame').toBeGreaterThan(log.indexOf('frame'));
      // The stored "off" holds once the chrome is there: the layer is hidden, no renderer is made.
      await until(() => el.shadowRoot!.querySelector<HTMLElement>('.barrage')!.hidden, 5000);
      expect(inspectRoom(el).barrage).toBeUndefined();
    } finally {
      Storage.prototype.getItem = getItem;
      localStorage.removeItem(BARRAGE_SETTINGS_KEY);
    }
  });

  it('the playlist is fetched once: the prefetch made at connect answers hls.js', async () => {
    // The page's resource-timing buffer (250 entries by default) fills over a long run; a full
    // buffer records nothing more, so it is emptied first.
    performance.clearResourceTimings();
    const at = performance.now();
    const { el } = append(VOD);
    await el.updateComplete;
    const video = el.shadowRoot!.querySelector('video')!;
    await until(() => video.readyState >= 2, 5000);
    const name = new URL(VOD, location.href).href;
    const fetches = performance.getEntriesByType('resource').filter((e) => e.name === name && e.startTime >= at);
    const initiators = fetches.map((e) => (e as PerformanceResourceTiming).initiatorType);
    // Before: one fetch for hls.js's XHR; with the prefetch: one fetch (by fetch()) and no XHR.
    expect(initiators).toEqual(['fetch']);
  });

  it('without a stream, header and chat are there after the first update', async () => {
    const { el } = append();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('header')).toBeTruthy();
    expect(el.shadowRoot!.querySelector('.chat .log')).toBeTruthy();
  });

  // The next three freeze the page's timeouts: the 1 s cap is one, so a room that opens while they
  // are frozen (0 ms ones aside) did not wait for it, and one held by it opens exactly when it is due.
  it('without a stream, nothing waits: the session connects with every timeout frozen', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { transport, log } = append();
    await untilFrames(() => transport.roomId === 'room-1', 'the room joined');
    expect(log).toEqual(['chrome', 'connect']);
  });

  it('a stream that is not there (404) does not hold the room back: it opens with every timeout frozen', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { el, transport } = append('/demo/media/not-started.m3u8');
    const opened = () => transport.roomId === 'room-1' && !!el.shadowRoot!.querySelector('header');
    await untilFrames(opened, 'the room opened', { zeroTimeouts: true }); // the settled player opens it in a 0 ms task
    expect(el.videoState).toBe('waiting-for-stream'); // released by the player settling, not by the cap
  });

  it('a stream that never answers holds the room back for the cap (1 s), not longer', async () => {
    // hls.js loads playlists with XHR: this one is opened and never sent, so it hangs (its own
    // timeout is 10 s). Only the cap can release the room.
    const proto = XMLHttpRequest.prototype;
    const { open, send } = proto;
    const hung = new WeakSet<XMLHttpRequest>();
    let asked = false;
    proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (String(url).includes('/hang/')) hung.add(this);
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    };
    proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (hung.has(this)) asked = true;
      else send.call(this, body);
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const { el, transport, log } = append('/hang/live.m3u8');
      const opened = () => transport.roomId === 'room-1' && !!el.shadowRoot!.querySelector('header');
      await untilFrames(() => asked, 'the player asked for the playlist');
      await frames(10);
      expect(log, 'held: no chrome, no session').toEqual([]);
      vi.advanceTimersByTime(999);
      await frames(10);
      expect(log, 'still held 1 ms before the cap').toEqual([]);
      vi.advanceTimersByTime(1);
      await untilFrames(opened, 'the room opened at the cap');
      expect(log).toEqual(['chrome', 'connect']);
      expect(el.videoState).toBe('loading'); // the player never settled: the cap let the room go
    } finally {
      vi.useRealTimers();
      proto.open = open;
      proto.send = send;
    }
  });
});
