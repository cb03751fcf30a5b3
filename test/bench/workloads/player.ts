/**
 * W7: player start on the demo's live HLS origin — ours (the element, hls.js loaded lazily as in
 * production) vs bare hls.js light with the same config, interleaved, a fresh page each.
 * Each page starts its player as soon as its module has run (`?play=`), as a page with a live room
 * does. Time to first frame (from navigation and from the player's start), live latency (seekable
 * end − currentTime) and stalls after the first frame.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { LIVE_SYNC_SEGMENTS } from '../../../src/player/stream-config.ts';
import type { PlayerResult } from '../pages/bench-api.ts';
import { BenchSession } from '../session.ts';
import { median } from '../stats.ts';

const manifest = JSON.parse(readFileSync(new URL('../../../demo/media/manifest.json', import.meta.url), 'utf8')) as {
  targetDuration: number;
};
/** hls.js keeps `liveSyncDurationCount` target durations behind the edge (stream-config.ts). */
export const TARGET_LATENCY_S = LIVE_SYNC_SEGMENTS * manifest.targetDuration;

export interface PlayerRecord extends PlayerResult {
  readonly role: 'ours' | 'peer';
  readonly rep: number;
  readonly latencyMedian: number;
  /** Time to first frame of each page load of this repetition (from navigation, ms); `ttffFromNavMs` is their median. */
  readonly ttffLoadsFromNavMs: readonly number[];
}

/**
 * Each repetition loads each side `loads` times, interleaved (ours, peer, ours, peer…), a fresh page
 * each: the first load is watched for `watchMs` (latency, stalls), the others only to their first
 * frame. A repetition's time to first frame is the median of its loads: one load is a few hundred
 * ms, which a busy shared machine shifts by as much, so single loads make a pair ratio mostly noise.
 */
export async function runPlayer(
  browser: Browser,
  baseUrl: string,
  liveUrl: string,
  reps: number,
  watchMs: number,
  log: (s: string) => void,
  self = false,
  loads = 3,
  /** X7: ours from another origin (`ours` role) against ours from the page's own (`peer` role). */
  crossUrl?: string,
): Promise<PlayerRecord[]> {
  const out: PlayerRecord[] = [];
  const sides: readonly { role: 'ours' | 'peer'; page: string; baseUrl: string }[] = crossUrl
    ? [
        { role: 'ours', page: 'ours', baseUrl: crossUrl },
        { role: 'peer', page: 'ours', baseUrl },
      ]
    : [
        { role: 'ours', page: 'ours', baseUrl },
        { role: 'peer', page: self ? 'ours' : 'hls-bare', baseUrl },
      ];
  for (let rep = 0; rep < reps; rep++) {
    const watched = new Map<string, PlayerResult>();
    const firsts = new Map<string, { nav: number[]; start: number[] }>(sides.map((s) => [s.role, { nav: [], start: [] }]));
    for (let load = 0; load < loads; load++) {
      for (const side of sides) {
        // The page starts its player itself once loaded: time to first frame counts from navigation
        // without the harness's round trips (both sides alike).
        const { session, result } = await BenchSession.openPlaying(browser, side.baseUrl, side.page, liveUrl, load === 0 ? watchMs : 0);
        try {
          const r = await result;
          if (load === 0) watched.set(side.role, r);
          firsts.get(side.role)!.nav.push(r.ttffFromNavMs);
          firsts.get(side.role)!.start.push(r.ttffMs);
        } catch (err) {
          log(`  ${crossUrl ? 'X7' : 'W7'} ${rep}.${load} ${side.page}: failed: ${(err as Error).message.split('\n')[0]}`);
        } finally {
          await session.close();
        }
      }
    }
    for (const side of sides) {
      const r = watched.get(side.role);
      const f = firsts.get(side.role)!;
      if (!r) continue;
      const rec: PlayerRecord = {
        ...r,
        ttffMs: median(f.start),
        ttffFromNavMs: median(f.nav),
        ttffLoadsFromNavMs: f.nav,
        role: side.role,
        rep,
        latencyMedian: median(r.latency),
      };
      out.push(rec);
      log(
        `  ${crossUrl ? 'X7' : 'W7'} ${side.baseUrl === crossUrl ? 'cross' : 'same '} ${rep} ${r.engine.padEnd(22)} ttff ${rec.ttffMs.toFixed(0)}ms (nav ${rec.ttffFromNavMs.toFixed(0)}ms of ${f.nav.map((x) => x.toFixed(0)).join('/')}) latency ${rec.latencyMedian.toFixed(2)}s stalls ${r.stalls} dropped ${r.video?.dropped ?? '?'}`,
      );
    }
  }
  return out;
}
