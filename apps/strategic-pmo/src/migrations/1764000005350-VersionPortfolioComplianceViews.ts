import { createViewsVersion, dropViewsVersion } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A version bumped with the intervals and the programs: summaries and heatmaps of "now" are kept under it. */
export class VersionPortfolioComplianceViews1764000005350 implements MigrationInterface {
  name = 'VersionPortfolioComplianceViews1764000005350';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createViewsVersion(queryRunner, 'portfolio', 'portfolio_programs');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropViewsVersion(queryRunner, 'portfolio', 'portfolio_programs');
  }
}
