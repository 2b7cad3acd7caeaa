import { createComplianceModel, createFactTriggers, dropComplianceModel, dropFactTriggers, versionTriggerBody, type FactTrigger } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each fact table marks, in the transaction that changes it, which projects to recompute and from when.
// (1764000005000/5010 make the marks of one standard's facts name it; their `down` restores these.)
export const PORTFOLIO_FACT_TRIGGERS: FactTrigger[] = [
  {
    table: 'portfolio_adoption_decisions',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM portfolio_compliance_mark(r.project_id, NULL, r.decided_at) FROM (SELECT OLD.project_id, OLD.decided_at UNION ALL SELECT NEW.project_id, NEW.decided_at) r WHERE r.project_id IS NOT NULL;`,
  },
  {
    table: 'portfolio_status_reports',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM portfolio_compliance_mark(r.project_id, NULL, r.submitted_at) FROM (SELECT OLD.project_id, OLD.submitted_at UNION ALL SELECT NEW.project_id, NEW.submitted_at) r WHERE r.project_id IS NOT NULL;`,
  },
  {
    table: 'portfolio_projects',
    when: 'INSERT OR UPDATE OF program_id, registered_at, closed_at OR DELETE',
    body: `PERFORM portfolio_compliance_mark(p, NULL, NULL) FROM (SELECT OLD.project_id UNION SELECT NEW.project_id) r(p) WHERE p IS NOT NULL;`,
  },
  {
    table: 'portfolio_programs',
    when: 'INSERT OR UPDATE OF tags OR DELETE',
    body: `IF TG_OP <> 'UPDATE' OR OLD.tags IS DISTINCT FROM NEW.tags THEN PERFORM portfolio_compliance_mark(NULL, coalesce(NEW.program_id, OLD.program_id), NULL); END IF;`,
  },
  { table: 'standard_versions', when: 'INSERT OR UPDATE OR DELETE', body: versionTriggerBody('portfolio_compliance_mark', ['retire_reason']) },
  {
    table: 'wave_openings',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM portfolio_compliance_mark(NULL, NULL, least(OLD.opened_at, NEW.opened_at));`,
  },
  {
    table: 'variance_cases',
    when: 'INSERT OR UPDATE OF version_id, project_ids, submitted_at, state, decided_at, expires_on, revoked_at, conditions, requirement_ids, deviations OR DELETE',
    body: `PERFORM portfolio_compliance_mark(p, NULL, least(OLD.submitted_at, NEW.submitted_at))
        FROM (SELECT unnest(OLD.project_ids) UNION SELECT unnest(NEW.project_ids)) r(p);`,
  },
];

/** The portfolio's compliance as a temporal read model (see docs/architecture.md, read models). */
export class CreatePortfolioComplianceModel1764000003000 implements MigrationInterface {
  name = 'CreatePortfolioComplianceModel1764000003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createComplianceModel(queryRunner, 'portfolio');
    await createFactTriggers(queryRunner, PORTFOLIO_FACT_TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFactTriggers(queryRunner, PORTFOLIO_FACT_TRIGGERS);
    await dropComplianceModel(queryRunner, 'portfolio');
  }
}
