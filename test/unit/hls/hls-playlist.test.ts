/**
 * The pure playlist model of the HLS origin, table-style with an injected clock: the window slides
 * one segment per 2 s, loops are marked, pause freezes it, resume continues it, end closes it.
 */
import { describe, expect, it } from 'vitest';
import type { HlsRoomView } from '../../../demo/server/hooks.ts';
import {
  createSegmentClock,
  mediaSequenceOf,
  observeRoom,
  producedCount,
  pruneRuns,
  renderLivePlaylist,
  renderVodPlaylist,
  type HlsManifest,
  type Timeline,
} from '../../../demo/server/hls-playlist.ts';

const N = 12;
const W = 6;
const manifest: HlsManifest = {
  targetDuration: 2,
  segments: Array.from({ length: N }, (_, i) => ({ uri: `seg-${String(i).padStart(3, '0')}.ts`, duration: 2 })),
};
const clock = createSegmentClock(manifest);
const L = Date.UTC(2025, 0, 1, 12, 0, 0);

/** Feeds views at given times through observeRoom, like successive playlist requests. */
function replay(steps: Array<[number, HlsRoomView]>): Timeline | undefined {
  let tl: Timeline | undefined;
  for (const [t, view] of steps) tl = observeRoom(clock, tl, view, t, W);
  return tl;
}

function uris(text: string): string[] {
  return text.split('\n').filter((l) => l.endsWith('.ts'));
}

function tag(text: string, name: string): string | undefined {
  return text
    .split('\n')
    .find((l) => l.startsWith(`#${name}:`))
    ?.slice(name.length + 2);
}

const live: HlsRoomView = { state: 'live', liveSince: L };

describe('live window advances with the clock', () => {
  const cases: Array<{ at: number; seq: number; first: string; last: string; dseq: number; discs: number }> = [
    { at: 0, seq: 0, first: 'seg-000.ts', last: 'seg-005.ts', dseq: 0, discs: 0 },
    { at: 1_999, seq: 0, first: 'seg-000.ts', last: 'seg-005.ts', dseq: 0, discs: 0 },
    { at: 2_000, seq: 1, first: 'seg-001.ts', last: 'seg-006.ts', dseq: 0, discs: 0 },
    { at: 4_000, seq: 2, first: 'seg-002.ts', last: 'seg-007.ts', dseq: 0, discs: 0 },
    { at: 12_000, seq: 6, first: 'seg-006.ts', last: 'seg-011.ts', dseq: 0, discs: 0 },
    // First loop: segment 12 is seg-000 again, after a discontinuity.
    { at: 14_000, seq: 7, first: 'seg-007.ts', last: 'seg-000.ts', dseq: 0, discs: 1 },
    { at: 24_000, seq: 12, first: 'seg-000.ts', last: 'seg-005.ts', dseq: 0, discs: 1 },
    // The discontinuity slid out of the window: it is now counted by DISCONTINUITY-SEQUENCE.
    { at: 26_000, seq: 13, first: 'seg-001.ts', last: 'seg-006.ts', dseq: 1, discs: 0 },
    { at: 24_000 * 10 + 2_000, seq: 121, first: 'seg-001.ts', last: 'seg-006.ts', dseq: 10, discs: 0 },
  ];
  it.each(cases)('at +$at ms: sequence $seq, $first … $last, dseq $dseq', ({ at, seq, first, last, dseq, discs }) => {
    const tl = replay([
      [L, live],
      [L + at, live],
    ]);
    expect(tl).toBeDefined();
    const pl = renderLivePlaylist(clock, tl as Timeline, L + at, W);
    const list = uris(pl.text);
    expect(pl.mediaSequence).toBe(seq);
    expect(mediaSequenceOf(pl.text)).toBe(seq);
    expect(list).toHaveLength(W);
    expect(list[0]).toBe(first);
    expect(list[W - 1]).toBe(last);
    expect(Number(tag(pl.text, 'EXT-X-DISCONTINUITY-SEQUENCE'))).toBe(dseq);
    expect(pl.text.split('\n').filter((l) => l === '#EXT-X-DISCONTINUITY')).toHaveLength(discs);
    expect(tag(pl.text, 'EXT-X-TARGETDURATION')).toBe('2');
    expect(pl.text).not.toContain('#EXT-X-ENDLIST');
    expect(pl.text).not.toContain('PLAYLIST-TYPE');
  });

  it('places the discontinuity right before the looped segment', () => {
    const tl = replay([[L, live]]) as Timeline;
    const lines = renderLivePlaylist(clock, tl, L + 14_000, W).text.split('\n');
    const i = lines.indexOf('#EXT-X-DISCONTINUITY');
    expect(lines.slice(i + 1, i + 4).map((l) => l.split(':')[0])).toEqual(['#EXT-X-PROGRAM-DATE-TIME', '#EXTINF', 'seg-000.ts']);
  });

  it('gives every segment a program date time 2 s after the previous one, the newest ending now', () => {
    const tl = replay([[L, live]]) as Timeline;
    const text = renderLivePlaylist(clock, tl, L + 7_000, W).text;
    const pdts = text
      .split('\n')
      .filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:'))
      .map((l) => Date.parse(l.slice(25)));
    expect(pdts).toHaveLength(W);
    pdts.forEach((p, i) => i > 0 && expect(p - (pdts[i - 1] as number)).toBe(2_000));
    // Primed window: at L the newest segment ended exactly at L; at L+7000 three more ended by L+6000.
    expect((pdts[W - 1] as number) + 2_000).toBe(L + 6_000);
    expect(text).toContain('#EXTINF:2.000,');
  });

  it('starts the clock at the first request when liveSince is unknown or in the future', () => {
    for (const view of [{ state: 'live' } as HlsRoomView, { state: 'live', liveSince: L + 60_000 } as HlsRoomView]) {
      const tl = replay([[L, view]]) as Timeline;
      expect(renderLivePlaylist(clock, tl, L, W).mediaSequence).toBe(0);
      expect(renderLivePlaylist(clock, tl, L + 2_000, W).mediaSequence).toBe(1);
    }
  });
});

