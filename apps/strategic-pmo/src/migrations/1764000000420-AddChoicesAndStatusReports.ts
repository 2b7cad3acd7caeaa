import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tailoring choices and status report times, which the reporting cadence of compliance needs. */
export class AddChoicesAndStatusReports1764000000420 implements MigrationInterface {
  name = 'AddChoicesAndStatusReports1764000000420';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_adoption_decisions ADD COLUMN choices jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE TABLE portfolio_status_reports (report_id uuid PRIMARY KEY, project_id uuid NOT NULL, submitted_at timestamptz NOT NULL)`);
    await queryRunner.query(`CREATE INDEX portfolio_status_reports_project ON portfolio_status_reports (project_id, submitted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE portfolio_status_reports`);
    await queryRunner.query(`ALTER TABLE portfolio_adoption_decisions DROP COLUMN choices`);
  }
}
