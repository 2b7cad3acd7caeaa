import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log: one row per state change, written in the same transaction as the change. */
export class CreateAuditLog1764000000100 implements MigrationInterface {
  name = 'CreateAuditLog1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_subject text NOT NULL,
        actor_name text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        reason text,
        request_id text,
        trace_id text
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_log`);
  }
}
