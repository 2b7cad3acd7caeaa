import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The portfolio keeps each project's code, to label compliance rows; projects known before it are labelled by their id. */
export class AddPortfolioProjectCodes1764000001200 implements MigrationInterface {
  name = 'AddPortfolioProjectCodes1764000001200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_projects ADD COLUMN code text`);
    await queryRunner.query(`UPDATE portfolio_projects SET code = project_id::text`);
    await queryRunner.query(`ALTER TABLE portfolio_projects ALTER COLUMN code SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_projects DROP COLUMN code`);
  }
}
