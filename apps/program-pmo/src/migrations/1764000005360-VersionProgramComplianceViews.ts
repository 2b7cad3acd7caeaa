import { createViewsVersion, dropViewsVersion } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A version bumped with the intervals and the programs: summaries of "now" are kept under it. */
export class VersionProgramComplianceViews1764000005360 implements MigrationInterface {
  name = 'VersionProgramComplianceViews1764000005360';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createViewsVersion(queryRunner, 'program', 'programs');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropViewsVersion(queryRunner, 'program', 'programs');
  }
}
