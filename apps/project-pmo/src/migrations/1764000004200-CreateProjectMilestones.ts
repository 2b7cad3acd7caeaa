import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The milestones and go-lives of a project's plan. */
export class CreateProjectMilestones1764000004200 implements MigrationInterface {
  name = 'CreateProjectMilestones1764000004200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project_milestones (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('milestone', 'go-live')),
        due_on date NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX project_milestones_project ON project_milestones (project_id, due_on)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE project_milestones`);
  }
}
