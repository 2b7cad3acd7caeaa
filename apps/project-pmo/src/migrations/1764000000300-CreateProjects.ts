import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProjects1764000000300 implements MigrationInterface {
  name = 'CreateProjects1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_programs (
        program_id uuid PRIMARY KEY,
        name text NOT NULL,
        tags text[] NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        name text NOT NULL,
        phase text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX projects_program ON projects (program_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE projects`);
    await queryRunner.query(`DROP TABLE known_programs`);
  }
}
