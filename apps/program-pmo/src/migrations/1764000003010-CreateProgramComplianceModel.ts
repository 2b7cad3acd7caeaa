import { createComplianceModel, createFactTriggers, dropComplianceModel, dropFactTriggers, versionTriggerBody, type FactTrigger } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each fact table marks, in the transaction that changes it, which projects to recompute and from when.
// (1764000005000/5010 make the marks of one standard's facts name it; their `down` restores these.)
export const PROGRAM_FACT_TRIGGERS: FactTrigger[] = [
  {
    table: 'adoption_decisions',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM program_compliance_mark(r.project_id, NULL, r.decided_at) FROM (SELECT OLD.project_id, OLD.decided_at UNION ALL SELECT NEW.project_id, NEW.decided_at) r WHERE r.project_id IS NOT NULL;`,
  },
  {
    table: 'program_status_reports',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM program_compliance_mark(r.project_id, NULL, r.submitted_at) FROM (SELECT OLD.project_id, OLD.submitted_at UNION ALL SELECT NEW.project_id, NEW.submitted_at) r WHERE r.project_id IS NOT NULL;`,
  },
  {
    table: 'program_projects',
    when: 'INSERT OR UPDATE OF program_id, registered_at, closed_at OR DELETE',
    body: `PERFORM program_compliance_mark(p, NULL, NULL) FROM (SELECT OLD.project_id UNION SELECT NEW.project_id) r(p) WHERE p IS NOT NULL;`,
  },
  {
    table: 'programs',
    when: 'INSERT OR UPDATE OF tags OR DELETE',
    body: `IF TG_OP <> 'UPDATE' OR OLD.tags IS DISTINCT FROM NEW.tags THEN PERFORM program_compliance_mark(NULL, coalesce(NEW.id, OLD.id), NULL); END IF;`,
  },
  { table: 'standard_versions_view', when: 'INSERT OR UPDATE OR DELETE', body: versionTriggerBody('program_compliance_mark', []) },
  {
    table: 'wave_openings_view',
    when: 'INSERT OR UPDATE OR DELETE',
    body: `PERFORM program_compliance_mark(NULL, NULL, least(OLD.opened_at, NEW.opened_at));`,
  },
  {
    table: 'variance_requests',
    when: 'INSERT OR UPDATE OF version_id, project_ids, submitted_at, state, decided_at, expires_on, ended_at, conditions, requirement_ids, deviations OR DELETE',
    body: `PERFORM program_compliance_mark(p, NULL, least(OLD.submitted_at, NEW.submitted_at))
        FROM (SELECT unnest(OLD.project_ids) UNION SELECT unnest(NEW.project_ids)) r(p);`,
  },
];

/** Each program's compliance as a temporal read model (see docs/architecture.md, read models). */
export class CreateProgramComplianceModel1764000003010 implements MigrationInterface {
  name = 'CreateProgramComplianceModel1764000003010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createComplianceModel(queryRunner, 'program');
    await createFactTriggers(queryRunner, PROGRAM_FACT_TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropFactTriggers(queryRunner, PROGRAM_FACT_TRIGGERS);
    await dropComplianceModel(queryRunner, 'program');
  }
}
