import { expect, test } from 'vitest';
import { pauseClock, resumeClock, stageTime, startClock } from '../../../src/barrage/stage-clock.ts';

test('stage time starts at 0, stands still while paused and resumes without a jump', () => {
  let c = startClock(10_000);
  expect(stageTime(c, 10_000)).toBe(0);
  expect(stageTime(c, 12_500)).toBe(2500);
  c = pauseClock(c, 12_500);
  expect(stageTime(c, 60_000)).toBe(2500);
  c = resumeClock(c, 60_000);
  expect(stageTime(c, 60_000)).toBe(2500);
  expect(stageTime(c, 61_000)).toBe(3500);
});

test('pausing twice or resuming a running clock changes nothing', () => {
  const c = startClock(0);
  const p = pauseClock(c, 100);
  expect(pauseClock(p, 900)).toBe(p);
  expect(resumeClock(c, 900)).toBe(c);
});
