/** Gate decisions (test/bench/gates.ts): median AND two thirds of repetitions must breach; noise; unmeasured. */
import { describe, expect, it } from 'vitest';
import { decide, finalVerdict, neededBreaches, summaryLine, type CheckInput } from '../../bench/gates.ts';
import { fpsAtResolution, pairRatios } from '../../bench/gate-checks.ts';

const check = (values: number[], over: Partial<CheckInput> = {}): CheckInput => ({
  id: 'G1',
  label: 'x',
  workload: 'W1@40',
  kind: 'ratio',
  op: '<=',
  threshold: 0.5,
  values,
  ...over,
});

describe('gate decisions', () => {
  it('needs a majority of the repetitions to breach', () => {
    expect(neededBreaches(3)).toBe(2);
    expect(neededBreaches(5)).toBe(3);
    expect(neededBreaches(1)).toBe(1);
  });

  it('fails only when the median and at least 2 of 3 repetitions breach', () => {
    expect(decide(check([0.6, 0.7, 0.4])).verdict).toBe('FAIL');
    expect(decide(check([0.6, 0.4, 0.45])).verdict).toBe('PASS'); // one breach
    expect(decide(check([0.3, 0.4, 0.5])).verdict).toBe('PASS'); // on the threshold is within
    expect(decide(check([1.1, 0.9, 1.3], { op: '>=', threshold: 1 })).verdict).toBe('PASS');
    expect(decide(check([0.9, 0.95, 1.3], { op: '>=', threshold: 1 })).verdict).toBe('FAIL');
  });

  it('with 5 repetitions, 3 breaches (and the median) fail, 2 do not', () => {
    expect(decide(check([0.6, 0.6, 0.4, 0.4, 0.4])).verdict).toBe('PASS');
    expect(decide(check([0.6, 0.6, 0.6, 0.4, 0.4])).verdict).toBe('FAIL');
  });

  it('flags a spread above 1.5× as noisy: re-run once, then NOISY', () => {
    const d = decide(check([0.2, 0.25, 0.4]));
    expect(d.noisy).toBe(true);
    expect(finalVerdict(d, false)).toBe('PASS');
    expect(finalVerdict(d, true)).toBe('NOISY');
    expect(decide(check([0.3, 0.32, 0.35])).noisy).toBe(false);
    expect(decide(check([0, 0, 1], { noiseCheck: false, kind: 'abs', threshold: 0 })).noisy).toBe(false);
  });

  it('an unmeasured or empty check FAILs with its reason', () => {
    const d = decide(check([], { unmeasured: 'no loader entry' }));
    expect(d.verdict).toBe('FAIL');
    expect(d.reason).toBe('no loader entry');
    expect(decide(check([])).verdict).toBe('FAIL');
    expect(decide(check([0.1, NaN, 0.2])).verdict).toBe('FAIL');
    expect(summaryLine(check([], { unmeasured: 'no loader entry' }), d, 'FAIL')).toMatch(/^FAIL +G1 +x: no loader entry/);
  });

  it('summary lines carry verdict, id, median ratio and threshold', () => {
    const c = check([0.3, 0.31, 0.32]);
    expect(summaryLine(c, decide(c), 'PASS')).toMatch(/^PASS +G1 .*ratio 0\.31 \(≤ 0\.5; spread 1\.07; 0\/3 breach\)/);
  });

  it('pairs ours and the peer by repetition', () => {
    const rs = [
      { rep: 0, role: 'ours', v: 1 },
      { rep: 0, role: 'peer', v: 4 },
      { rep: 1, role: 'ours', v: 3 },
      { rep: 2, role: 'peer', v: 9 },
    ];
    expect(pairRatios(rs, (r) => r.v)).toEqual([0.25]);
  });
});

describe('fps at the measured resolution', () => {
  it('rounds to tenths: sub-frame timing differences compare equal, a dropped frame per 10 s does not', () => {
    expect(fpsAtResolution(59.9976)).toBe(60);
    expect(fpsAtResolution(60.0001)).toBe(60);
    expect(fpsAtResolution(59.9) / fpsAtResolution(60)).toBeLessThan(1);
    expect(fpsAtResolution(48.44)).toBe(48.4);
    expect(fpsAtResolution(Number.NaN)).toBeNaN();
  });
});
