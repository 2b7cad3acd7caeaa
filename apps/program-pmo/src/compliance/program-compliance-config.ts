import { assembleHistories, loadProjectFacts, type ComplianceModelConfig, type ProjectFactTables } from '@pmo/compliance-model';
import type { ProjectComplianceHistory } from '@pmo/contracts';
import { PublishedVersionEntity, versionFactsOf, WaveOpeningViewEntity } from '@pmo/standards-view';
import { ArrayOverlap, In, type EntityManager } from 'typeorm';
import { AdoptionDecisionEntity } from '../adoptions/adoption-decision.entity';
import { ProgramStatusReportEntity } from '../adoptions/program-status-report.entity';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { VarianceRequestEntity } from '../variances/variance-request.entity';
import { loadVarianceFacts } from '../variances/variance-facts';

/** The entities the model's facts are read from (for a data source of its own, as the check command opens). */
export const programComplianceEntities = [
  ProgramProjectEntity,
  ProgramEntity,
  AdoptionDecisionEntity,
  ProgramStatusReportEntity,
  PublishedVersionEntity,
  WaveOpeningViewEntity,
  VarianceRequestEntity,
];

/** The programs' compliance read model: its tables, and the facts from program-pmo's own tables. */
export const programComplianceConfig: ComplianceModelConfig = {
  prefix: 'program',
  programs: { table: 'programs', id: 'id', code: 'code', name: 'name', tags: 'tags' },
  projects: { table: 'program_projects', id: 'project_id', programId: 'program_id', code: 'code', name: 'name' },
  histories: programHistories,
};

const factTables: ProjectFactTables = {
  projects: 'program_projects',
  programs: { table: 'programs', id: 'id' },
  reports: 'program_status_reports',
  decisions: 'adoption_decisions',
};

async function programHistories(
  manager: EntityManager,
  projectIds: readonly string[],
  standardIds: readonly string[] | null,
): Promise<ProjectComplianceHistory[]> {
  // One after the other: a transaction's manager has one connection, which runs one query at a time.
  const versions = await versionFactsOf(manager, standardIds);
  // Decisions and variances of the loaded versions only: those of other standards are not read.
  const versionIds = standardIds && versions.map((v) => v.versionId);
  const { programs, projects, decisions, reports } = await loadProjectFacts(manager, factTables, projectIds, versionIds);
  if (projects.length === 0) return [];
  const variances = await loadVarianceFacts(manager, { projectIds: ArrayOverlap([...projectIds]), ...(standardIds && { standardId: In([...standardIds]) }) });
  return assembleHistories({ programs, projects, versions, decisions, reports, variances });
}
