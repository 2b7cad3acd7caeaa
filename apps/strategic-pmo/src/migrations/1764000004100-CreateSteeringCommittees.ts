import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Steering committees, their meetings, agenda items and decision log. */
export class CreateSteeringCommittees1764000004100 implements MigrationInterface {
  name = 'CreateSteeringCommittees1764000004100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE steering_committees (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        cadence text NOT NULL,
        program_ids uuid[] NOT NULL,
        members jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE committee_meetings (
        id uuid PRIMARY KEY,
        committee_id uuid NOT NULL REFERENCES steering_committees (id),
        scheduled_on date NOT NULL,
        state text NOT NULL,
        attendance jsonb NOT NULL,
        agenda_built_at timestamptz,
        summary text,
        closed_at timestamptz,
        created_at timestamptz NOT NULL,
        UNIQUE (committee_id, scheduled_on)
      )`);
    await queryRunner.query(`
      CREATE TABLE committee_agenda_items (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES committee_meetings (id),
        position integer NOT NULL,
        source text NOT NULL,
        subject_kind text NOT NULL,
        subject_id uuid NOT NULL,
        program_id uuid NOT NULL,
        standard_id uuid,
        title text NOT NULL,
        detail text NOT NULL,
        state text NOT NULL,
        UNIQUE NULLS NOT DISTINCT (meeting_id, source, subject_id, standard_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE committee_decisions (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES committee_meetings (id),
        item_id uuid NOT NULL UNIQUE REFERENCES committee_agenda_items (id),
        subject_kind text NOT NULL,
        subject_id uuid NOT NULL,
        standard_id uuid,
        outcome text NOT NULL,
        reason text NOT NULL,
        effect text NOT NULL,
        decided_by_username text NOT NULL,
        decided_by_name text NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX committee_decisions_subject ON committee_decisions (subject_kind, subject_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE committee_decisions`);
    await queryRunner.query(`DROP TABLE committee_agenda_items`);
    await queryRunner.query(`DROP TABLE committee_meetings`);
    await queryRunner.query(`DROP TABLE steering_committees`);
  }
}
