import { historiesFrom, type ComplianceModelConfig } from '@pmo/compliance-model';
import { PublishedVersionEntity, versionFactsOf, WaveOpeningViewEntity } from '@pmo/standards-view';
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
  histories: historiesFrom({
    tables: {
      projects: 'program_projects',
      programs: { table: 'programs', id: 'id' },
      reports: 'program_status_reports',
      decisions: 'adoption_decisions',
    },
    versions: versionFactsOf,
    variances: loadVarianceFacts,
  }),
};
