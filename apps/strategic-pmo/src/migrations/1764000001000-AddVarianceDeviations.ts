import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variance cases keep the value asked per requirement: an approval grants it. */
export class AddVarianceDeviations1764000001000 implements MigrationInterface {
  name = 'AddVarianceDeviations1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_cases ADD COLUMN deviations jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_cases DROP COLUMN deviations`);
  }
}
