import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every adoption decision is kept: the latest is in force, the rest is the history. */
export class CreateAdoptionDecisions1764000000220 implements MigrationInterface {
  name = 'CreateAdoptionDecisions1764000000220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adoption_decisions (
        id uuid PRIMARY KEY,
        program_id uuid NOT NULL,
        project_id uuid NOT NULL,
        standard_id uuid NOT NULL,
        version_id uuid NOT NULL,
        version text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('adopt', 'tailor', 'grandfather', 'variance-needed')),
        choices jsonb NOT NULL DEFAULT '{}',
        reason text NOT NULL,
        actor_subject text NOT NULL,
        actor_name text NOT NULL,
        decided_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX adoption_decisions_program ON adoption_decisions (program_id, version_id, project_id, decided_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE adoption_decisions`);
  }
}
