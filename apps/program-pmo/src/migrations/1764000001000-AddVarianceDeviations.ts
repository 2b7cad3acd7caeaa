import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Variance requests and the proposals they forward keep the value asked per requirement. */
export class AddVarianceDeviations1764000001000 implements MigrationInterface {
  name = 'AddVarianceDeviations1764000001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_requests ADD COLUMN deviations jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE variance_proposals ADD COLUMN deviations jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE variance_requests DROP COLUMN deviations`);
    await queryRunner.query(`ALTER TABLE variance_proposals DROP COLUMN deviations`);
  }
}
