/** The workload table: key → how to run it (page workloads interleave ours and the peer). */
import type { Browser } from 'playwright-core';
import type { Profile } from '../profiles.ts';
import { interleaved, type RunRecord, type Side } from './page-runs.ts';
import { W1, W1dom, W2, W3, W4, W5, X1, type PageWorkload } from './plans.ts';

export interface Env {
  readonly browser: Browser;
  readonly baseUrl: string;
  /** The pages on a second origin, their files still from `baseUrl` (server.ts). */
  readonly crossUrl: string;
  readonly liveUrl: string;
  readonly profile: Profile;
  readonly log: (s: string) => void;
  /** Ours vs ours. */
  readonly self: boolean;
}

export function pageWorkloads(p: Profile, self: boolean): PageWorkload[] {
  if (self) return [W1(p, 40), W1(p, 160), W2(p)];
  return [...p.w1Rates.map((r) => W1(p, r)), ...p.domRates.map((r) => W1dom(p, r)), W2(p), W3(p), W4(p), W5(p), X1(p, 40)];
}

export async function runPageWorkload(w: PageWorkload, env: Env): Promise<RunRecord[]> {
  const sides: Side[] = w.crossOrigin ? [{ role: 'ours', page: 'ours', baseUrl: env.crossUrl }] : [{ role: 'ours', page: 'ours' }];
  if (env.self) sides.push({ role: 'peer', page: 'ours' });
  else if (w.peer) sides.push({ role: 'peer', page: w.peer });
  env.log(`${w.key}: ${sides.map((s) => (s.baseUrl ? `${s.page} (cross-origin)` : s.page)).join(' vs ')} × ${env.profile.reps}`);
  return interleaved(w.key, sides, env.profile.reps, w.plan, {
    browser: env.browser,
    baseUrl: env.baseUrl,
    liveUrl: env.liveUrl,
    effectUrl: `${env.baseUrl}/gifts/rocket.json`,
    ...(w.warmup ? { warmup: w.warmup } : {}),
    ...(w.settleMs ? { settleMs: w.settleMs } : {}),
    log: env.log,
  });
}
