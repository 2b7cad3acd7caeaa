import type { DecisionFacts, ProgramInScope, ProjectFacts, ReportFacts, VarianceFacts, VersionFacts } from '@pmo/contracts';
import { ArrayOverlap, In, type EntityManager, type FindOperator } from 'typeorm';
import { assembleHistories } from './assemble-histories';
import type { ComplianceModelConfig } from './compliance-model-config';

/** Where a service keeps the per-project facts of the compliance rules (same columns in every service). */
interface ProjectFactTables {
  /** `project_id`, `program_id`, `registered_at`, `closed_at`. */
  projects: string;
  /** The programs' table and its id column; `tags`. */
  programs: { table: string; id: string };
  /** `project_id`, `submitted_at`. */
  reports: string;
  /** `project_id`, `version_id`, `decision`, `choices`, `reopened`, `decided_at`. */
  decisions: string;
}

/** Some projects' own facts, their programs' and reports, and their decisions (on these versions only, when given). */
interface ProjectFactsLoaded {
  programs: ProgramInScope[];
  projects: ProjectFacts[];
  decisions: DecisionFacts[];
  reports: ReportFacts[];
}

/**
 * Reads them as plain `pg` rows, in three statements with the ids as one array parameter each. The history load of
 * a catch-up's chunk (500 projects) went through TypeORM's `findBy`: an `IN` list of 500 parameters per query,
 * every column of every entity hydrated, and one query more for the programs.
 */
async function loadProjectFacts(
  manager: EntityManager,
  tables: ProjectFactTables,
  projectIds: readonly string[],
  versionIds: readonly string[] | null,
): Promise<ProjectFactsLoaded> {
  // One after the other: a transaction's manager has one connection, which runs one query at a time.
  const rows = (await manager.query(
    `SELECT j.project_id, j.program_id, j.registered_at, j.closed_at, p.${tables.programs.id} IS NOT NULL AS program_known, p.tags
     FROM ${tables.projects} j LEFT JOIN ${tables.programs.table} p ON p.${tables.programs.id} = j.program_id
     WHERE j.project_id = ANY($1::uuid[])`,
    [projectIds],
  )) as { project_id: string; program_id: string; registered_at: Date; closed_at: Date | null; program_known: boolean; tags: string[] }[];
  if (rows.length === 0) return { programs: [], projects: [], decisions: [], reports: [] };
  const programs = new Map<string, ProgramInScope>();
  // A project whose program is not known yet has none here (`assembleHistories` then gives it no history).
  for (const r of rows) if (r.program_known) programs.set(r.program_id, { programId: r.program_id, tags: r.tags });
  const reports = (await manager.query(
    `SELECT project_id AS "projectId", submitted_at AS "submittedAt" FROM ${tables.reports} WHERE project_id = ANY($1::uuid[])`,
    [projectIds],
  )) as ReportFacts[];
  const decisions =
    versionIds?.length === 0
      ? []
      : ((await manager.query(
          `SELECT project_id AS "projectId", version_id AS "versionId", decision, choices, reopened, decided_at AS "decidedAt"
           FROM ${tables.decisions} WHERE project_id = ANY($1::uuid[]) AND ($2::uuid[] IS NULL OR version_id = ANY($2::uuid[]))`,
          [projectIds, versionIds],
        )) as DecisionFacts[]);
  return {
    programs: [...programs.values()],
    projects: rows.map((r) => ({ projectId: r.project_id, programId: r.program_id, registeredAt: r.registered_at, closedAt: r.closed_at })),
    decisions,
    reports,
  };
}

/** Where a service reads its facts from: its tables, and its own readers of versions and variances. */
export interface HistorySources {
  tables: ProjectFactTables;
  /** The published versions (of these standards only, when given) with their waves. */
  versions(manager: EntityManager, standardIds: readonly string[] | null): Promise<VersionFacts[]>;
  /** The variances naming any of the projects (on these standards only, when given). */
  variances(manager: EntityManager, where: { projectIds: FindOperator<string>; standardId?: FindOperator<string> }): Promise<VarianceFacts[]>;
}

/** The model's `histories` for a service (see `ComplianceModelConfig`): the same reading in every service. */
export function historiesFrom(sources: HistorySources): ComplianceModelConfig['histories'] {
  return async (manager, projectIds, standardIds) => {
    // One after the other: a transaction's manager has one connection, which runs one query at a time.
    const versions = await sources.versions(manager, standardIds);
    // Decisions and variances of the loaded versions only: those of other standards are not read.
    const versionIds = standardIds && versions.map((v) => v.versionId);
    const { programs, projects, decisions, reports } = await loadProjectFacts(manager, sources.tables, projectIds, versionIds);
    if (projects.length === 0) return [];
    const variances = await sources.variances(manager, {
      projectIds: ArrayOverlap([...projectIds]),
      ...(standardIds && { standardId: In([...standardIds]) }),
    });
    return assembleHistories({ programs, projects, versions, decisions, reports, variances });
  };
}
