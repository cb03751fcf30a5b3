/**
 * Run profiles: `full` (npm run bench) and `quick` (npm run bench -- --quick, about 3 minutes).
 * `quick` is a smoke: shorter runs, and it leaves out the two workloads that cannot be measured
 * briefly — W1@160 (its gate is about a full stage, which takes the 8 s travel to fill) and W3
 * (a soak). Their gates are reported as not run; only the full profile judges every gate.
 */
export interface Profile {
  readonly name: 'full' | 'quick';
  readonly reps: number;
  /** W1 rates (msg/s) and the steady duration. */
  readonly w1Rates: readonly number[];
  readonly w1Ms: number;
  /** Also run the danmaku DOM engine at these W1 rates (reported, no gate). */
  readonly domRates: readonly number[];
  readonly tailMs: number;
  /** W2: burst of 400 in 1 s, then 40/s for this long. */
  readonly w2AfterMs: number;
  /** W3: messages, rate, warm-up messages (fed at 1,000/s). */
  readonly w3Messages: number;
  readonly w3Rate: number;
  readonly w3Warmup: number;
  /** W4/W5 length (during W1@40). */
  readonly w45Ms: number;
  /** W6 pipeline messages per run. */
  readonly pipelineMessages: number;
  /** W7 watch time after the first frame, and repetitions. */
  readonly w7WatchMs: number;
  readonly w7Reps: number;
  /** Page loads per side in each W7 repetition (time to first frame is their median). */
  readonly w7Loads: number;
  /** Workload keys to leave out (their gates are listed as not run). */
  readonly skip: readonly string[];
}

export const PROFILES: Record<'full' | 'quick', Profile> = {
  full: {
    name: 'full',
    reps: 5,
    w1Rates: [20, 40, 80, 160],
    w1Ms: 10_000,
    domRates: [40, 160],
    tailMs: 2_000,
    w2AfterMs: 9_000,
    w3Messages: 24_000,
    w3Rate: 800,
    w3Warmup: 3_000,
    w45Ms: 10_000,
    pipelineMessages: 1_000_000,
    w7WatchMs: 60_000,
    w7Reps: 5,
    w7Loads: 3,
    skip: [],
  },
  quick: {
    name: 'quick',
    reps: 3,
    w1Rates: [40, 160],
    w1Ms: 3_000,
    domRates: [],
    tailMs: 500,
    w2AfterMs: 2_000,
    w3Messages: 4_000,
    w3Rate: 800,
    w3Warmup: 3_000,
    w45Ms: 3_000,
    pipelineMessages: 300_000,
    w7WatchMs: 4_000,
    w7Reps: 3,
    w7Loads: 3,
    skip: ['W1@160', 'W3'],
  },
};

/** Travel time of both engines (s): items leave the stage this long after they enter. */
export const TRAVEL_S = 8;
