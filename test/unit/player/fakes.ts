/**
 * Node stand-ins for a `<video>` and the hls.js class, just rich enough to drive Player's
 * decisions deterministically (the real thing is exercised by test/browser/player-*.test.ts).
 */
import type { HlsConstructor } from '../../../src/player/hls-loader.ts';

type Listener = (event: string, data: unknown) => void;

export const HLS_EVENTS = {
  MANIFEST_PARSED: 'hlsManifestParsed',
  LEVEL_LOADED: 'hlsLevelLoaded',
  ERROR: 'hlsError',
} as const;

export class FakeHls {
  static instances: FakeHls[] = [];
  static supported = true;
  static readonly Events = HLS_EVENTS;
  static isSupported(): boolean {
    return FakeHls.supported;
  }

  readonly calls: string[] = [];
  readonly listeners = new Map<string, Listener[]>();
  media: FakeVideo | null = null;
  url: string | null = null;
  destroyed = false;
  liveSyncPosition: number | null = null;
  latestLevelDetails: { live: boolean; edge: number; age: number } | null = null;

  constructor(readonly config: Record<string, unknown>) {
    FakeHls.instances.push(this);
  }
  on(event: string, fn: Listener): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
  }
  trigger(event: string, data: unknown): void {
    for (const fn of this.listeners.get(event) ?? []) fn(event, data);
  }
  attachMedia(media: FakeVideo): void {
    this.media = media;
    this.calls.push('attachMedia');
  }
  loadSource(url: string): void {
    this.url = url;
    this.calls.push(`loadSource ${url}`);
  }
  startLoad(): void {
    this.calls.push('startLoad');
  }
  recoverMediaError(): void {
    this.calls.push('recoverMediaError');
  }
  swapAudioCodec(): void {
    this.calls.push('swapAudioCodec');
  }
  destroy(): void {
    this.destroyed = true;
    this.listeners.clear();
    this.calls.push('destroy');
  }
  /** Helpers for tests. */
  error(type: string, details: string, fatal = true): void {
    this.trigger(HLS_EVENTS.ERROR, { type, details, fatal });
  }
  levelLoaded(fragments = 3, targetduration = 2): void {
    this.trigger(HLS_EVENTS.LEVEL_LOADED, { details: { targetduration, fragments: new Array(fragments).fill({}) } });
  }
}

export const fakeHlsClass = FakeHls as unknown as HlsConstructor;

export class FakeVideo extends EventTarget {
  muted = false;
  volume = 1;
  paused = true;
  ended = false;
  autoplay = false;
  currentTime = 0;
  src = '';
  error: { code: number } | null = null;
  nativeHls = '';
  seekableEnd: number | null = null;
  readonly attributes = new Map<string, string>();
  /** What the next play() calls do: resolve, or reject with this DOMException name. */
  playOutcomes: (string | null)[] = [];
  playCalls = 0;
  loads = 0;

  get seekable() {
    const end = this.seekableEnd;
    return { length: end === null ? 0 : 1, end: () => end ?? 0, start: () => 0 };
  }
  canPlayType(type: string): string {
    return type === 'application/vnd.apple.mpegurl' ? this.nativeHls : '';
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
    if (name === 'src') this.src = '';
  }
  load(): void {
    this.loads += 1;
  }
  play(): Promise<void> {
    this.playCalls += 1;
    const outcome = this.playOutcomes.shift() ?? null;
    if (outcome) return Promise.reject(Object.assign(new Error(outcome), { name: outcome }));
    this.paused = false;
    return Promise.resolve();
  }
  fire(type: string): void {
    if (type === 'pause') this.paused = true;
    if (type === 'playing') this.paused = false;
    this.dispatchEvent(new Event(type));
  }
  setMuted(muted: boolean): void {
    this.muted = muted;
    this.fire('volumechange');
  }
}

/** Lets pending promise callbacks and queued microtasks run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
