import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What follows a variance request in the program: revisions, withdrawal, conditions tracked to done,
 * review of changed ground and revocation; the project PMOs' proposals; notices in the program's view; and
 * each standard's variance policy as announced by the strategic PMO.
 */
export class AddVarianceFollowUp1764000000280 implements MigrationInterface {
  name = 'AddVarianceFollowUp1764000000280';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE variance_requests
        ADD COLUMN revision_of uuid REFERENCES variance_requests (id),
        ADD COLUMN revision int NOT NULL DEFAULT 1,
        ADD COLUMN proposal_id uuid,
        ADD COLUMN withdrawn_reason text,
        ADD COLUMN escalated_at timestamptz,
        ADD COLUMN review_reasons text[],
        ADD COLUMN ended_at timestamptz`);
    // Conditions decided before tracking get their ids (C1, C2, … in the order decided), not yet met.
    await queryRunner.query(`
      UPDATE variance_requests SET conditions = (
        SELECT jsonb_agg(c || jsonb_build_object('id', 'C' || n, 'metAt', null) ORDER BY n)
        FROM jsonb_array_elements(conditions) WITH ORDINALITY AS t(c, n))
      WHERE jsonb_array_length(conditions) > 0`);
    await queryRunner.query(`
      CREATE TABLE variance_proposals (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        project_id uuid NOT NULL,
        proposed_by_subject text NOT NULL,
        proposed_by_name text NOT NULL,
        standard_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version text NOT NULL,
        requirement_ids text[] NOT NULL,
        justification text NOT NULL,
        likelihood int NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
        impact int NOT NULL CHECK (impact BETWEEN 1 AND 5),
        compensating_controls text[] NOT NULL,
        expires_on date NOT NULL,
        proposed_at timestamptz NOT NULL,
        state text NOT NULL,
        answer_reason text,
        variance_id uuid,
        answered_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX variance_proposals_program ON variance_proposals (program_id, proposed_at)`);
    await queryRunner.query(`
      CREATE TABLE variance_notices (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        variance_id uuid NOT NULL,
        kind text NOT NULL,
        message text NOT NULL,
        noticed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX variance_notices_program ON variance_notices (program_id, noticed_at)`);
    await queryRunner.query(`
      CREATE TABLE variance_policies (
        standard_id uuid PRIMARY KEY,
        longest_variance_months int NOT NULL,
        decision_sla_business_days int NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE variance_policies`);
    await queryRunner.query(`DROP TABLE variance_notices`);
    await queryRunner.query(`DROP TABLE variance_proposals`);
    await queryRunner.query(
      `ALTER TABLE variance_requests DROP COLUMN revision_of, DROP COLUMN revision, DROP COLUMN proposal_id, DROP COLUMN withdrawn_reason, DROP COLUMN escalated_at, DROP COLUMN review_reasons, DROP COLUMN ended_at`,
    );
  }
}
