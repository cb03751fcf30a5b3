/**
 * W7: player start on the demo's live HLS origin — ours (the element, hls.js loaded lazily as in
 * production) vs bare hls.js light with the same config, interleaved, a fresh page each.
 * Time to first frame, live latency (seekable end − currentTime) and stalls after the first frame.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { LIVE_SYNC_SEGMENTS } from '../../../src/player/stream-config.ts';
import type { PlayerResult } from '../pages/bench-api.ts';
import { BenchSession } from '../session.ts';
import { median } from '../stats.ts';

const manifest = JSON.parse(readFileSync(new URL('../../../demo/media/manifest.json', import.meta.url), 'utf8')) as { targetDuration: number };
/** hls.js keeps `liveSyncDurationCount` target durations behind the edge (stream-config.ts). */
export const TARGET_LATENCY_S = LIVE_SYNC_SEGMENTS * manifest.targetDuration;

export interface PlayerRecord extends PlayerResult {
  readonly role: 'ours' | 'peer';
  readonly rep: number;
  readonly latencyMedian: number;
}

export async function runPlayer(browser: Browser, baseUrl: string, liveUrl: string, reps: number, watchMs: number, log: (s: string) => void, self = false): Promise<PlayerRecord[]> {
  const out: PlayerRecord[] = [];
  const sides = [
    { role: 'ours' as const, page: 'ours' },
    { role: 'peer' as const, page: self ? 'ours' : 'hls-bare' },
  ];
  for (let rep = 0; rep < reps; rep++) {
    for (const side of sides) {
      const session = await BenchSession.open(browser, baseUrl, side.page);
      try {
        const r = await session.player(liveUrl, watchMs);
        const rec = { ...r, role: side.role, rep, latencyMedian: median(r.latency) };
        out.push(rec);
        log(`  W7         ${rep} ${r.engine.padEnd(22)} ttff ${r.ttffMs.toFixed(0)}ms (nav ${r.ttffFromNavMs.toFixed(0)}ms) latency ${rec.latencyMedian.toFixed(2)}s stalls ${r.stalls} dropped ${r.video?.dropped ?? '?'}`);
      } catch (err) {
        log(`  W7 ${rep} ${side.page}: failed: ${(err as Error).message.split('\n')[0]}`);
      } finally {
        await session.close();
      }
    }
  }
  return out;
}
