/**
 * Drives one `<video>` owned by the element: picks an engine (hls.js light, else native HLS), starts
 * muted autoplay, tracks the live edge, waits quietly for a stream that has not started, recovers from
 * errors within a budget, and reports a `PlayerState` through `onState`.
 *
 * Owns: the current engine (at most one hls.js instance), the media listeners and timers of the
 * current start, and the generation counter that makes every callback of an earlier start a no-op.
 * Every (re)start tears the previous one down first; `destroy()` is idempotent and `load()` works
 * again after it.
 *
 * Must not: render, or decide what a state means for the UI (see player-state.ts); no Lit.
 */
import { decideHlsError, decideNativeError, DEFAULT_RECOVERY_LIMITS, FRESH_BUDGET } from './error-policy.ts';
import { refillBudget, spendBudget, type ErrorDecision, type RecoveryLimits } from './error-policy.ts';
import { hasMediaSource, loadHls, type Hls, type HlsConstructor } from './hls-loader.ts';
import { prepareHlsStart, type HlsStart } from './hls-start.ts';
import { liveSeekTarget, measureLiveEdge, seekableEnd } from './live-edge.ts';
import { pickEngine, startHlsEngine, startNativeEngine, type EngineSink, type PlaybackEngine } from './playback-engine.ts';
import { ListenerGroup, PlayerTimers } from './player-resources.ts';
import { initialPlayerState, reducePlayerState, type PlayerEvent, type PlayerState } from './player-state.ts';
import type { LoadOptions, PlayerOptions } from './player-options.ts';
import { DEFAULT_RETRY_SCHEDULE, retryDelayMs, type RetrySchedule } from './stream-config.ts';

export type { LoadOptions, PlayerOptions } from './player-options.ts';

