import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateStandards1764000000500 implements MigrationInterface {
  name = 'CreateStandards1764000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE standards (
        id uuid PRIMARY KEY,
        key text NOT NULL UNIQUE,
        title text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('methodology', 'standard', 'report-format', 'tool')),
        owner text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE standard_versions (
        id uuid PRIMARY KEY,
        standard_id uuid NOT NULL REFERENCES standards (id),
        version text NOT NULL,
        state text NOT NULL CHECK (state IN ('draft', 'in-review', 'published', 'superseded', 'retired')),
        level text NOT NULL CHECK (level IN ('mandatory', 'recommended')),
        effective_date date NOT NULL,
        adoption_deadline date NOT NULL,
        applicability jsonb NOT NULL,
        requirements jsonb NOT NULL,
        change_summary text NOT NULL DEFAULT '',
        body jsonb,
        rollout jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        ended_at timestamptz,
        retire_reason text,
        UNIQUE (standard_id, version)
      )`);
    // At most one published version per standard at any time.
    await queryRunner.query(`CREATE UNIQUE INDEX standard_versions_one_published ON standard_versions (standard_id) WHERE state = 'published'`);
    await queryRunner.query(`
      CREATE TABLE wave_openings (
        version_id uuid NOT NULL REFERENCES standard_versions (id),
        wave_name text NOT NULL,
        opened_at timestamptz NOT NULL,
        PRIMARY KEY (version_id, wave_name)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE wave_openings`);
    await queryRunner.query(`DROP TABLE standard_versions`);
    await queryRunner.query(`DROP TABLE standards`);
  }
}
