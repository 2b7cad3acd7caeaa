import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variance proposals keep the value asked per requirement. */
export class AddVarianceDeviations1764000001000 implements MigrationInterface {
  name = 'AddVarianceDeviations1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_proposals ADD COLUMN deviations jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_proposals DROP COLUMN deviations`);
  }
}
