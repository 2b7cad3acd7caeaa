import { dropIntervalsByStandard, indexIntervalsByStandard } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The programs' intervals by project and standard: a publication's refresh deletes one standard's rows. */
export class IndexProgramComplianceByStandard1764000005550 implements MigrationInterface {
  name = 'IndexProgramComplianceByStandard1764000005550';

  async up(queryRunner: QueryRunner): Promise<void> {
    await indexIntervalsByStandard(queryRunner, 'program');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIntervalsByStandard(queryRunner, 'program');
  }
}
