/**
 * Callers waiting for the SDK's `SDK_READY` (after a login, or for a host's instance to log in).
 * Owns one timeout per waiter, cleared when it settles; `rejectAll` settles every one (dispose,
 * a kick), so no timer outlives its waiter.
 */
import { TransportError } from '../chat-transport.ts';

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class ReadyWaiters {
  private readonly waiters = new Set<Waiter>();

  constructor(
    private readonly isReady: () => boolean,
    private readonly timeoutMs: number,
  ) {}

  /** Resolves at once when ready, else at the next `resolveAll`; rejects after the timeout. */
  wait(): Promise<void> {
    if (this.isReady()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const settle = (then: () => void): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        then();
      };
      const waiter: Waiter = { resolve: () => settle(resolve), reject: (e) => settle(() => reject(e)) };
      const timer = setTimeout(
        () => waiter.reject(new TransportError('Timed out waiting for the chat SDK to become ready', undefined, 'network')),
        this.timeoutMs,
      );
      this.waiters.add(waiter);
    });
  }

  resolveAll(): void {
    for (const w of [...this.waiters]) w.resolve();
  }

  rejectAll(err: Error): void {
    for (const w of [...this.waiters]) w.reject(err);
  }
}
