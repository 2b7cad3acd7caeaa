import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The portfolio keeps each program's code: program managers see the programs of their `program-<code>` groups. */
export class AddPortfolioProgramCodes1764000000440 implements MigrationInterface {
  name = 'AddPortfolioProgramCodes1764000000440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_programs ADD COLUMN code text`);
    await queryRunner.query(`UPDATE portfolio_programs SET code = program_id::text`);
    await queryRunner.query(`ALTER TABLE portfolio_programs ALTER COLUMN code SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_programs DROP COLUMN code`);
  }
}