describe('room state drives the playlist', () => {
  it('has no timeline while upcoming (the origin answers 404)', () => {
    expect(replay([[L, { state: 'upcoming', startTime: L + 60_000 }]])).toBeUndefined();
  });

  it('freezes the window while paused and continues the sequence on resume', () => {
    const paused = replay([
      [L, live],
      [L + 5_000, { state: 'paused', liveSince: L }],
    ]) as Timeline;
    // At L+5000, segments 0..7 exist (two produced after the primed six).
    for (const t of [L + 5_000, L + 60_000, L + 600_000]) {
      expect(renderLivePlaylist(clock, paused, t, W).mediaSequence).toBe(2);
      expect(producedCount(clock, paused, t)).toBe(8);
    }
    expect(renderLivePlaylist(clock, paused, L + 60_000, W).text).not.toContain('#EXT-X-ENDLIST');

    const resumed = observeRoom(clock, paused, live, L + 60_000, W) as Timeline;
    expect(renderLivePlaylist(clock, resumed, L + 61_999, W).mediaSequence).toBe(2);
    const after = renderLivePlaylist(clock, resumed, L + 62_000, W);
    expect(after.mediaSequence).toBe(3);
    expect(uris(after.text).at(-1)).toBe('seg-008.ts');
    // Segment 8 was produced after the resume: its date is the resume time, segment 7's is before the pause.
    const pdts = after.text
      .split('\n')
      .filter((l) => l.startsWith('#EXT-X-PROGRAM-DATE-TIME:'))
      .map((l) => Date.parse(l.slice(25)));
    expect(pdts.at(-1)).toBe(L + 60_000);
    expect(pdts.at(-2)).toBe(L + 2_000);
  });

  it('honours a later liveSince as the resume time', () => {
    const paused = replay([
      [L, live],
      [L + 5_000, { state: 'paused', liveSince: L }],
    ]) as Timeline;
    const resumed = observeRoom(clock, paused, { state: 'live', liveSince: L + 50_000 }, L + 60_000, W) as Timeline;
    expect(renderLivePlaylist(clock, resumed, L + 60_000, W).mediaSequence).toBe(2 + 5);
  });

  it('closes the window with ENDLIST when ended, and stops advancing', () => {
    const ended = replay([
      [L, live],
      [L + 9_000, { state: 'ended', liveSince: L, endedAt: L + 9_000 }],
    ]) as Timeline;
    for (const t of [L + 9_000, L + 100_000]) {
      const pl = renderLivePlaylist(clock, ended, t, W);
      expect(pl.mediaSequence).toBe(4);
      expect(uris(pl.text)).toHaveLength(W);
      expect(pl.text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    }
  });

  it('a room first seen ended stops at endedAt', () => {
    const tl = replay([[L + 100_000, { state: 'ended', liveSince: L, endedAt: L + 8_000 }]]) as Timeline;
    const pl = renderLivePlaylist(clock, tl, L + 100_000, W);
    expect(pl.mediaSequence).toBe(4);
    expect(pl.text).toContain('#EXT-X-ENDLIST');
  });

  it('a room first seen paused serves a full frozen window', () => {
    const tl = replay([[L + 10_000, { state: 'paused', liveSince: L }]]) as Timeline;
    expect(renderLivePlaylist(clock, tl, L + 10_000, W).mediaSequence).toBe(5);
    expect(renderLivePlaylist(clock, tl, L + 90_000, W).mediaSequence).toBe(5);
  });

  it('never rewinds the sequence when a room ends and goes live again', () => {
    const tl = replay([
      [L, live],
      [L + 20_000, { state: 'ended', liveSince: L }],
      [L + 30_000, { state: 'live', liveSince: L + 30_000 }],
    ]) as Timeline;
    const seqAtEnd = 10;
    expect(renderLivePlaylist(clock, tl, L + 30_000, W).mediaSequence).toBe(seqAtEnd);
    expect(renderLivePlaylist(clock, tl, L + 32_000, W).mediaSequence).toBe(seqAtEnd + 1);
    expect(renderLivePlaylist(clock, tl, L + 32_000, W).text).not.toContain('ENDLIST');
  });

  it('keeps the run list bounded by pruning runs before the window', () => {
    let tl = replay([[L, live]]) as Timeline;
    let t = L;
    for (let i = 0; i < 50; i++) {
      t += 10_000;
      tl = observeRoom(clock, tl, { state: 'paused' }, t, W) as Timeline;
      t += 1_000;
      tl = observeRoom(clock, tl, { state: 'live' }, t, W) as Timeline;
      tl = pruneRuns(tl, renderLivePlaylist(clock, tl, t, W).firstInWindow);
    }
    expect(tl.runs.length).toBeLessThanOrEqual(W + 1);
    expect(renderLivePlaylist(clock, tl, t, W).mediaSequence).toBe(5 * 50);
  });
});

describe('VOD playlist', () => {
  it('lists the fixture once, typed VOD and closed', () => {
    const text = renderVodPlaylist(clock, (u) => `media/${u}`);
    expect(text).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    expect(text.trimEnd().endsWith('#EXT-X-ENDLIST')).toBe(true);
    expect(uris(text)).toEqual(manifest.segments.map((s) => `media/${s.uri}`));
    expect(text.match(/#EXTINF:2\.000,/g)).toHaveLength(N);
  });
});

describe('manifest validation', () => {
  it('rejects an empty or malformed manifest', () => {
    expect(() => createSegmentClock({ targetDuration: 2, segments: [] })).toThrow();
    expect(() => createSegmentClock({ targetDuration: 2, segments: [{ uri: 'a.ts', duration: 0 }] })).toThrow();
  });

  it('uses each segment duration and rounds the target duration up', () => {
    const odd = createSegmentClock({
      targetDuration: 2,
      segments: [
        { uri: 'a.ts', duration: 2.5 },
        { uri: 'b.ts', duration: 1.5 },
      ],
    });
    const tl = observeRoom(odd, undefined, live, L, 2) as Timeline;
    expect(odd.targetDuration).toBe(3);
    // Primed at L: a, b complete. a (k=2) completes 2.5 s later, b (k=3) 1.5 s after that.
    expect(producedCount(odd, tl, L + 2_499)).toBe(2);
    expect(producedCount(odd, tl, L + 2_500)).toBe(3);
    expect(producedCount(odd, tl, L + 3_999)).toBe(3);
    expect(producedCount(odd, tl, L + 4_000)).toBe(4);
  });
});
