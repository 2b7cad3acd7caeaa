import { dropIntervalsByStandard, indexIntervalsByStandard } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The portfolio's intervals by project and standard: a publication's refresh deletes one standard's rows. */
export class IndexPortfolioComplianceByStandard1764000005540 implements MigrationInterface {
  name = 'IndexPortfolioComplianceByStandard1764000005540';

  async up(queryRunner: QueryRunner): Promise<void> {
    await indexIntervalsByStandard(queryRunner, 'portfolio');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIntervalsByStandard(queryRunner, 'portfolio');
  }
}
