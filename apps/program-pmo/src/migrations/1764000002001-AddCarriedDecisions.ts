import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions carried over to the version that superseded theirs (rule 7): the decision they came from, and the
 * requirements that reopened with their reasons (pending while any is listed).
 */
export class AddCarriedDecisions1764000002001 implements MigrationInterface {
  name = 'AddCarriedDecisions1764000002001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE adoption_decisions ADD COLUMN carried_from jsonb`);
    await queryRunner.query(`ALTER TABLE adoption_decisions ADD COLUMN reopened jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE adoption_decisions DROP COLUMN reopened`);
    await queryRunner.query(`ALTER TABLE adoption_decisions DROP COLUMN carried_from`);
  }
}
