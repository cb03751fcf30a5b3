/**
 * The player's observable state and the pure reducer that moves it.
 *
 * Owns: every decision about *what the UI should show* (status, "tap to unmute", "back to live",
 * waiting/retry notice, error reason). The controller only reports facts as events.
 *
 * Must not: touch the DOM, hls.js or timers.
 */

export type PlayerStatus =
  | 'idle' // nothing loaded (initial, or after destroy)
  | 'loading' // engine starting, manifest or first frames on the way
  | 'waiting-for-stream' // live stream not started yet: a quiet retry is scheduled
  | 'playing'
  | 'paused' // paused by the user, or autoplay refused (see `autoplayBlocked`)
  | 'stalled' // was playing, now buffering or recovering
  | 'error' // gave up: see `error`, offer retry()
  | 'ended';

export type PlayerEngine = 'hls.js' | 'native';

export type PlayerErrorReason =
  | 'network' // segments or playlists keep failing after recovery attempts
  | 'media' // decoding keeps failing after recovery attempts (and an audio codec swap)
  | 'unsupported' // no hls.js support and no native HLS, or codecs the browser cannot play
  | 'stream-unavailable' // a replay whose playlist cannot be fetched
  | 'load-failed' // the player code itself could not be loaded
  | 'other';

export interface PlayerError {
  readonly reason: PlayerErrorReason;
  /** Short technical detail for logs / `lcr-error`, never shown raw as the only explanation. */
  readonly message: string;
}

export interface PlayerState {
  readonly status: PlayerStatus;
  readonly src: string | null;
  readonly live: boolean;
  readonly engine: PlayerEngine | null;
  /** The video is muted: the UI shows "tap to unmute". */
  readonly muted: boolean;
  /** The browser refused to start playback (even muted): the UI shows a play button. */
  readonly autoplayBlocked: boolean;
  /** Live only: the viewer is well behind the live edge: the UI shows "back to live". */
  readonly behindLive: boolean;
  /** Live only: seconds between the playhead and the live edge, when known. */
  readonly latency: number | null;
  /** While `waiting-for-stream`: which retry is next (1-based) and in how long. */
  readonly retry: { readonly attempt: number; readonly delayMs: number } | null;
  /** While recovering from an error without giving up yet. */
  readonly recovering: 'network' | 'media' | null;
  readonly error: PlayerError | null;
}

export type PlayerEvent =
  | { readonly type: 'load'; readonly src: string; readonly live: boolean }
  | { readonly type: 'engine'; readonly engine: PlayerEngine }
  | { readonly type: 'stream-missing'; readonly attempt: number; readonly delayMs: number }
  | { readonly type: 'retrying' }
  | { readonly type: 'playing' }
  | { readonly type: 'waiting' }
  | { readonly type: 'paused' }
  | { readonly type: 'ended' }
  | { readonly type: 'autoplay-blocked' }
  | { readonly type: 'muted'; readonly muted: boolean }
  | { readonly type: 'recovering'; readonly kind: 'network' | 'media' }
  | { readonly type: 'failed'; readonly error: PlayerError }
  | { readonly type: 'live-edge'; readonly latency: number | null; readonly behindLive: boolean }
  | { readonly type: 'reset' };

export function initialPlayerState(muted = true): PlayerState {
  return {
    status: 'idle',
    src: null,
    live: false,
    engine: null,
    muted,
    autoplayBlocked: false,
    behindLive: false,
    latency: null,
    retry: null,
    recovering: null,
    error: null,
  };
}

/** Statuses in which an engine is attached and media events mean something. */
const ACTIVE: ReadonlySet<PlayerStatus> = new Set(['loading', 'playing', 'paused', 'stalled']);

/**
 * Pure transition. Returns the *same object* when nothing changes, so the controller can skip
 * notifying the UI.
 */
export function reducePlayerState(state: PlayerState, event: PlayerEvent): PlayerState {
  switch (event.type) {
    case 'load':
      return { ...initialPlayerState(state.muted), status: 'loading', src: event.src, live: event.live };
    case 'reset':
      return patch(state, initialPlayerState(state.muted));
    case 'muted':
      return patch(state, { muted: event.muted });
    case 'engine':
      return state.status === 'loading' ? patch(state, { engine: event.engine }) : state;
    case 'stream-missing':
      if (state.status === 'idle' || state.status === 'error') return state;
      return patch(state, {
        status: 'waiting-for-stream',
        retry: { attempt: event.attempt, delayMs: event.delayMs },
        engine: null,
        recovering: null,
        latency: null,
        behindLive: false,
      });
    case 'retrying':
      return state.status === 'waiting-for-stream' ? patch(state, { status: 'loading', retry: null }) : state;
    case 'failed':
      if (state.status === 'idle') return state;
      return patch(state, { status: 'error', error: event.error, recovering: null, retry: null, behindLive: false });
    default:
      return ACTIVE.has(state.status) || (state.status === 'ended' && event.type === 'playing') ? reduceActive(state, event) : state;
  }
}

function reduceActive(state: PlayerState, event: PlayerEvent): PlayerState {
  switch (event.type) {
    case 'playing':
      return patch(state, { status: 'playing', autoplayBlocked: false, recovering: null });
    case 'waiting':
      return state.status === 'playing' ? patch(state, { status: 'stalled' }) : state;
    case 'paused':
      return state.status === 'loading' ? state : patch(state, { status: 'paused' });
    case 'ended':
      return patch(state, { status: 'ended', behindLive: false, recovering: null });
    case 'autoplay-blocked':
      return patch(state, { status: 'paused', autoplayBlocked: true });
    case 'recovering':
      return patch(state, {
        recovering: event.kind,
        status: state.status === 'playing' ? 'stalled' : state.status,
      });
    case 'live-edge':
      if (!state.live) return state;
      return patch(state, { latency: event.latency, behindLive: event.behindLive });
    default:
      return state;
  }
}

/** Applies `changes`, keeping the identity of `state` when no field actually changes. */
function patch(state: PlayerState, changes: Partial<PlayerState>): PlayerState {
  for (const key of Object.keys(changes) as (keyof PlayerState)[]) {
    if (!Object.is(state[key], changes[key])) return { ...state, ...changes };
  }
  return state;
}
