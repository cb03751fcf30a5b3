/**
 * The emulator's live HLS origin: answers GET/HEAD under `/hls/` from the committed fixture in
 * `demo/media` (see its README), tied to each room's state.
 *
 *   /hls/<roomId>/live.m3u8    sliding-window live playlist (404 while upcoming)
 *   /hls/<roomId>/replay.m3u8  VOD playlist over the fixture
 *   /hls/<roomId>/<segment>    a fixture segment; only names listed in manifest.json are served,
 *                              so no request path ever reaches the file system
 *
 * Owns one timeline per room (bounded map) and an in-memory cache of the segment bytes (the fixture
 * is ~1.4 MB). Owns no sockets or timers: the server core calls `handle()` from its request handler.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { HlsOrigin, HlsRoomView } from './hooks.ts';
import {
  DEFAULT_WINDOW_SEGMENTS,
  createSegmentClock,
  observeRoom,
  pruneRuns,
  renderLivePlaylist,
  renderVodPlaylist,
  type HlsManifest,
  type Timeline,
} from './hls-playlist.ts';

export type { HlsOrigin, HlsRoomView } from './hooks.ts';

export interface HlsOriginOptions {
  mediaDir: string;
  now?: () => number;
  windowSegments?: number;
  /** Most rooms whose timeline is remembered; the least recently used is forgotten first. */
  maxRooms?: number;
}

const PLAYLIST_TYPE = 'application/vnd.apple.mpegurl';
const SEGMENT_TYPE = 'video/mp2t';
/**
 * Room ids as Tencent allows group ids: ≤ 48 printable ASCII bytes (generated ones look like
 * `@TGS#a…`, so `#` arrives percent-encoded). Slashes are refused; the id is only a lookup key.
 */
const ROOM_ID = /^[\x21-\x7e]{1,48}$/;
const validRoomId = (id: string): boolean => ROOM_ID.test(id) && !/[/\\]/.test(id);

export function createHlsOrigin(opts: HlsOriginOptions): HlsOrigin {
  const now = opts.now ?? Date.now;
  const windowSegments = opts.windowSegments ?? DEFAULT_WINDOW_SEGMENTS;
  if (!Number.isInteger(windowSegments) || windowSegments < 1) throw new Error('windowSegments must be an integer ≥ 1');
  const maxRooms = opts.maxRooms ?? 10_000;

  const manifest = JSON.parse(readFileSync(join(opts.mediaDir, 'manifest.json'), 'utf8')) as HlsManifest;
  const clock = createSegmentClock(manifest);
  // The allow-list: a URL segment name is served only if the manifest lists it.
  const allowed = new Set(manifest.segments.map((s) => s.uri));
  const segmentBytes = new Map<string, Promise<Buffer>>();
  const timelines = new Map<string, Timeline>();
  const vodText = renderVodPlaylist(clock);

  function loadSegment(name: string): Promise<Buffer> {
    let p = segmentBytes.get(name);
    if (!p) {
      p = readFile(join(opts.mediaDir, name));
      // A failed read is not cached, so a transient error does not stick.
      p.catch(() => segmentBytes.delete(name));
      segmentBytes.set(name, p);
    }
    return p;
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, cache: string): void {
    const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': bytes.length,
      'Cache-Control': cache,
      // Players on other origins (the CDN demo page, a Shopify-like page) fetch with XHR.
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  }

  function notFound(req: IncomingMessage, res: ServerResponse, why: string): void {
    send(req, res, 404, 'text/plain; charset=utf-8', why + '\n', 'no-cache');
  }

  function timelineFor(roomId: string, view: HlsRoomView, t: number): Timeline | undefined {
    const before = timelines.get(roomId);
    const after = observeRoom(clock, before, view, t, windowSegments);
    if (after === undefined) return undefined;
    // Re-insert to keep the Map in least-recently-used order.
    timelines.delete(roomId);
    timelines.set(roomId, after);
    if (timelines.size > maxRooms) {
      const oldest = timelines.keys().next().value;
      if (oldest !== undefined) timelines.delete(oldest);
    }
    return after;
  }

  function live(req: IncomingMessage, res: ServerResponse, roomId: string, view: HlsRoomView): void {
    const t = now();
    const tl = timelineFor(roomId, view, t);
    if (view.state === 'upcoming' || !tl) {
      notFound(req, res, 'stream not started');
      return;
    }
    const playlist = renderLivePlaylist(clock, tl, t, windowSegments);
    timelines.set(roomId, pruneRuns(tl, playlist.firstInWindow));
    send(req, res, 200, PLAYLIST_TYPE, playlist.text, 'no-cache');
  }

  return {
    handle(req, res, lookupRoom) {
      const url = new URL(req.url ?? '/', 'http://origin.invalid');
      if (!url.pathname.startsWith('/hls/')) return false;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('method not allowed\n');
        return true;
      }
      const parts = url.pathname.slice('/hls/'.length).split('/');
      const [rawRoom, name] = parts;
      let roomId: string;
      try {
        roomId = decodeURIComponent(rawRoom ?? '');
      } catch {
        roomId = '';
      }
      if (parts.length !== 2 || !validRoomId(roomId) || !name) {
        notFound(req, res, 'not found');
        return true;
      }
      if (allowed.has(name)) {
        // Segments are the same bytes for every room and never change: cache them for good.
        loadSegment(name).then(
          (bytes) => send(req, res, 200, SEGMENT_TYPE, bytes, 'public, max-age=31536000, immutable'),
          () => notFound(req, res, 'segment unavailable'),
        );
        return true;
      }
      const view = lookupRoom(roomId);
      if (!view) {
        timelines.delete(roomId);
        notFound(req, res, 'no such room');
        return true;
      }
      if (name === 'live.m3u8') live(req, res, roomId, view);
      else if (name === 'replay.m3u8') send(req, res, 200, PLAYLIST_TYPE, vodText, 'public, max-age=300');
      else notFound(req, res, 'not found');
      return true;
    },
  };
}
