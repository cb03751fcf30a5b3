/**
 * Video first: with a stream to play, the room's session, input and barrage do their main-thread
 * work only after the video's first frame (or after the 1 s cap), so they cannot delay it (G8).
 * The room's chrome (header, stage overlays, chat) renders after that frame too: the first render
 * is the stage alone. Without a stream nothing waits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BARRAGE_SETTINGS_KEY } from '../../src/barrage/barrage-settings.ts';
import '../../src/define.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { inspectRoom } from '../../src/testing.ts';
import { until, VOD } from './element-helpers.ts';

class TimedTransport extends FakeTransport {
  connectedAt = NaN;
  override connect(...args: Parameters<FakeTransport['connect']>): Promise<void> {
    this.connectedAt = performance.now();
    return super.connect(...args);
  }
}

function append(src?: string): { el: LiveChatRoom; transport: TimedTransport; at: number } {
  const transport = new TimedTransport();
  const el = document.createElement('live-chat-room');
  el.style.width = '960px';
  el.roomId = 'room-1';
  el.transport = transport;
  if (src) el.src = src;
  const at = performance.now();
  document.body.append(el);
  return { el, transport, at };
}

afterEach(() => document.querySelectorAll('live-chat-room').forEach((e) => e.remove()));

describe('video first', () => {
  it('with a src, the session connects only after the first frame is on screen', async () => {
    const { el, transport } = append(VOD);
    await el.updateComplete;
    const video = el.shadowRoot!.querySelector('video')!;
    let framedAt = NaN;
    video.requestVideoFrameCallback(() => (framedAt = performance.now()));
    await until(() => transport.roomId === 'room-1', 5000);
    await until(() => !!el.shadowRoot!.querySelector('[part~="chat-input"], [part~="like-button"]'), 5000);
    // The VOD fixture shows its first frame well within the 1 s cap on any machine we run on; if it
    // did not, the cap would have let the room go first and this says so.
    expect(framedAt, 'first frame before the cap').toBeLessThan(transport.connectedAt);
  });

  it('with a src, the first render is the stage alone; header, overlays and chat follow the first frame', async () => {
    const { el, transport } = append(VOD);
    await el.updateComplete;
    const root = el.shadowRoot!;
    const video = root.querySelector('video')!;
    expect(video).toBeTruthy();
    expect(root.querySelector('header'), 'no header before the first frame').toBeNull();
    expect(root.querySelector('.chat'), 'no chat before the first frame').toBeNull();
    let framedAt = NaN;
    video.requestVideoFrameCallback(() => (framedAt = performance.now()));
    await until(() => !!root.querySelector('header') && !!root.querySelector('.chat .log'), 5000);
    const chromeAt = performance.now();
    expect(framedAt, 'first frame before the chrome').toBeLessThanOrEqual(chromeAt);
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
    let readAt = NaN;
    Storage.prototype.getItem = function (this: Storage, key: string) {
      if (key === BARRAGE_SETTINGS_KEY && Number.isNaN(readAt)) readAt = performance.now();
      return getItem.call(this, key);
    };
    try {
      const { el } = append(VOD);
      await el.updateComplete;
      const video = el.shadowRoot!.querySelector('video')!;
      let framedAt = NaN;
      video.requestVideoFrameCallback(() => (framedAt = performance.now()));
      await until(() => !!el.shadowRoot!.querySelector('header'), 5000);
      expect(framedAt, 'first frame').toBeLessThan(Infinity);
      expect(readAt, 'settings read after the first frame').toBeGreaterThanOrEqual(framedAt);
      // The stored "off" holds once the chrome is there: the layer is hidden, no renderer is made.
      await until(() => el.shadowRoot!.querySelector<HTMLElement>('.barrage')!.hidden, 5000);
      expect(inspectRoom(el).barrage).toBeUndefined();
    } finally {
      Storage.prototype.getItem = getItem;
      localStorage.removeItem(BARRAGE_SETTINGS_KEY);
    }
  });

  it('the playlist is fetched once: the prefetch made at connect answers hls.js', async () => {
    const { el, at } = append(VOD);
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

  it('without a stream, nothing waits: the session connects in the first frames', async () => {
    const { transport, at } = append();
    await until(() => transport.roomId === 'room-1', 5000);
    expect(transport.connectedAt - at).toBeLessThan(900);
  });

  it('a stream that is not there (404) does not hold the room back', async () => {
    const { transport, at } = append('/demo/media/not-started.m3u8');
    await until(() => transport.roomId === 'room-1', 5000);
    expect(transport.connectedAt - at).toBeLessThan(900);
  });

  it('a stream that never answers holds the room back for the cap (1 s), not longer', async () => {
    // hls.js loads playlists with XHR: this one is opened and never sent, so it hangs (its own
    // timeout is 10 s). Only the cap can release the room.
    const proto = XMLHttpRequest.prototype;
    const { open, send } = proto;
    const hung = new WeakSet<XMLHttpRequest>();
    proto.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
      if (String(url).includes('/hang/')) hung.add(this);
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    };
    proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (!hung.has(this)) send.call(this, body);
    };
    try {
      const { el, transport, at } = append('/hang/live.m3u8');
      await until(() => !!el.shadowRoot?.querySelector('header'), 5000);
      const chromeAfter = performance.now() - at;
      await until(() => transport.roomId === 'room-1', 5000);
      expect(chromeAfter, 'the chrome waits for the cap too').toBeGreaterThanOrEqual(950);
      expect(chromeAfter).toBeLessThan(2500);
      expect(transport.connectedAt - at).toBeGreaterThanOrEqual(950);
      expect(transport.connectedAt - at).toBeLessThan(2500);
    } finally {
      proto.open = open;
      proto.send = send;
    }
  });
});
