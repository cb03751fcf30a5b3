import { describe, expect, it, vi } from 'vitest';
import { SegmentPrefetch } from '../../../src/player/segment-prefetch.ts';

const PLAYLIST_URL = 'https://cdn.example/live/live.m3u8';
const TEXT = ['#EXTM3U', '#EXT-X-TARGETDURATION:2', ...[0, 1, 2, 3, 4, 5].flatMap((i) => ['#EXTINF:2,', `s${i}.ts`])].join('\n');
const START = 'https://cdn.example/live/s3.ts';
const playlist = (text = TEXT) => Promise.resolve({ url: PLAYLIST_URL, text, code: 200 });
const answer = (url: string) => ({ url, data: new ArrayBuffer(8), code: 200, timing: { start: 1, first: 2, end: 3 } });

describe('SegmentPrefetch', () => {
  it('fetches the start segment once the playlist is in and hands it to the first request for it', async () => {
    const fetchBytes = vi.fn(async (url: string) => answer(url));
    const p = new SegmentPrefetch(fetchBytes);
    p.fromPlaylist(playlist(), 3);
    p.fromPlaylist(playlist(), 3);
    await expect(p.take(START)).resolves.toMatchObject({ url: START, code: 200 });
    expect(fetchBytes).toHaveBeenCalledTimes(1);
    expect(fetchBytes.mock.calls[0]![0]).toBe(START);
    expect(p.take(START)).toBeUndefined();
  });

  it('a first request for another segment gets null and aborts the prefetch', async () => {
    let signal: AbortSignal | undefined;
    const p = new SegmentPrefetch(async (url, s) => ((signal = s), answer(url)));
    p.fromPlaylist(playlist(), 3);
    await expect(p.take('https://cdn.example/live/s2.ts')).resolves.toBeNull();
    expect(signal?.aborted).toBe(true);
    expect(p.take(START)).toBeUndefined();
  });

  it('nothing is fetched for a failed playlist, one it cannot read, or after cancel()', async () => {
    const fetchBytes = vi.fn(async (url: string) => answer(url));
    const failed = new SegmentPrefetch(fetchBytes);
    failed.fromPlaylist(Promise.resolve(null), 3);
    await expect(failed.take(START)).resolves.toBeNull();
    const vod = new SegmentPrefetch(fetchBytes);
    vod.fromPlaylist(playlist(TEXT + '\n#EXT-X-ENDLIST'), 3);
    await expect(vod.take(START)).resolves.toBeNull();
    const cancelled = new SegmentPrefetch(fetchBytes);
    cancelled.fromPlaylist(playlist(), 3);
    cancelled.cancel();
    expect(cancelled.take(START)).toBeUndefined();
    await Promise.resolve();
    expect(fetchBytes).not.toHaveBeenCalled();
    expect(new SegmentPrefetch(fetchBytes).take(START)).toBeUndefined();
  });

  it('a failed segment fetch answers null (hls.js fetches it and sees the error itself)', async () => {
    const p = new SegmentPrefetch(async () => null);
    p.fromPlaylist(playlist(), 3);
    await expect(p.take(START)).resolves.toBeNull();
  });
});
