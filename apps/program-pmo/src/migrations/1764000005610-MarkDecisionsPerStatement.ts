import { markDecisionsPerRow, markDecisionsPerStatement } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { PROGRAM_STANDARD_FACT_TRIGGERS } from './1764000005010-MarkComplianceByStandard';

const decisions = { table: 'adoption_decisions', versions: { table: 'standard_versions_view', id: 'version_id', standardId: 'standard_id' } };

/** A bulk adoption marks its projects in one statement, not one trigger call per project (`markDecisionsPerStatement`). */
export class MarkProgramDecisionsPerStatement1764000005610 implements MigrationInterface {
  name = 'MarkProgramDecisionsPerStatement1764000005610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await markDecisionsPerStatement(queryRunner, 'program', decisions);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const [perRow] = PROGRAM_STANDARD_FACT_TRIGGERS.filter((t) => t.table === decisions.table);
    await markDecisionsPerRow(queryRunner, perRow);
  }
}
