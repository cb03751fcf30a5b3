/**
 * `tokenBucket`: client-side send rate limit for chat text (default 1 msg/s, burst 3).
 * Each request is admitted when a token is available, otherwise refused with the time until the
 * next token, so the input can show a cooldown instead of queueing stale text.
 */
import { defer, map, type OperatorFunction, type SchedulerLike } from 'rxjs';

export interface BucketOptions {
  readonly ratePerSecond?: number;
  readonly burst?: number;
  readonly scheduler: SchedulerLike;
}

export type Admission<T> =
  | { readonly admitted: true; readonly request: T; readonly tokensLeft: number }
  | { readonly admitted: false; readonly request: T; readonly retryInMs: number };

export function tokenBucket<T>(options: BucketOptions): OperatorFunction<T, Admission<T>> {
  const { ratePerSecond = 1, burst = 3, scheduler } = options;
  const msPerToken = 1000 / ratePerSecond;
  return (source) =>
    defer(() => {
      let tokens = burst;
      let last = scheduler.now();
      return source.pipe(
        map((request): Admission<T> => {
          const now = scheduler.now();
          tokens = Math.min(burst, tokens + (now - last) / msPerToken);
          last = now;
          if (tokens >= 1) {
            tokens -= 1;
            return { admitted: true, request, tokensLeft: Math.floor(tokens) };
          }
          // The epsilon keeps float noise (0.0029999…) from adding a millisecond.
          return { admitted: false, request, retryInMs: Math.ceil((1 - tokens) * msPerToken - 1e-6) };
        }),
      );
    });
}
