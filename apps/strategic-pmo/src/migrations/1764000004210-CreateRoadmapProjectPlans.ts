import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The roadmap's copy of each project's plan (dates and milestones), from `project.schedule-changed`. */
export class CreateRoadmapProjectPlans1764000004210 implements MigrationInterface {
  name = 'CreateRoadmapProjectPlans1764000004210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE roadmap_project_plans (
        project_id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        start_date date,
        end_date date,
        milestones jsonb NOT NULL,
        changed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX roadmap_project_plans_program ON roadmap_project_plans (program_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE roadmap_project_plans`);
  }
}
