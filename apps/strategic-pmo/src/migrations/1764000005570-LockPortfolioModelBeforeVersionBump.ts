import { bumpVersionWithoutLock, lockModelBeforeVersionBump } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The portfolio's views version is bumped under the compliance model's lock: a program's write and a refresh no longer deadlock. */
export class LockPortfolioModelBeforeVersionBump1764000005570 implements MigrationInterface {
  name = 'LockPortfolioModelBeforeVersionBump1764000005570';

  async up(queryRunner: QueryRunner): Promise<void> {
    await lockModelBeforeVersionBump(queryRunner, 'portfolio');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await bumpVersionWithoutLock(queryRunner, 'portfolio');
  }
}