export class Player {
  private current: PlayerState;
  private generation = 0;
  private engine: PlaybackEngine | null = null;
  private hlsStart: HlsStart | null = null;
  private readonly mediaListeners = new ListenerGroup();
  private readonly timers = new PlayerTimers();
  private request: { readonly src: string; readonly live: boolean } | null = null;
  private budget = FRESH_BUDGET;
  private waitAttempts = 0;
  private started = false;
  /** The viewer's choice; autoplay starts muted until they unmute. */
  private wantMuted = true;
  private readonly schedule: RetrySchedule;
  private readonly limits: RecoveryLimits;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly options: PlayerOptions = {},
  ) {
    this.current = initialPlayerState(true);
    this.schedule = { ...DEFAULT_RETRY_SCHEDULE, ...options.retrySchedule };
    this.limits = { ...DEFAULT_RECOVERY_LIMITS, ...options.recoveryLimits };
  }

  get state(): PlayerState {
    return this.current;
  }

  /** The current hls.js instance, or null (native engine, waiting, destroyed). */
  get hls(): Hls | null {
    return this.engine?.hls ?? null;
  }

  load(src: string, { live }: LoadOptions): void {
    this.teardown();
    this.request = { src, live };
    this.budget = FRESH_BUDGET;
    this.waitAttempts = 0;
    const gen = this.generation;
    this.dispatch({ type: 'load', src, live });
    // onState may have re-entered load()/destroy(); that call owns the start now.
    if (gen === this.generation) void this.start();
  }

  /** Starts the last source again at once (after `error`, or to skip a `waiting-for-stream` delay). */
  retry(): void {
    if (this.request) this.load(this.request.src, { live: this.request.live });
  }

  /** For a user gesture ("tap to play") when autoplay was refused. */
  play(): void {
    if (this.engine) this.attemptPlay(this.generation);
  }

  /** For a user gesture ("tap to unmute"). */
  unmute(): void {
    this.wantMuted = false;
    this.video.muted = false;
    if (this.video.volume === 0) this.video.volume = 1;
    this.dispatch({ type: 'muted', muted: false });
    if (this.engine && this.video.paused && this.current.status !== 'ended') this.attemptPlay(this.generation);
  }

  /** "Back to live": seek to the live sync point and play. */
  goLive(): void {
    if (!this.engine || !this.request?.live) return;
    const info = this.engine.liveInfo();
    const target = liveSeekTarget(info.syncPosition, seekableEnd(this.video.seekable), info.targetDuration);
    if (target !== null && Math.abs(target - this.video.currentTime) > 0.5) this.video.currentTime = target;
    if (this.video.paused) this.attemptPlay(this.generation);
    this.sampleLiveEdge();
  }

  /** Releases everything; idempotent. The controller may `load()` again afterwards. */
  destroy(): void {
    this.teardown();
    this.request = null;
    this.dispatch({ type: 'reset' });
  }

  /**
   * Ends the current start. `fromEngineCallback`: we are inside an hls.js event, and hls.js still
   * runs code after its listeners return, so the instance is destroyed once the stack unwinds; the
   * generation bump already makes it powerless.
   */
  private teardown(fromEngineCallback = false): void {
    this.generation += 1; // from here on, callbacks of the previous start are stale
    this.timers.clear();
    this.mediaListeners.clear();
    this.hlsStart?.cancel();
    this.hlsStart = null;
    const engine = this.engine;
    this.engine = null;
    this.started = false;
    if (!engine) return;
    if (fromEngineCallback) queueMicrotask(() => engine.destroy());
    else engine.destroy();
  }

  private async start(): Promise<void> {
    const gen = this.generation;
    const request = this.request;
    if (!request) return;
    this.prepareVideo();
    // Made (its prefetch and Media Source started) while hls.js loads; only where hls.js can be the engine.
    const { workerPath, playlists } = this.options;
    const early = this.options.takeMediaSource?.() ?? null;
    const hlsStart =
      hasMediaSource() && this.options.engine !== 'native'
        ? prepareHlsStart({ ...request, workerPath, playlists, video: this.video, early })
        : null;
    if (!hlsStart) early?.release();
    this.hlsStart = hlsStart;
    let kind: 'hls.js' | 'native' | null;
    let HlsCtor: HlsConstructor | null;
    try {
      ({ kind, HlsCtor } = await pickEngine(this.video, this.options.engine ?? 'auto', this.options.loadHls ?? loadHls));
    } catch (err) {
      if (gen !== this.generation) return;
      hlsStart?.cancel();
      this.dispatch({ type: 'failed', error: { reason: 'load-failed', message: err instanceof Error ? err.message : String(err) } });
      return;
    }
    if (gen !== this.generation) return; // load()/destroy() happened while hls.js was loading
    if (kind !== 'hls.js') hlsStart?.cancel();
    if (!kind) {
      this.dispatch({ type: 'failed', error: { reason: 'unsupported', message: 'no HLS playback in this browser' } });
      return;
    }
    this.listenToMedia(gen);
    const sink = this.sinkFor(gen, request.live);
    this.engine =
      kind === 'hls.js' && HlsCtor && hlsStart
        ? startHlsEngine(HlsCtor, hlsStart.attachment(this.video), request.src, hlsStart.config, sink)
        : startNativeEngine(this.video, request.src, request.live, sink);
    if (request.live) this.timers.interval(() => this.sampleLiveEdge(), this.options.liveEdgeIntervalMs ?? 1000);
    // Notify last: whatever onState does (even destroy()) then finds every resource registered.
    this.dispatch({ type: 'engine', engine: kind });
  }

  private prepareVideo(): void {
    const v = this.video;
    v.muted = this.wantMuted;
    v.autoplay = true;
    v.setAttribute('playsinline', ''); // iOS: play inside the page, not fullscreen
    this.dispatch({ type: 'muted', muted: v.muted });
  }

  /** Engine callbacks, valid only while `gen` is the current generation. */
  private sinkFor(gen: number, live: boolean): EngineSink {
    const current = () => gen === this.generation;
    return {
      ready: () => current() && this.attemptPlay(gen),
      started: () => {
        if (current()) this.started = true;
      },
      hlsError: (facts) => {
        if (!current()) return;
        if (facts.event === 'demuxerWorker') this.options.onWorkerFallback?.('the hls.js worker stopped; transmuxing on the main thread');
        this.act(decideHlsError(facts, { live, started: this.started }, this.budget, this.limits));
      },
      nativeError: (code) => {
        if (current()) this.act(decideNativeError(code, { live, started: this.started }, this.budget, this.limits));
      },
    };
  }

  private act(decision: ErrorDecision): void {
    switch (decision.action) {
      case 'ignore':
        return;
      case 'wait-for-stream':
        this.scheduleRetry();
        return;
      case 'give-up':
        this.teardown(true);
        this.dispatch({ type: 'failed', error: decision.error });
        return;
      default:
        this.budget = spendBudget(this.budget, decision.action, this.video.currentTime);
        this.dispatch({ type: 'recovering', kind: decision.action === 'recover-network' ? 'network' : 'media' });
        this.engine?.recover(decision.action);
    }
  }

  /** Not started yet: drop the engine, say so quietly, and start again after the scheduled delay. */
  private scheduleRetry(): void {
    const attempt = this.waitAttempts;
    this.waitAttempts += 1;
    const delayMs = retryDelayMs(attempt, (this.options.random ?? Math.random)(), this.schedule);
    this.teardown(true);
    const gen = this.generation;
    this.timers.timeout(() => {
      if (gen !== this.generation) return;
      this.dispatch({ type: 'retrying' });
      if (gen === this.generation) void this.start();
    }, delayMs);
    this.dispatch({ type: 'stream-missing', attempt: attempt + 1, delayMs });
  }

  private attemptPlay(gen: number): void {
    const v = this.video;
    const result = v.play() as Promise<void> | undefined;
    result?.catch((err: unknown) => {
      // AbortError & co: a newer load or pause superseded this play; only a refusal matters.
      if (gen !== this.generation || (err as { name?: string } | null)?.name !== 'NotAllowedError') return;
      if (!v.muted) {
        // The browser will not start with sound: fall back to muted autoplay and show "tap to unmute".
        this.wantMuted = true;
        v.muted = true;
        this.dispatch({ type: 'muted', muted: true });
        this.attemptPlay(gen);
        return;
      }
      this.dispatch({ type: 'autoplay-blocked' });
    });
  }

  private listenToMedia(gen: number): void {
    const v = this.video;
    const on = (type: string, react: () => void) => this.mediaListeners.on(v, type, () => gen === this.generation && react());
    on('playing', () => this.dispatch({ type: 'playing' }));
    on('waiting', () => this.dispatch({ type: 'waiting' }));
    on('pause', () => !v.ended && this.dispatch({ type: 'paused' }));
    on('ended', () => this.dispatch({ type: 'ended' }));
    on('volumechange', () => {
      this.wantMuted = v.muted;
      this.dispatch({ type: 'muted', muted: v.muted || v.volume === 0 });
    });
    on('timeupdate', () => {
      this.budget = refillBudget(this.budget, v.currentTime, this.limits);
    });
  }

  private sampleLiveEdge(): void {
    if (!this.engine) return;
    const info = this.engine.liveInfo();
    const verdict = measureLiveEdge({
      currentTime: this.video.currentTime,
      syncPosition: info.syncPosition,
      seekableEnd: seekableEnd(this.video.seekable),
      targetDuration: info.targetDuration,
      liveEdge: info.liveEdge,
      wasBehind: this.current.behindLive,
    });
    this.dispatch({ type: 'live-edge', latency: verdict.latency, behindLive: verdict.behindLive });
  }

  private dispatch(event: PlayerEvent): void {
    const next = reducePlayerState(this.current, event);
    if (next === this.current) return;
    this.current = next;
    try {
      this.options.onState?.(next);
    } catch (err) {
      // A throwing UI callback must not break playback bookkeeping; surface it without unwinding us.
      queueMicrotask(() => {
        throw err;
      });
    }
  }
}
