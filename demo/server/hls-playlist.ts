/**
 * Pure playlist generation for the emulator's HLS origin: the stream timeline of one room (which
 * fixture segment was "produced" when) and the M3U8 text for its live and VOD playlists.
 *
 * No I/O, no clock: every function takes `now` (ms). `hls-origin.ts` owns the HTTP side and keeps
 * one timeline per room.
 *
 * Model: the live stream is an endless sequence of segments k = 0, 1, 2, … that loops over the
 * fixture (segment k is fixture file k mod N). Production runs while the room is live and stops
 * while it is paused or ended; each (re)start is a "run" that maps stream time to wall-clock time.
 * The first run is primed with one window of segments, so a player that arrives the moment a room
 * goes live gets a full window at once instead of stalling for windowSegments × 2 s.
 */
import type { HlsRoomView } from './hooks.ts';

export interface HlsManifest {
  targetDuration: number;
  segments: ReadonlyArray<{ uri: string; duration: number }>;
}

/** Manifest with precomputed stream-time offsets (ms). */
export interface SegmentClock {
  readonly manifest: HlsManifest;
  readonly count: number;
  /** Start of fixture segment i within one loop, ms; cum[count] = loop length. */
  readonly cum: readonly number[];
  readonly loopMs: number;
  readonly targetDuration: number;
}

/** One stretch of production: segment `firstK` started at `wallStart`, the following ones back to back. */
export interface Run {
  readonly firstK: number;
  readonly wallStart: number;
}

export interface Timeline {
  /** Non-empty, ascending by firstK; runs wholly before the current window are pruned. */
  readonly runs: readonly Run[];
  /** Wall-clock ms at which production stopped (paused, ended, back to upcoming); undefined while live. */
  readonly stoppedAt?: number;
  readonly ended: boolean;
}

export const DEFAULT_WINDOW_SEGMENTS = 6;

export function createSegmentClock(manifest: HlsManifest): SegmentClock {
  const n = manifest.segments.length;
  if (n === 0) throw new Error('HLS manifest has no segments');
  const cum = [0];
  let maxDuration = 0;
  for (const seg of manifest.segments) {
    if (!(seg.duration > 0)) throw new Error(`HLS manifest: bad duration for ${seg.uri}`);
    // Integer milliseconds so that loop arithmetic never drifts.
    cum.push((cum[cum.length - 1] ?? 0) + Math.round(seg.duration * 1000));
    maxDuration = Math.max(maxDuration, seg.duration);
  }
  const loopMs = cum[n] ?? 0;
  const targetDuration = Math.max(Math.ceil(manifest.targetDuration || 0), Math.ceil(maxDuration));
  return { manifest, count: n, cum, loopMs, targetDuration };
}

/** Stream time (ms) at which segment k starts. */
export function startOf(clock: SegmentClock, k: number): number {
  const loops = Math.floor(k / clock.count);
  return loops * clock.loopMs + (clock.cum[k - loops * clock.count] ?? 0);
}

/** Number of segments complete by stream time s: the largest k with startOf(k) <= s. */
function completeBy(clock: SegmentClock, s: number): number {
  if (s <= 0) return 0;
  const loops = Math.floor(s / clock.loopMs);
  const rest = s - loops * clock.loopMs;
  let j = 0;
  while (j + 1 < clock.count && (clock.cum[j + 1] ?? Infinity) <= rest) j++;
  return loops * clock.count + j;
}

/** How many segments exist at `now` (segments 0 … result−1). */
export function producedCount(clock: SegmentClock, tl: Timeline, now: number): number {
  const run = tl.runs[tl.runs.length - 1];
  if (!run) return 0;
  const at = tl.stoppedAt ?? now;
  const streamTime = startOf(clock, run.firstK) + Math.max(0, at - run.wallStart);
  return Math.max(run.firstK, completeBy(clock, streamTime));
}

function newTimeline(clock: SegmentClock, start: number, windowSegments: number): Timeline {
  // Primed: the first window is complete exactly at `start`.
  return { runs: [{ firstK: 0, wallStart: start - startOf(clock, windowSegments) }], ended: false };
}

/**
 * Advances a room's timeline to what its current view says. Returns the same object when nothing
 * changed. A room first seen paused or ended gets a timeline that stops at that moment (or at
 * `endedAt`), so late arrivals still get the last window.
 */
