import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A decision carried over to a superseding version keeps the requirements it reopened: pending while any is listed. */
export class AddReopenedDecisions1764000002000 implements MigrationInterface {
  name = 'AddReopenedDecisions1764000002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_adoption_decisions ADD COLUMN reopened jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_adoption_decisions DROP COLUMN reopened`);
  }
}
