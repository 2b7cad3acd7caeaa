import { historiesFrom, type ComplianceModelConfig } from '@pmo/compliance-model';
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
  histories: historiesFrom({
    tables: {
      projects: 'portfolio_projects',
      programs: { table: 'portfolio_programs', id: 'program_id' },
      reports: 'portfolio_status_reports',
      decisions: 'portfolio_adoption_decisions',
    },
    versions: loadVersionFacts,
    variances: loadVarianceFacts,
  }),
};
