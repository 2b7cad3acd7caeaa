import type { DecisionFacts, ProgramInScope, ProjectComplianceHistory, ProjectFacts, ReportFacts, VarianceFacts, VersionFacts } from '@pmo/contracts';

/** A service's facts for some projects, as loaded in a few queries. */
export interface LoadedFacts {
  programs: readonly ProgramInScope[];
  projects: readonly ProjectFacts[];
  versions: readonly VersionFacts[];
  decisions: readonly DecisionFacts[];
  reports: readonly ReportFacts[];
  variances: readonly VarianceFacts[];
}

/** Each project's history; a project whose program is not known yet (it may arrive later) has none. */
export function assembleHistories(facts: LoadedFacts): ProjectComplianceHistory[] {
  const programOf = new Map(facts.programs.map((p) => [p.programId, p]));
  const decisionsOf = groupBy(facts.decisions, (d) => [d.projectId]);
  const reportsOf = groupBy(facts.reports, (r) => [r.projectId]);
  const variancesOf = groupBy(facts.variances, (v) => v.projectIds);
  return facts.projects.flatMap((project) => {
    const program = programOf.get(project.programId);
    if (!program) return [];
    const { projectId } = project;
    return [
      {
        program,
        project,
        versions: facts.versions,
        decisions: decisionsOf.get(projectId) ?? [],
        reports: reportsOf.get(projectId) ?? [],
        variances: variancesOf.get(projectId) ?? [],
      },
    ];
  });
}

function groupBy<T>(items: readonly T[], keysOf: (item: T) => readonly string[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const group = groups.get(key);
      if (group) group.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}
