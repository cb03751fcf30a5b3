/**
 * Gate evaluation with the single re-run: decide every check; the workloads behind noisy checks
 * are re-run once by the caller and the checks decided again; still noisy → NOISY.
 */
import { buildChecks, type Measured } from './gate-checks.ts';
import { decide, finalVerdict, summaryLine, type CheckInput, type Decision, type Verdict } from './gates.ts';

export interface GateRow {
  readonly id: string;
  readonly verdict: Verdict;
  readonly line: string;
  readonly check: CheckInput;
  readonly decision: Decision;
}

/** Workloads whose checks are noisy (to re-run once). */
export function noisyWorkloads(m: Measured): string[] {
  return [
    ...new Set(
      buildChecks(m)
        .filter((c) => decide(c).noisy)
        .map((c) => c.workload),
    ),
  ];
}

export function gateRows(m: Measured, rerun: ReadonlySet<string>): GateRow[] {
  return buildChecks(m).map((check) => {
    const decision = decide(check);
    const verdict = finalVerdict(decision, rerun.has(check.workload));
    return { id: check.id, verdict, check, decision, line: summaryLine(check, decision, verdict) };
  });
}
