/**
 * A census of the page's live timers, for teardown tests: wraps `window.setTimeout` /
 * `setInterval` and their clears, and remembers each pending handle with the stack that made it
 * (a timeout until it fires or is cleared, an interval until it is cleared). Only timers made
 * by the code under test count: those whose direct caller is the test runner (its RPC timeouts)
 * or the test's own helpers are left out.
 * Worker timers are not seen here; the barrage counts its worker separately.
 */
type Timer = { readonly kind: 'timeout' | 'interval'; readonly stack: string };

/** Callers that are the test runner or the test's own helpers (`until`), not the code under test. */
const RUNNER = /birpc|@vitest|\/vitest\/|element-helpers\.ts|\.test\.ts/;

/** The frame that called setTimeout/setInterval (line 0 is "Error", line 1 this file's wrapper). */
const caller = (stack: string): string => stack.split('\n')[2] ?? '';

export interface TimerCensus {
  /** Pending timers made by the code under test. */
  live(): { timeouts: number; intervals: number };
  /** Their creation stacks, for a failure message. */
  stacks(): string[];
  uninstall(): void;
}

export function installTimerCensus(): TimerCensus {
  const w = window as unknown as Record<'setTimeout' | 'setInterval' | 'clearTimeout' | 'clearInterval', (...args: unknown[]) => number>;
  const orig = { setTimeout: w.setTimeout, setInterval: w.setInterval, clearTimeout: w.clearTimeout, clearInterval: w.clearInterval };
  const pending = new Map<number, Timer>();
  const stackLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;

  w.setTimeout = (fn: unknown, ...rest: unknown[]) => {
    const wrapped =
      typeof fn === 'function'
        ? (...a: unknown[]) => {
            pending.delete(id);
            (fn as (...x: unknown[]) => void)(...a);
          }
        : fn;
    const id: number = orig.setTimeout.call(window, wrapped, ...rest);
    pending.set(id, { kind: 'timeout', stack: new Error().stack ?? '' });
    return id;
  };
  w.setInterval = (...args: unknown[]) => {
    const id = orig.setInterval.call(window, ...args);
    pending.set(id, { kind: 'interval', stack: new Error().stack ?? '' });
    return id;
  };
  // Browsers share one id pool: either clear ends either kind.
  w.clearTimeout = (id: unknown) => {
    pending.delete(id as number);
    return orig.clearTimeout.call(window, id);
  };
  w.clearInterval = (id: unknown) => {
    pending.delete(id as number);
    return orig.clearInterval.call(window, id);
  };

  const ours = () => [...pending.values()].filter((t) => !RUNNER.test(caller(t.stack)));
  return {
    live: () => {
      const list = ours();
      return { timeouts: list.filter((t) => t.kind === 'timeout').length, intervals: list.filter((t) => t.kind === 'interval').length };
    },
    stacks: () => ours().map((t) => `${t.kind}: ${t.stack}`),
    uninstall: () => {
      Object.assign(w, orig);
      Error.stackTraceLimit = stackLimit;
    },
  };
}