export function observeRoom(
  clock: SegmentClock,
  tl: Timeline | undefined,
  view: HlsRoomView,
  now: number,
  windowSegments: number,
): Timeline | undefined {
  const running = tl !== undefined && tl.stoppedAt === undefined;
  switch (view.state) {
    case 'live': {
      if (!tl) {
        const since = view.liveSince !== undefined && view.liveSince <= now ? view.liveSince : now;
        return newTimeline(clock, since, windowSegments);
      }
      if (running) return tl;
      // Resume: continue the sequence where it stopped, so players see new segments, never a rewind.
      const stoppedAt = tl.stoppedAt ?? now;
      const resumeAt = view.liveSince !== undefined && view.liveSince > stoppedAt && view.liveSince <= now ? view.liveSince : now;
      const firstK = producedCount(clock, tl, now);
      return { runs: [...tl.runs, { firstK, wallStart: resumeAt }], ended: false };
    }
    case 'paused':
    case 'ended':
    case 'replay': {
      const ended = view.state !== 'paused';
      if (!tl) {
        const since = view.liveSince !== undefined && view.liveSince <= now ? view.liveSince : now;
        const stop = ended && view.endedAt !== undefined ? Math.min(now, Math.max(since, view.endedAt)) : now;
        return { ...newTimeline(clock, since, windowSegments), stoppedAt: stop, ended };
      }
      if (running) return { runs: tl.runs, stoppedAt: now, ended };
      return tl.ended === ended ? tl : { runs: tl.runs, stoppedAt: tl.stoppedAt ?? now, ended };
    }
    case 'upcoming':
    default:
      // Back to upcoming: stop producing; the live playlist answers 404 meanwhile.
      return running ? { runs: tl.runs, stoppedAt: now, ended: false } : tl;
  }
}

/** Drops runs that lie wholly before the window starting at `firstInWindow` (keeps memory bounded). */
export function pruneRuns(tl: Timeline, firstInWindow: number): Timeline {
  let drop = 0;
  while (drop + 1 < tl.runs.length && (tl.runs[drop + 1]?.firstK ?? Infinity) <= firstInWindow) drop++;
  return drop === 0 ? tl : { ...tl, runs: tl.runs.slice(drop) };
}

function runOf(tl: Timeline, k: number): Run {
  let found = tl.runs[0] as Run;
  for (const run of tl.runs) if (run.firstK <= k) found = run;
  return found;
}

/** Seconds with three decimals, the way EXTINF is usually written. */
function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

export interface LivePlaylist {
  text: string;
  mediaSequence: number;
  discontinuitySequence: number;
  firstInWindow: number;
}

/**
 * The live sliding-window playlist at `now`. Loops of the fixture are marked with
 * EXT-X-DISCONTINUITY (its timestamps restart); EXT-X-DISCONTINUITY-SEQUENCE counts the
 * discontinuities that have slid out of the window, so every segment keeps its number.
 */
export function renderLivePlaylist(
  clock: SegmentClock,
  tl: Timeline,
  now: number,
  windowSegments: number,
  segmentUri: (fixtureUri: string) => string = (u) => u,
): LivePlaylist {
  const produced = producedCount(clock, tl, now);
  const first = Math.max(0, produced - windowSegments);
  // Discontinuity tags stand before each k that is a multiple of N (k > 0); those before `first` are gone.
  const discontinuitySequence = first > 0 ? Math.floor((first - 1) / clock.count) : 0;
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${clock.targetDuration}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${discontinuitySequence}`,
  ];
  for (let k = first; k < produced; k++) {
    const i = k % clock.count;
    const seg = clock.manifest.segments[i];
    if (!seg) continue;
    if (k > 0 && i === 0) lines.push('#EXT-X-DISCONTINUITY');
    const run = runOf(tl, k);
    const wall = run.wallStart + startOf(clock, k) - startOf(clock, run.firstK);
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(wall).toISOString()}`);
    lines.push(`#EXTINF:${seconds((clock.cum[i + 1] ?? 0) - (clock.cum[i] ?? 0))},`);
    lines.push(segmentUri(seg.uri));
  }
  if (tl.ended) lines.push('#EXT-X-ENDLIST');
  return { text: lines.join('\n') + '\n', mediaSequence: first, discontinuitySequence, firstInWindow: first };
}

/** The VOD playlist over the fixture once (replay). */
export function renderVodPlaylist(clock: SegmentClock, segmentUri: (fixtureUri: string) => string = (u) => u): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${clock.targetDuration}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-PLAYLIST-TYPE:VOD',
  ];
  clock.manifest.segments.forEach((seg, i) => {
    lines.push(`#EXTINF:${seconds((clock.cum[i + 1] ?? 0) - (clock.cum[i] ?? 0))},`);
    lines.push(segmentUri(seg.uri));
  });
  lines.push('#EXT-X-ENDLIST');
  return lines.join('\n') + '\n';
}

/** The media sequence number of a playlist text (for tests and diagnostics); NaN when absent. */
export function mediaSequenceOf(text: string): number {
  const m = /#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(text);
  return m ? Number(m[1]) : NaN;
}
