import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePrograms1764000000200 implements MigrationInterface {
  name = 'CreatePrograms1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programs (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        description text NOT NULL DEFAULT '',
        tags text[] NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE program_projects (
        project_id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        name text NOT NULL,
        phase text NOT NULL,
        tags text[] NOT NULL,
        registered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX program_projects_program ON program_projects (program_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_projects`);
    await queryRunner.query(`DROP TABLE programs`);
  }
}
