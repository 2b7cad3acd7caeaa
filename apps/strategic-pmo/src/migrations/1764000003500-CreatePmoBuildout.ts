import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The strategic PMO's build-out of itself: foundation, maturity assessments, products and services, waves. */
export class CreatePmoBuildout1764000003500 implements MigrationInterface {
  name = 'CreatePmoBuildout1764000003500';

  async up(queryRunner: QueryRunner): Promise<void> {
    // One foundation per strategic PMO: the row with id 1.
    await queryRunner.query(`
      CREATE TABLE pmo_foundation (
        id smallint PRIMARY KEY CHECK (id = 1),
        office_type text NOT NULL,
        organisational_scope text NOT NULL,
        sponsor text NOT NULL,
        customers text[] NOT NULL,
        stakeholders text[] NOT NULL,
        capacity_per_wave integer NOT NULL,
        changes_per_wave integer NOT NULL,
        recorded_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE pmo_assessments (
        id uuid PRIMARY KEY,
        assessed_on date NOT NULL UNIQUE,
        elements jsonb NOT NULL,
        recorded_by_subject text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE pmo_waves (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        owner text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        planned_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE pmo_offerings (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        kind text NOT NULL,
        description text NOT NULL,
        closes_gaps text[] NOT NULL,
        priority smallint NOT NULL,
        effort_weeks integer NOT NULL,
        state text NOT NULL,
        wave_id uuid REFERENCES pmo_waves (id),
        added_at timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE pmo_offerings`);
    await queryRunner.query(`DROP TABLE pmo_waves`);
    await queryRunner.query(`DROP TABLE pmo_assessments`);
    await queryRunner.query(`DROP TABLE pmo_foundation`);
  }
}
