/**
 * Video first: with a stream to play, the room's session, input and barrage do their main-thread
 * work only after the video's first frame (or after the 1 s cap), so they cannot delay it (G8).
 * Without a stream nothing waits.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/define.ts';
import type { LiveChatRoom } from '../../src/element/live-chat-room.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
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
    } as typeof proto.open;
    proto.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
      if (!hung.has(this)) send.call(this, body);
    };
    try {
      const { transport, at } = append('/hang/live.m3u8');
      await until(() => transport.roomId === 'room-1', 5000);
      expect(transport.connectedAt - at).toBeGreaterThanOrEqual(950);
      expect(transport.connectedAt - at).toBeLessThan(2500);
    } finally {
      proto.open = open;
      proto.send = send;
    }
  });
});
