import { createKeptCounts, dropKeptCounts } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts of the open compliance rows, kept by the intervals' triggers: summaries and heatmaps of "now" read them. */
export class KeepPortfolioOpenComplianceCounts1764000005020 implements MigrationInterface {
  name = 'KeepPortfolioOpenComplianceCounts1764000005020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createKeptCounts(queryRunner, 'portfolio');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropKeptCounts(queryRunner, 'portfolio');
  }
}
