import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When the program's projects reported status, from events: the reporting cadence counts on it. */
export class CreateProgramStatusReports1764000000230 implements MigrationInterface {
  name = 'CreateProgramStatusReports1764000000230';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE program_status_reports (report_id uuid PRIMARY KEY, program_id uuid NOT NULL, project_id uuid NOT NULL, submitted_at timestamptz NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX program_status_reports_program ON program_status_reports (program_id, project_id, submitted_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE program_status_reports`);
  }
}
