import type { MigrationInterface, QueryRunner } from 'typeorm';
import { GENESIS_HASH } from '../audit-chain';

/**
 * Moves the hash chain off the write path: entries are chained (sealed) after they commit, by the
 * `AuditSealer`, instead of inside the writing transaction under a lock held until it commits.
 *
 * - The insert trigger only sets `seq` (from the sequence: a rolled-back change now leaves a gap, which is
 *   not a break: the chain links entries by hash, not by seq) and `at = clock_timestamp()`, and leaves
 *   `prev_hash`, `hash` and the new `chain_pos` NULL. No lock, no read of the head: concurrent audited
 *   transactions no longer commit one at a time.
 * - `chain_pos` is the entry's place in the chain, given when it is sealed: the chain's order is the order
 *   of sealing, because seq order is not commit order and the sealer only sees committed rows. It is not
 *   hashed: the links (`prev_hash`) already fix the order, and a moved `chain_pos` breaks a link.
 * - Append-only: DELETE and TRUNCATE are always refused. UPDATE is refused unless it seals an unsealed row:
 *   `prev_hash`, `hash` and `chain_pos` go from NULL to values and every other column stays as it was.
 * - Entries chained by 1764000000110 keep their hashes and get `chain_pos` in seq order, their chain order.
 */
const SEAL_COLUMNS = `'{prev_hash,hash,chain_pos}'::text[]`;

export class SealAuditLogAfterCommit1764000000120 implements MigrationInterface {
  name = 'SealAuditLogAfterCommit1764000000120';

  async up(queryRunner: QueryRunner): Promise<void> {
    // audit_log_chain() stays for down; audit_log_canonical() stays, equal to auditCanonicalText().
    await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN chain_pos bigint UNIQUE`);
    await queryRunner.query(
      `UPDATE audit_log SET chain_pos = ordered.pos FROM (SELECT seq, row_number() OVER (ORDER BY seq) AS pos FROM audit_log) ordered WHERE audit_log.seq = ordered.seq`,
    );
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL`);
    await queryRunner.query(`SELECT setval('audit_log_seq_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false)`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_stamp() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        NEW.seq := nextval('audit_log_seq_seq');
        NEW.at := clock_timestamp();
        NEW.prev_hash := NULL;
        NEW.hash := NULL;
        NEW.chain_pos := NULL;
        RETURN NEW;
      END
      $fn$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_stamp BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_stamp()`);
    // The condition is the trigger's WHEN, so a valid seal costs no function call; comparing the rows as
    // jsonb without the seal's columns also covers columns added later.
    await queryRunner.query(`
      CREATE TRIGGER audit_log_only_seal BEFORE UPDATE ON audit_log FOR EACH ROW
      WHEN (NOT (OLD.hash IS NULL AND OLD.prev_hash IS NULL AND OLD.chain_pos IS NULL
                 AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL AND NEW.chain_pos IS NOT NULL
                 AND to_jsonb(NEW) - ${SEAL_COLUMNS} = to_jsonb(OLD) - ${SEAL_COLUMNS}))
      EXECUTE FUNCTION audit_log_reject_change()`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,
    );
    await queryRunner.query(`CREATE INDEX audit_log_unsealed ON audit_log (seq) WHERE chain_pos IS NULL`);
  }

  // Back to chaining in the insert trigger (1764000000110): the whole log is chained again in seq order,
  // which gives every entry sealed out of seq order a new hash (a head anchored before no longer matches).
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_unsealed`);
    await queryRunner.query(`DROP TRIGGER audit_log_only_seal ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP TRIGGER audit_log_stamp ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_stamp()`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN chain_pos`);
    await queryRunner.query(`
      DO $do$
      DECLARE
        r audit_log;
        previous text := '${GENESIS_HASH}';
      BEGIN
        FOR r IN SELECT * FROM audit_log ORDER BY seq LOOP
          r.prev_hash := previous;
          r.hash := encode(sha256(convert_to(audit_log_canonical(r.seq, r.at, r.actor_subject, r.actor_name, r.action, r.entity_type,
            r.entity_id, r.before, r.after, r.reason, r.request_id, r.trace_id, r.prev_hash), 'UTF8')), 'hex');
          UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE seq = r.seq;
          previous := r.hash;
        END LOOP;
      END
      $do$`);
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,
    );
  }
}
