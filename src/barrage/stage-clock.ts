/**
 * The barrage's pause-aware clock ("stage time", ms), pure.
 *
 * Owns: the mapping from an absolute time to stage time. Absolute time is
 * `performance.timeOrigin + performance.now()`, which the page and a worker agree on (their own
 * `performance.now()` start at different origins), so the controller and the painter compute the
 * same stage time from the same small `ClockState` message. Paused, stage time stands still.
 */

export interface ClockState {
  readonly running: boolean;
  /** While running: stage time = absolute time − offset. */
  readonly offset: number;
  /** While paused: the stage time it stopped at. */
  readonly frozenAt: number;
}

export function stageTime(state: ClockState, absNow: number): number {
  return state.running ? absNow - state.offset : state.frozenAt;
}

/** Stage time starts at 0 when the clock is made. */
export function startClock(absNow: number): ClockState {
  return { running: true, offset: absNow, frozenAt: 0 };
}

export function pauseClock(state: ClockState, absNow: number): ClockState {
  if (!state.running) return state;
  return { running: false, offset: state.offset, frozenAt: stageTime(state, absNow) };
}

export function resumeClock(state: ClockState, absNow: number): ClockState {
  if (state.running) return state;
  return { running: true, offset: absNow - state.frozenAt, frozenAt: state.frozenAt };
}

/** Absolute high-resolution time, comparable between the page and its workers. */
export function absoluteNow(): number {
  return performance.timeOrigin + performance.now();
}
