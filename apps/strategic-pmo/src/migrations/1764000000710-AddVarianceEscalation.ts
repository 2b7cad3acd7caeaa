import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a late variance was escalated, so it is escalated once. */
export class AddVarianceEscalation1764000000710 implements MigrationInterface {
  name = 'AddVarianceEscalation1764000000710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_cases ADD COLUMN escalated_at timestamptz, ADD COLUMN expired_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_cases DROP COLUMN escalated_at, DROP COLUMN expired_at`);
  }
}
