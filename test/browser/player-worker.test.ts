/**
 * hls.js transmuxes in its own worker (the served `hls.worker.js`), off the page's main thread;
 * where the page cannot start that worker (the element's files on another origin, a strict CSP),
 * hls.js's own fallback transmuxes on the main thread and the stream still plays. The element
 * fetches the file ahead (hls-worker-url.ts) so a cacheable host has it ready when hls.js asks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../src/define.ts';
import { HLS_WORKER_URL } from '../../src/player/hls-worker-url.ts';
import { FakeTransport } from '../../src/transport/fake/fake-transport.ts';
import { until, VOD } from './element-helpers.ts';

const OriginalWorker = window.Worker;
let made: string[] = [];
/** Messages and errors from the hls.js worker: proof that it transmuxes, not only that it was made. */
let hlsWorker = { messages: 0, errors: 0 };

/** Records every worker the page makes; `refuseHls` makes the hls.js one throw as a cross-origin URL does. */
function watchWorkers(refuseHls = false): void {
  made = [];
  hlsWorker = { messages: 0, errors: 0 };
  window.Worker = class extends OriginalWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      const href = String(url);
      made.push(href);
      if (refuseHls && href.includes('hls.worker')) throw new DOMException('refused by the test', 'SecurityError');
      super(url, options);
      if (href.includes('hls.worker')) {
        this.addEventListener('message', () => hlsWorker.messages++);
        this.addEventListener('error', () => hlsWorker.errors++);
      }
    }
  };
}

async function playVod() {
  const el = document.createElement('live-chat-room');
  el.style.width = '640px';
  el.roomId = 'room-1';
  el.transport = new FakeTransport();
  el.src = VOD;
  document.body.append(el);
  await el.updateComplete;
  const video = el.shadowRoot!.querySelector('video')!;
  await until(() => video.currentTime > 0.5, 15_000);
  return { el, video };
}

beforeEach(() => (made = []));
afterEach(() => {
  window.Worker = OriginalWorker;
  document.querySelectorAll('live-chat-room').forEach((e) => e.remove());
});

describe('hls.js transmux worker', () => {
  it('is a served file, named for hls.js', () => {
    expect(HLS_WORKER_URL).toMatch(/hls\.worker[^/]*\.js/);
    expect(HLS_WORKER_URL.startsWith('blob:')).toBe(false);
  });

  it('the element plays its stream with hls.js transmuxing in that worker', async () => {
    watchWorkers();
    const { video } = await playVod();
    const ours = made.filter((u) => u.includes('hls.worker'));
    expect(ours).toHaveLength(1);
    expect(new URL(ours[0]!, location.href).href).toBe(new URL(HLS_WORKER_URL, location.href).href);
    expect(hlsWorker.messages).toBeGreaterThan(0);
    expect(hlsWorker.errors).toBe(0);
    expect(video.videoWidth).toBeGreaterThan(0);
  });

  it('the element fetches the worker file ahead, once per page', async () => {
    watchWorkers();
    await playVod(); // a second element on the page: no second prefetch
    const file = new URL(HLS_WORKER_URL, location.href).href;
    const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.name === file && e.initiatorType === 'fetch',
    );
    expect(fetched).toHaveLength(1);
  });

  it('a page that cannot start the worker still plays (hls.js falls back to the main thread)', async () => {
    watchWorkers(true);
    const { video } = await playVod();
    expect(made.some((u) => u.includes('hls.worker'))).toBe(true);
    expect(video.videoWidth).toBeGreaterThan(0);
    expect(video.error).toBeNull();
  });
});
