import { addStandardToMarks, dropStandardFromMarks, replaceFactTriggerBodies, versionTriggerBody, type FactTrigger } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PORTFOLIO_FACT_TRIGGERS } from './1764000003000-CreatePortfolioComplianceModel';

const mark = 'portfolio_compliance_mark';
const standardOf = 'portfolio_compliance_standard_of';

// The facts of one standard (its versions and wave openings; decisions and variances on its versions) mark only
// that standard's rows: a publication to the whole portfolio recomputes one standard per project, not all of them.
export const PORTFOLIO_STANDARD_FACT_TRIGGERS: Omit<FactTrigger, 'when'>[] = [
  {
    table: 'portfolio_adoption_decisions',
    body: `PERFORM ${mark}(r.project_id, NULL, r.decided_at, ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]))
        FROM (SELECT OLD.project_id, OLD.decided_at UNION ALL SELECT NEW.project_id, NEW.decided_at) r WHERE r.project_id IS NOT NULL;`,
  },
  { table: 'standard_versions', body: versionTriggerBody(mark, ['retire_reason'], 'standard_id') },
  {
    table: 'wave_openings',
    body: `PERFORM ${mark}(NULL, NULL, least(OLD.opened_at, NEW.opened_at), ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]));`,
  },
  {
    table: 'variance_cases',
    body: `PERFORM ${mark}(p, NULL, least(OLD.submitted_at, NEW.submitted_at), ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]))
        FROM (SELECT unnest(OLD.project_ids) UNION SELECT unnest(NEW.project_ids)) r(p);`,
  },
];

/** Marks of the portfolio's compliance model name the standard whose facts caused them (docs/architecture.md, read models). */
export class MarkPortfolioComplianceByStandard1764000005000 implements MigrationInterface {
  name = 'MarkPortfolioComplianceByStandard1764000005000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addStandardToMarks(queryRunner, 'portfolio', { table: 'standard_versions', id: 'id', standardId: 'standard_id' });
    await replaceFactTriggerBodies(queryRunner, PORTFOLIO_STANDARD_FACT_TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await replaceFactTriggerBodies(
      queryRunner,
      PORTFOLIO_FACT_TRIGGERS.filter((t) => PORTFOLIO_STANDARD_FACT_TRIGGERS.some((n) => n.table === t.table)),
    );
    await dropStandardFromMarks(queryRunner, 'portfolio');
  }
}
