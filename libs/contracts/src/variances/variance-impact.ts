import { rollUp } from '../compliance/compliance-rollup';
import type { ComplianceRowFacts, VarianceFacts } from '../compliance/compliance-rows';
import type { ComplianceState } from '../compliance/compliance-state';

/** One project × version whose compliance state the decision would change. */
export interface ImpactChange {
  programId: string;
  projectId: string;
  standardKey: string;
  versionId: string;
  version: string;
  before: ComplianceState;
  after: ComplianceState;
}

/** Percent compliant (and counts) before and after, as `rollUp` computes them. */
export interface ImpactFigures {
  total: number;
  compliantBefore: number;
  compliantAfter: number;
  percentBefore: number;
  percentAfter: number;
}

export interface ComplianceImpact {
  changes: ImpactChange[];
  program: ImpactFigures;
  portfolio: ImpactFigures;
}

/**
 * The variances as they would stand if `varianceId` were approved at `at`: the compliance function, run
 * on these, gives the state after an approval, so the prediction and the observation share one rule.
 */
export function assumingApproved(variances: readonly VarianceFacts[], varianceId: string, at: Date): VarianceFacts[] {
  return variances.map((v) => (v.varianceId === varianceId ? { ...v, decided: { state: 'approved', at }, endedAt: null, conditions: [] } : v));
}

/** Compares the compliance rows of the whole portfolio before and after; `programId` picks the program's figures. */
export function complianceImpact(before: readonly ComplianceRowFacts[], after: readonly ComplianceRowFacts[], programId: string): ComplianceImpact {
  const keyOf = (r: ComplianceRowFacts) => `${r.projectId}/${r.versionId}`;
  const afterByKey = new Map(after.map((r) => [keyOf(r), r]));
  const changes = before.flatMap((r) => {
    const next = afterByKey.get(keyOf(r));
    return next && next.state !== r.state
      ? [
          {
            programId: r.programId,
            projectId: r.projectId,
            standardKey: r.standardKey,
            versionId: r.versionId,
            version: r.version,
            before: r.state,
            after: next.state,
          },
        ]
      : [];
  });
  const inProgram = (rows: readonly ComplianceRowFacts[]) => rows.filter((r) => r.programId === programId);
  return { changes, program: figures(inProgram(before), inProgram(after)), portfolio: figures(before, after) };
}

function figures(before: readonly ComplianceRowFacts[], after: readonly ComplianceRowFacts[]): ImpactFigures {
  const [b, a] = [rollUp(before), rollUp(after)];
  return { total: a.total, compliantBefore: b.compliant, compliantAfter: a.compliant, percentBefore: b.percentCompliant, percentAfter: a.percentCompliant };
}
