/**
 * `isolateBranch`: one pipeline branch (chat, barrage, gifts, likes, metrics, room state) never
 * takes the others down. An error in the branch — a defect, since bad input is already a counted
 * drop — is handed to `onDefect` (once per error) and the branch resubscribes on the next tick of
 * the scheduler, so a defect that fires on subscription cannot spin. Pure: no timers but the
 * scheduler's, no subscribe.
 */
import { catchError, type MonoTypeOperatorFunction, type Observable, type SchedulerLike, switchMap, timer } from 'rxjs';

export type PipelineBranch = 'room' | 'chat' | 'barrage' | 'gifts' | 'likes' | 'metrics' | 'outbound';

export function isolateBranch<T>(
  branch: PipelineBranch,
  onDefect: (branch: PipelineBranch, error: unknown) => void,
  scheduler: SchedulerLike,
): MonoTypeOperatorFunction<T> {
  return (source) => {
    const guarded: Observable<T> = source.pipe(
      catchError((error: unknown): Observable<T> => {
        try {
          onDefect(branch, error);
        } catch {
          // A reporter that throws must not turn one defect into a dead branch.
        }
        return timer(0, scheduler).pipe(switchMap(() => guarded));
      }),
    );
    return guarded;
  };
}
