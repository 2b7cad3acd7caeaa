import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePortfolio1764000000400 implements MigrationInterface {
  name = 'CreatePortfolio1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE portfolio_programs (
        program_id uuid PRIMARY KEY,
        name text NOT NULL,
        tags text[] NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE portfolio_projects (
        project_id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        name text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX portfolio_projects_program ON portfolio_projects (program_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE portfolio_projects`);
    await queryRunner.query(`DROP TABLE portfolio_programs`);
  }
}
