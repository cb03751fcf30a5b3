/**
 * Gate decisions (pure): a gate check compares per-repetition values (a ratio ours/peer from the
 * same interleaved pair, or an absolute value of ours) with a threshold. A check FAILs only when its
 * median breaches AND a majority of the repetitions (2 of 3, 3 of 5) breach; a spread above
 * 1.5× asks the runner to re-run the workload once, and a spread still above 1.5× is NOISY.
 * A check that could not be measured FAILs with its reason. Unit-tested in test/unit/bench/.
 */
import { median, spread } from './stats.ts';

export type Op = '<=' | '>=';
export type Verdict = 'PASS' | 'FAIL' | 'NOISY';

export interface CheckInput {
  readonly id: string;
  readonly label: string;
  /** Workload to re-run when noisy (key in the runner's table). */
  readonly workload: string;
  readonly op: Op;
  readonly threshold: number;
  /** One value per repetition. */
  readonly values: readonly number[];
  /** `ratio`: values are ours/peer; `abs`: values are ours alone (unit). */
  readonly kind: 'ratio' | 'abs';
  readonly unit?: string;
  /** Counts and yes/no checks: a spread means nothing there. */
  readonly noiseCheck?: boolean;
  /** Set when the check could not be measured at all: FAIL with this reason. */
  readonly unmeasured?: string | undefined;
  /** Extra text for the summary line (e.g. the peer's own value). */
  readonly note?: string;
}

export interface Decision {
  readonly verdict: 'PASS' | 'FAIL';
  readonly median: number;
  readonly spread: number;
  readonly breaches: number;
  readonly needed: number;
  /** The spread asks for a re-run (or, after one, makes the check NOISY). */
  readonly noisy: boolean;
  readonly reason?: string;
}

export const NOISE_LIMIT = 1.5;

export const breaches = (value: number, op: Op, threshold: number): boolean =>
  !Number.isFinite(value) ? true : op === '<=' ? value > threshold : value < threshold;

/** Repetitions that must breach (with the median) for a FAIL: a majority (2 of 3, 3 of 5), at least one. */
export const neededBreaches = (n: number): number => Math.floor(n / 2) + 1;

export function decide(check: CheckInput): Decision {
  const values = check.values;
  if (check.unmeasured || values.length === 0) {
    return { verdict: 'FAIL', median: NaN, spread: NaN, breaches: 0, needed: 0, noisy: false, reason: check.unmeasured ?? 'no data' };
  }
  if (values.some((v) => !Number.isFinite(v))) {
    return {
      verdict: 'FAIL',
      median: median(values),
      spread: NaN,
      breaches: values.length,
      needed: 0,
      noisy: false,
      reason: 'a repetition produced no value',
    };
  }
  const m = median(values);
  const count = values.filter((v) => breaches(v, check.op, check.threshold)).length;
  const needed = neededBreaches(values.length);
  const s = spread(values);
  const fail = breaches(m, check.op, check.threshold) && count >= needed;
  return {
    verdict: fail ? 'FAIL' : 'PASS',
    median: m,
    spread: s,
    breaches: count,
    needed,
    noisy: check.noiseCheck !== false && s > NOISE_LIMIT,
  };
}

/** The final verdict after the runner's single re-run (if any). */
export function finalVerdict(d: Decision, rerunDone: boolean): Verdict {
  if (d.noisy && rerunDone) return 'NOISY';
  return d.verdict;
}

const fmt = (x: number): string =>
  !Number.isFinite(x) ? String(x) : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);

/** One summary line: `PASS G1 main-thread … ratio 0.31 (≤ 0.5; spread 1.12; 0/3 breach)`. */
export function summaryLine(check: CheckInput, d: Decision, verdict: Verdict): string {
  const what = check.kind === 'ratio' ? 'ratio' : 'value';
  const unit = check.unit ? ` ${check.unit}` : '';
  if (d.reason) return `${verdict.padEnd(5)} ${check.id.padEnd(9)} ${check.label}: ${d.reason}${check.note ? ` (${check.note})` : ''}`;
  return (
    `${verdict.padEnd(5)} ${check.id.padEnd(9)} ${check.label}: ${what} ${fmt(d.median)}${unit} ` +
    `(${check.op === '<=' ? '≤' : '≥'} ${check.threshold}${unit}; spread ${fmt(d.spread)}; ${d.breaches}/${check.values.length} breach)` +
    (check.note ? ` — ${check.note}` : '')
  );
}
