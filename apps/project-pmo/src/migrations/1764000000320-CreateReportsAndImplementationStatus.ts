import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReportsAndImplementationStatus1764000000320 implements MigrationInterface {
  name = 'CreateReportsAndImplementationStatus1764000000320';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE status_reports (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects (id),
        format_version_id uuid NOT NULL,
        report jsonb NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX status_reports_project ON status_reports (project_id, submitted_at)`);
    await queryRunner.query(`
      CREATE TABLE implementation_statuses (
        project_id uuid NOT NULL REFERENCES projects (id),
        version_id uuid NOT NULL,
        requirement_id text NOT NULL,
        status text NOT NULL CHECK (status IN ('not-started', 'in-progress', 'implemented', 'not-applicable')),
        reason text NOT NULL DEFAULT '',
        evidence_links text[] NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (project_id, version_id, requirement_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE implementation_statuses`);
    await queryRunner.query(`DROP TABLE status_reports`);
  }
}
