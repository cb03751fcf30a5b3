/**
 * Run profiles: `full` (npm run bench) and `quick` (npm run bench -- --quick, a few minutes).
 * Only durations, counts and repetitions differ; the workloads and gates are the same.
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
    w7Reps: 3,
  },
  quick: {
    name: 'quick',
    reps: 3,
    w1Rates: [40, 160],
    w1Ms: 4_000,
    domRates: [],
    tailMs: 1_000,
    w2AfterMs: 2_000,
    w3Messages: 4_000,
    w3Rate: 800,
    w3Warmup: 3_000,
    w45Ms: 4_000,
    pipelineMessages: 300_000,
    w7WatchMs: 8_000,
    w7Reps: 3,
  },
};

/** Travel time of both engines (s): items leave the stage this long after they enter. */
export const TRAVEL_S = 8;
