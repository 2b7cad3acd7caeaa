import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Variances tracked past their decision: each standard's variance policy, revisions and proposals behind a
 * request, withdrawal, the ground a decision was taken on, the review it may need, and revocation; and the
 * project facts (phase, progress, tags) that ground is made of.
 */
export class AddVarianceTracking1764000000730 implements MigrationInterface {
  name = 'AddVarianceTracking1764000000730';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE standards ADD COLUMN longest_variance_months int NOT NULL DEFAULT 12, ADD COLUMN decision_sla_business_days int NOT NULL DEFAULT 10`,
    );
    await queryRunner.query(`
      ALTER TABLE variance_cases
        ADD COLUMN revision_of uuid,
        ADD COLUMN proposal_id uuid,
        ADD COLUMN withdrawn_reason text,
        ADD COLUMN ground jsonb,
        ADD COLUMN review_reasons text[],
        ADD COLUMN review_flagged_at timestamptz,
        ADD COLUMN reconfirmed_at timestamptz,
        ADD COLUMN revoked_at timestamptz`);
    // Conditions decided before tracking get their ids (C1, C2, … in the order decided) and are not yet met.
    await queryRunner.query(`
      UPDATE variance_cases SET conditions = (
        SELECT jsonb_agg(c || jsonb_build_object('id', 'C' || n, 'metAt', null, 'metBy', null, 'flaggedAt', null) ORDER BY n)
        FROM jsonb_array_elements(conditions) WITH ORDINALITY AS t(c, n))
      WHERE jsonb_array_length(conditions) > 0`);
    await queryRunner.query(
      `ALTER TABLE portfolio_projects ADD COLUMN phase text NOT NULL DEFAULT 'initiation', ADD COLUMN tags text[] NOT NULL DEFAULT '{}', ADD COLUMN percent_complete numeric(5,2) NOT NULL DEFAULT 0`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE portfolio_projects DROP COLUMN phase, DROP COLUMN tags, DROP COLUMN percent_complete`);
    await queryRunner.query(
      `ALTER TABLE variance_cases DROP COLUMN revision_of, DROP COLUMN proposal_id, DROP COLUMN withdrawn_reason, DROP COLUMN ground, DROP COLUMN review_reasons, DROP COLUMN review_flagged_at, DROP COLUMN reconfirmed_at, DROP COLUMN revoked_at`,
    );
    await queryRunner.query(`ALTER TABLE standards DROP COLUMN longest_variance_months, DROP COLUMN decision_sla_business_days`);
  }
}
