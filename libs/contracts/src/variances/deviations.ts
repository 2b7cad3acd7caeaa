import type { Static } from '@sinclair/typebox';
import { checkChoiceWithinLeeway, describeLeeway } from '../compliance/leeway';
import type { Requirement } from '../standards/standard-model';
import type { deviationSchema } from './variance-schemas';

/** The value a variance asks for one requirement, outside its leeway. */
export type Deviation = Static<typeof deviationSchema>;

/**
 * What is wrong with the deviations a request asks, one message each (empty when none): every deviation names a
 * requirement the request lists, once, and a value a variance is needed for: a number outside a range, an option
 * outside an option set. A value inside the leeway needs no variance, so the program should tailor instead.
 */
export function deviationProblems(requirements: readonly Requirement[], requirementIds: readonly string[], deviations: readonly Deviation[]): string[] {
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const { requirementId, value } of deviations) {
    if (seen.has(requirementId)) problems.push(`deviations name ${requirementId} twice`);
    seen.add(requirementId);
    const requirement = byId.get(requirementId);
    if (!requirementIds.includes(requirementId) || requirement === undefined) {
      problems.push(`deviation for ${requirementId}: it is not one of the request's requirementIds`);
      continue;
    }
    const { leeway } = requirement;
    if (leeway === undefined) continue; // no room at all: any value is a deviation
    if (leeway.kind === 'range' && (typeof value !== 'number' || !Number.isFinite(value))) {
      problems.push(`deviation for ${requirementId}: ${JSON.stringify(value)} is not a number of ${leeway.unit}`);
    } else if (leeway.kind === 'options' && typeof value !== 'string') {
      problems.push(`deviation for ${requirementId}: ${value} is not an option (${describeLeeway(leeway)} or another option)`);
    } else if (checkChoiceWithinLeeway(requirement, value).ok) {
      problems.push(
        `deviation for ${requirementId}: ${JSON.stringify(value)} is inside its leeway (${describeLeeway(leeway)}); tailor instead of asking a variance`,
      );
    }
  }
  return problems;
}
