import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The standards read model of a program or project service. */
export class CreateStandardsView1764000000600 implements MigrationInterface {
  name = 'CreateStandardsView1764000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE standard_versions_view (
        version_id uuid PRIMARY KEY,
        standard_id uuid NOT NULL,
        key text NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        level text NOT NULL,
        version text NOT NULL,
        state text NOT NULL,
        effective_date date NOT NULL,
        adoption_deadline date NOT NULL,
        applicability jsonb NOT NULL,
        requirements jsonb NOT NULL,
        rollout jsonb NOT NULL,
        published_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await queryRunner.query(`
      CREATE TABLE wave_openings_view (
        version_id uuid NOT NULL,
        wave_name text NOT NULL,
        opened_at timestamptz NOT NULL,
        PRIMARY KEY (version_id, wave_name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE wave_openings_view`);
    await queryRunner.query(`DROP TABLE standard_versions_view`);
  }
}
