/**
 * Reconnect delays: exponential backoff with "equal jitter" (half fixed, half random), so a
 * room full of clients dropped by the same server restart does not come back in lock-step.
 * Pure: the caller passes the attempt number and its random source.
 */
export interface BackoffOptions {
  /** First delay before jitter (ms). */
  readonly initialMs: number;
  /** Cap before jitter (ms). */
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 15_000 };

/** Delay before reconnect attempt `attempt` (0-based): in [base/2, base), base = min(max, initial·2^attempt). */
export function backoffDelay(attempt: number, random: () => number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  const base = Math.min(opts.maxMs, opts.initialMs * 2 ** Math.min(Math.max(0, attempt), 30));
  const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
  return Math.round(base / 2 + (r * base) / 2);
}
