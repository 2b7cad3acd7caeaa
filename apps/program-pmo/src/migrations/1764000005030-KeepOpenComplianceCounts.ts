import { createKeptCounts, dropKeptCounts } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counts of the open compliance rows, kept by the intervals' triggers: summaries and heatmaps of "now" read them. */
export class KeepProgramOpenComplianceCounts1764000005030 implements MigrationInterface {
  name = 'KeepProgramOpenComplianceCounts1764000005030';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createKeptCounts(queryRunner, 'program');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropKeptCounts(queryRunner, 'program');
  }
}
