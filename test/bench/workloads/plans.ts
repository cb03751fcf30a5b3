/**
 * The page workloads W1–W5 as plans for the shared generator, per profile. Every plan of a
 * workload has one fixed seed, so each repetition and each engine replays the same stream.
 */
import type { Plan } from '../pages/workload-gen.ts';
import { TRAVEL_S, type Profile } from '../profiles.ts';

export interface PageWorkload {
  /** Key, e.g. `W1@40`. */
  readonly key: string;
  readonly plan: Plan;
  /** Peer page, or none (ours alone). */
  readonly peer: string | null;
  readonly warmup?: Plan;
  readonly settleMs?: number;
  /** Ours from another origin (the `ours` role) against ours from the page's own (the `peer` role). */
  readonly crossOrigin?: boolean;
}

export const W1 = (p: Profile, rate: number): PageWorkload => ({
  key: `W1@${rate}`,
  plan: { seed: 1000 + rate, rate, durationMs: p.w1Ms, tailMs: p.tailMs },
  peer: 'danmaku-canvas',
});

/** W1's stream at `rate`, ours from a CDN-like second origin against ours from the page's own (G11). */
export const X1 = (p: Profile, rate: number): PageWorkload => ({ ...W1(p, rate), key: `X1@${rate}`, peer: 'ours', crossOrigin: true });

export const W1dom = (p: Profile, rate: number): PageWorkload => ({ ...W1(p, rate), key: `W1dom@${rate}`, peer: 'danmaku-dom' });

/** Burst of 400 in 1 s (every 20th a High type-1 gift, every 150th the viewer's own: 3, the send
 *  token bucket's burst — more would be refused by design), then 40/s. */
export const W2 = (p: Profile): PageWorkload => ({
  key: 'W2',
  plan: {
    seed: 2000,
    rate: 40,
    durationMs: p.w2AfterMs,
    burst: { count: 400, withinMs: 1000 },
    giftEvery: 20,
    ownEvery: 150,
    tailMs: p.tailMs,
  },
  peer: 'danmaku-canvas',
});

/** Soak: many messages fast after a warm-up, then wait until everything left the stage. */
export const W3 = (p: Profile): PageWorkload => ({
  key: 'W3',
  plan: { seed: 3000, rate: p.w3Rate, durationMs: (p.w3Messages / p.w3Rate) * 1000, tailMs: 0 },
  // The warm-up fills bounded structures (dedupe window, chat list, pools) on both sides first, so
  // the soak measures growth, not the fill of a cache that stops growing.
  warmup: { seed: 3001, rate: 1000, durationMs: (p.w3Warmup / 1000) * 1000, tailMs: (TRAVEL_S + 1) * 1000 },
  settleMs: (TRAVEL_S + 1) * 1000,
  peer: 'danmaku-canvas',
});

/** One gift effect per second (at most 3 at once) during W1@40. */
export const W4 = (p: Profile): PageWorkload => ({
  key: 'W4',
  plan: {
    seed: 4000,
    rate: 40,
    durationMs: p.w45Ms,
    effects: { everyMs: 1000, url: '/gifts/rocket.json', maxConcurrent: 3 },
    tailMs: p.tailMs,
  },
  peer: 'lottie-bare',
});

/** 50 like taps per second during W1@40 (ours alone: the gate is absolute). */
export const W5 = (p: Profile): PageWorkload => ({
  key: 'W5',
  plan: { seed: 5000, rate: 40, durationMs: p.w45Ms, likesPerSecond: 50, tailMs: Math.max(p.tailMs, 1500) },
  peer: null,
});
