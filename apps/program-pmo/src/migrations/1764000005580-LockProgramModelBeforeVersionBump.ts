import { bumpVersionWithoutLock, lockModelBeforeVersionBump } from '@pmo/compliance-model';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A program's views version is bumped under the compliance model's lock: a program's write and a refresh no longer deadlock. */
export class LockProgramModelBeforeVersionBump1764000005580 implements MigrationInterface {
  name = 'LockProgramModelBeforeVersionBump1764000005580';

  async up(queryRunner: QueryRunner): Promise<void> {
    await lockModelBeforeVersionBump(queryRunner, 'program');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await bumpVersionWithoutLock(queryRunner, 'program');
  }
}
