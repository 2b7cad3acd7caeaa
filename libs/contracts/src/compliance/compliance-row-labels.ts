import type { ComplianceRowFacts } from './compliance-rows';

/** How a program or a project is known to people: its short code and its name. */
export interface EntityLabel {
  code: string;
  name: string;
}

/** What a reader of a compliance row needs besides ids: the program's and the project's code and name. */
export interface ComplianceRowLabels {
  programCode: string;
  programName: string;
  projectCode: string;
  projectName: string;
}

/** A compliance row as the services answer it and the CSV exports it. */
export type LabelledComplianceRow = ComplianceRowFacts & ComplianceRowLabels;

/**
 * Adds each row's labels from the service's own program and project tables. The compliance function
 * knows only ids; a program or project missing from the maps (which the rows' own facts make unlikely)
 * is labelled by its id rather than dropped.
 */
export function labelComplianceRows(
  rows: readonly ComplianceRowFacts[],
  programs: ReadonlyMap<string, EntityLabel>,
  projects: ReadonlyMap<string, EntityLabel>,
): LabelledComplianceRow[] {
  return rows.map((row) => {
    const program = programs.get(row.programId) ?? { code: row.programId, name: row.programId };
    const project = projects.get(row.projectId) ?? { code: row.projectId, name: row.projectId };
    return { ...row, programCode: program.code, programName: program.name, projectCode: project.code, projectName: project.name };
  });
}
