/**
 * The two ways to put an HLS stream into the `<video>`: hls.js over Media Source, or the browser's own
 * HLS (Safari/iOS). Each engine wires itself to the media and reports facts to a sink; the controller
 * decides what they mean.
 *
 * Owns: one hls.js instance (or the native `src`) and the listeners it needs, released by an
 * idempotent `destroy()`.
 *
 * Must not: decide states or policies, or outlive `destroy()` (the sink is generation-guarded by the
 * controller, so late events from a destroyed engine are ignored even if one slipped through).
 */
import { hasMediaSource, type Hls, type HlsConfig, type HlsConstructor } from './hls-loader.ts';
import type { MediaAttachment } from './early-media-source.ts';
import type { HlsErrorFacts } from './error-policy.ts';
import { countHls, ListenerGroup } from './player-resources.ts';
import { chooseEngine, type EnginePreference } from './stream-config.ts';

export interface EngineSink {
  /** The playlist was parsed (hls.js) or metadata arrived (native): time to call `play()`. */
  readonly ready: () => void;
  /** Segments are listed: the stream exists, so later failures are real errors. */
  readonly started: () => void;
  readonly hlsError: (facts: HlsErrorFacts) => void;
  readonly nativeError: (code: number) => void;
}

export type RecoveryAction = 'recover-network' | 'recover-media' | 'swap-codec-and-recover';

export interface LiveInfo {
  readonly syncPosition: number | null;
  readonly targetDuration: number | null;
  /** Estimated live edge now (see live-edge.ts), or null. */
  readonly liveEdge: number | null;
}

export interface PlaybackEngine {
  readonly kind: 'hls.js' | 'native';
  /** The hls.js instance (null for native), for diagnostics and tests. */
  readonly hls: Hls | null;
  liveInfo(): LiveInfo;
  recover(action: RecoveryAction): void;
  destroy(): void;
}

/**
 * Decides the engine, loading hls.js only when Media Source exists at all. Throws only when hls.js
 * failed to load and no native HLS can stand in.
 */
export async function pickEngine(
  video: HTMLVideoElement,
  preference: EnginePreference,
  load: () => Promise<HlsConstructor>,
): Promise<{ kind: 'hls.js' | 'native' | null; HlsCtor: HlsConstructor | null }> {
  const nativeHls = video.canPlayType('application/vnd.apple.mpegurl');
  if (preference === 'native' || !hasMediaSource()) {
    return { kind: chooseEngine({ hlsSupported: false, nativeHls }, preference), HlsCtor: null };
  }
  let HlsCtor: HlsConstructor;
  try {
    HlsCtor = await load();
  } catch (err) {
    // The chunk failed to load: native HLS, where it exists, is a working fallback.
    const fallback = chooseEngine({ hlsSupported: false, nativeHls }, preference);
    if (fallback) return { kind: fallback, HlsCtor: null };
    throw err;
  }
  return { kind: chooseEngine({ hlsSupported: HlsCtor.isSupported(), nativeHls }, preference), HlsCtor };
}

export function startHlsEngine(
  HlsCtor: HlsConstructor,
  media: HTMLVideoElement | MediaAttachment,
  src: string,
  config: Partial<HlsConfig>,
  sink: EngineSink,
): PlaybackEngine {
  const hls = new HlsCtor(config);
  countHls(1);
  let destroyed = false;
  let targetDuration: number | null = null;
  const { Events } = HlsCtor;
  hls.on(Events.MANIFEST_PARSED, () => sink.ready());
  hls.on(Events.LEVEL_LOADED, (_event, data) => {
    targetDuration = data.details.targetduration;
    if (data.details.fragments.length > 0) sink.started();
  });
  hls.on(Events.ERROR, (_event, data) => sink.hlsError(data));
  hls.attachMedia(media);
  hls.loadSource(src);

  return {
    kind: 'hls.js',
    hls,
    liveInfo: () => {
      const details = hls.latestLevelDetails;
      return {
        syncPosition: hls.liveSyncPosition,
        targetDuration,
        liveEdge: details?.live ? details.edge + details.age : null,
      };
    },
    recover(action) {
      if (destroyed) return;
      if (action === 'recover-network') {
        hls.startLoad();
        return;
      }
      // hls.js' documented sequence for a decode failure that recovery alone did not fix.
      if (action === 'swap-codec-and-recover') hls.swapAudioCodec();
      hls.recoverMediaError();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      try {
        hls.destroy();
      } finally {
        countHls(-1);
      }
    },
  };
}

export function startNativeEngine(video: HTMLVideoElement, src: string, live: boolean, sink: EngineSink): PlaybackEngine {
  const listeners = new ListenerGroup();
  let destroyed = false;
  // Set when reloading a replay after an error, to resume where it failed.
  let resumeAt: number | null = null;
  listeners.on(video, 'loadedmetadata', () => {
    if (resumeAt !== null) {
      video.currentTime = resumeAt;
      resumeAt = null;
    }
    sink.started();
    sink.ready();
  });
  listeners.on(video, 'error', () => sink.nativeError(video.error?.code ?? 0));
  video.src = src;

  return {
    kind: 'native',
    hls: null,
    liveInfo: () => ({ syncPosition: null, targetDuration: null, liveEdge: null }),
    recover() {
      if (destroyed) return;
      // A live reload rejoins at the edge by itself; a replay resumes where it was.
      resumeAt = live ? null : video.currentTime;
      video.src = src;
      video.load();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      listeners.clear();
      video.removeAttribute('src');
      video.load();
    },
  };
}
