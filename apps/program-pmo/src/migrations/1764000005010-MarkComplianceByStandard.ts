import { addStandardToMarks, dropStandardFromMarks, replaceFactTriggerBodies, versionTriggerBody, type FactTrigger } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAM_FACT_TRIGGERS } from './1764000003010-CreateProgramComplianceModel';

const mark = 'program_compliance_mark';
const standardOf = 'program_compliance_standard_of';

// The facts of one standard (its versions and wave openings; decisions and variances on its versions) mark only
// that standard's rows: a publication to the whole portfolio recomputes one standard per project, not all of them.
// A version not seen yet (its event still to come) names no standard: the project is recomputed whole.
export const PROGRAM_STANDARD_FACT_TRIGGERS: Omit<FactTrigger, 'when'>[] = [
  {
    table: 'adoption_decisions',
    body: `PERFORM ${mark}(r.project_id, NULL, r.decided_at, ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]))
        FROM (SELECT OLD.project_id, OLD.decided_at UNION ALL SELECT NEW.project_id, NEW.decided_at) r WHERE r.project_id IS NOT NULL;`,
  },
  { table: 'standard_versions_view', body: versionTriggerBody(mark, [], 'standard_id') },
  {
    table: 'wave_openings_view',
    body: `PERFORM ${mark}(NULL, NULL, least(OLD.opened_at, NEW.opened_at), ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]));`,
  },
  {
    table: 'variance_requests',
    body: `PERFORM ${mark}(p, NULL, least(OLD.submitted_at, NEW.submitted_at), ${standardOf}(ARRAY[OLD.version_id, NEW.version_id]))
        FROM (SELECT unnest(OLD.project_ids) UNION SELECT unnest(NEW.project_ids)) r(p);`,
  },
];

/** Marks of the programs' compliance model name the standard whose facts caused them (docs/architecture.md, read models). */
export class MarkProgramComplianceByStandard1764000005010 implements MigrationInterface {
  name = 'MarkProgramComplianceByStandard1764000005010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await addStandardToMarks(queryRunner, 'program', { table: 'standard_versions_view', id: 'version_id', standardId: 'standard_id' });
    await replaceFactTriggerBodies(queryRunner, PROGRAM_STANDARD_FACT_TRIGGERS);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await replaceFactTriggerBodies(
      queryRunner,
      PROGRAM_FACT_TRIGGERS.filter((t) => PROGRAM_STANDARD_FACT_TRIGGERS.some((n) => n.table === t.table)),
    );
    await dropStandardFromMarks(queryRunner, 'program');
  }
}
