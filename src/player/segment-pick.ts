/**
 * Which segment of a live media playlist hls.js loads first, computed from the playlist text alone,
 * so the segment can be fetched while hls.js itself is still being downloaded and compiled.
 *
 * hls.js (1.7, our live config, no previous fragment) starts at the live sync position:
 * `edge + age − liveSyncDurationCount × TARGETDURATION`, kept within `[edge − total, edge − TARGETDURATION]`,
 * and loads the segment that contains it (no look-up tolerance before the first request). `age` is
 * the few milliseconds between hls.js receiving the playlist and choosing; a segment boundary within
 * `AMBIGUOUS_S` after the position could be crossed in that time, so such a playlist gets no answer.
 * So does anything whose first segment depends on more than these rules: a multivariant playlist
 * (hls.js picks a level first), VOD, encryption, init sections, byte ranges, LL-HLS parts, gaps.
 *
 * Must not: fetch, touch the DOM or hls.js (pure, unit-tested in node).
 */

/** How far (s) past the computed position hls.js may still decide; boundaries closer than this are unsafe. */
export const AMBIGUOUS_S = 0.5;

/** Tags after which the first segment is not predictable from these rules alone. */
const UNSURE = /^#EXT-X-(STREAM-INF|ENDLIST|PLAYLIST-TYPE:VOD|KEY|MAP|BYTERANGE|PART|PRELOAD-HINT|GAP|START|SKIP|DATERANGE)/;

/**
 * The absolute URL of the first segment hls.js will request for this live playlist, or null when it
 * cannot be told for sure. `base` is the playlist's own URL (segment URIs resolve against it).
 */
export function liveStartSegment(text: string, base: string, syncSegments: number): string | null {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') return null;
  let target = NaN;
  let duration = NaN;
  const segments: { uri: string; start: number; end: number }[] = [];
  let at = 0;
  for (const line of lines) {
    if (!line) continue;
    if (UNSURE.test(line)) return null;
    // As hls.js reads them: an integer target (at least 1), fractional segment durations.
    if (line.startsWith('#EXT-X-TARGETDURATION:')) target = Math.max(parseInt(line.slice(22), 10), 1);
    else if (line.startsWith('#EXTINF:')) duration = parseFloat(line.slice(8));
    else if (!line.startsWith('#')) {
      if (!(duration >= 0)) return null;
      segments.push({ uri: line, start: at, end: at + duration });
      at += duration;
      duration = NaN;
    }
  }
  if (!(target > 0) || segments.length === 0 || !(syncSegments > 0)) return null;
  const edge = at;
  const last = edge - target;
  const raw = edge - syncSegments * target;
  const position = Math.min(Math.max(0, raw), last);
  const chosen = segments.find((s) => s.start <= position && position < s.end);
  // hls.js's position only moves forward with its age, and never past the clamp at `last`.
  const latest = Math.min(raw + AMBIGUOUS_S, last);
  if (!chosen || segments.some((s) => s.start > position && s.start <= latest)) return null;
  try {
    return new URL(chosen.uri, base).href;
  } catch {
    return null;
  }
}
