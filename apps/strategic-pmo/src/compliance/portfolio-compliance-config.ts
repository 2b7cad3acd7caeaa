import { assembleHistories, loadProjectFacts, type ComplianceModelConfig, type ProjectFactTables } from '@pmo/compliance-model';
import type { ProjectComplianceHistory } from '@pmo/contracts';
import { ArrayOverlap, In, type EntityManager } from 'typeorm';
import { PortfolioAdoptionDecisionEntity } from '../portfolio/portfolio-adoption-decision.entity';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { PortfolioProjectEntity } from '../portfolio/portfolio-project.entity';
import { PortfolioStatusReportEntity } from '../portfolio/portfolio-status-report.entity';
import { loadVersionFacts } from '../portfolio/version-facts';
import { WaveOpeningEntity } from '../rollouts/wave-opening.entity';
import { StandardVersionEntity } from '../standards/standard-version.entity';
import { StandardEntity } from '../standards/standard.entity';
import { VarianceCaseEntity } from '../variances/variance-case.entity';
import { loadVarianceFacts } from '../variances/variance-facts';

/** The entities the model's facts are read from (for a data source of its own, as the check command opens). */
export const portfolioComplianceEntities = [
  PortfolioProjectEntity,
  PortfolioProgramEntity,
  PortfolioAdoptionDecisionEntity,
  PortfolioStatusReportEntity,
  StandardVersionEntity,
  StandardEntity,
  WaveOpeningEntity,
  VarianceCaseEntity,
];

/** The portfolio's compliance read model: its tables, and the facts from the strategic PMO's own tables. */
export const portfolioComplianceConfig: ComplianceModelConfig = {
  prefix: 'portfolio',
  programs: { table: 'portfolio_programs', id: 'program_id', code: 'code', name: 'name', tags: 'tags' },
  projects: { table: 'portfolio_projects', id: 'project_id', programId: 'program_id', code: 'code', name: 'name' },
  histories: portfolioHistories,
};

const factTables: ProjectFactTables = {
  projects: 'portfolio_projects',
  programs: { table: 'portfolio_programs', id: 'program_id' },
  reports: 'portfolio_status_reports',
  decisions: 'portfolio_adoption_decisions',
};

async function portfolioHistories(
  manager: EntityManager,
  projectIds: readonly string[],
  standardIds: readonly string[] | null,
): Promise<ProjectComplianceHistory[]> {
  // One after the other: a transaction's manager has one connection, which runs one query at a time.
  const versions = await loadVersionFacts(manager, standardIds);
  // Decisions and variances of the loaded versions only: those of other standards are not read.
  const versionIds = standardIds && versions.map((v) => v.versionId);
  const { programs, projects, decisions, reports } = await loadProjectFacts(manager, factTables, projectIds, versionIds);
  if (projects.length === 0) return [];
  const variances = await loadVarianceFacts(manager, { projectIds: ArrayOverlap([...projectIds]), ...(standardIds && { standardId: In([...standardIds]) }) });
  return assembleHistories({ programs, projects, versions, decisions, reports, variances });
}
