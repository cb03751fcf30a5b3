import { describe, expect, it } from 'vitest';
import { AMBIGUOUS_S, liveStartSegment } from '../../../src/player/segment-pick.ts';

const BASE = 'https://cdn.example/live/room/live.m3u8';
const live = (durations: number[], target = 2, extra: string[] = []): string =>
  [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${target}`,
    '#EXT-X-MEDIA-SEQUENCE:40',
    ...extra,
    ...durations.flatMap((d, i) => [`#EXTINF:${d.toFixed(3)},`, `seg-${40 + i}.ts`]),
  ].join('\n');

describe('liveStartSegment (hls.js’s first segment of a live playlist)', () => {
  it('three target durations behind the edge: the third segment from the end of a regular window', () => {
    expect(liveStartSegment(live([2, 2, 2, 2, 2, 2]), BASE, 3)).toBe('https://cdn.example/live/room/seg-43.ts');
    expect(liveStartSegment(live([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]), BASE, 3)).toBe('https://cdn.example/live/room/seg-47.ts');
  });

  it('segments a little longer than the target: the one that holds the position', () => {
    // edge 12.012; position 6.012 lies in [6.006, 8.008): the fourth segment.
    expect(liveStartSegment(live([2.002, 2.002, 2.002, 2.002, 2.002, 2.002]), BASE, 3)).toBe('https://cdn.example/live/room/seg-43.ts');
  });

  it('a short window starts at its first segment; the position never passes one target before the edge', () => {
    expect(liveStartSegment(live([2, 2]), BASE, 3)).toBe('https://cdn.example/live/room/seg-40.ts');
    expect(liveStartSegment(live([2]), BASE, 3)).toBe('https://cdn.example/live/room/seg-40.ts');
  });

  it('no answer when a boundary lies just after the position (hls.js’s few ms of age could cross it)', () => {
    // edge 12.2; position 6.2; the next segment starts at 6.4, within AMBIGUOUS_S.
    expect(AMBIGUOUS_S).toBeGreaterThan(0.2);
    expect(liveStartSegment(live([2, 2, 2.4, 1.8, 2, 2]), BASE, 3)).toBeNull();
  });

  it('reads the target as hls.js does (integer part, at least 1) and resolves URIs against the playlist', () => {
    expect(liveStartSegment(live([2, 2, 2, 2, 2, 2], 2.9), BASE, 3)).toBe('https://cdn.example/live/room/seg-43.ts');
    const absolute = [
      '#EXTM3U',
      '#EXT-X-TARGETDURATION:2',
      '#EXTINF:2,',
      'https://other.example/a.ts',
      '#EXTINF:2,',
      '../b.ts?t=1',
      '#EXTINF:2,',
      'c.ts',
      '#EXTINF:2,',
      'd.ts',
    ].join('\r\n');
    expect(liveStartSegment(absolute, BASE, 3)).toBe('https://cdn.example/live/b.ts?t=1');
  });

  it('no answer for what the rules do not cover: multivariant, VOD, keys, init sections, byte ranges, parts, date ranges', () => {
    const cases = [
      ['#EXTM3U', '#EXT-X-STREAM-INF:BANDWIDTH=800000', 'low.m3u8'].join('\n'),
      live([2, 2, 2, 2], 2, ['#EXT-X-PLAYLIST-TYPE:VOD']),
      live([2, 2, 2, 2]) + '\n#EXT-X-ENDLIST',
      live([2, 2, 2, 2], 2, ['#EXT-X-KEY:METHOD=AES-128,URI="k"']),
      live([2, 2, 2, 2], 2, ['#EXT-X-MAP:URI="init.mp4"']),
      live([2, 2, 2, 2], 2, ['#EXT-X-BYTERANGE:1000@0']),
      live([2, 2, 2, 2], 2, ['#EXT-X-PART:DURATION=0.5,URI="p.mp4"']),
      live([2, 2, 2, 2], 2, ['#EXT-X-DATERANGE:ID="ad",START-DATE="2026-01-01T00:00:00Z"']),
    ];
    for (const text of cases) expect(liveStartSegment(text, BASE, 3)).toBeNull();
  });

  it('no answer for malformed or hostile text', () => {
    for (const text of [
      '',
      'hello',
      '#EXTM3U',
      live([]),
      '#EXTM3U\n#EXTINF:2,\nseg.ts',
      '#EXTM3U\n#EXT-X-TARGETDURATION:x\n#EXTINF:2,\nseg.ts',
      '#EXTM3U\n#EXT-X-TARGETDURATION:2\nseg.ts',
      '#EXTM3U\n#EXT-X-TARGETDURATION:2\n#EXTINF:2,\nhttp://[bad',
    ]) {
      expect(liveStartSegment(text, BASE, 3)).toBeNull();
    }
  });
});
