import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_CHAIN_LOCK, GENESIS_HASH } from '../audit-chain';

/**
 * Makes the audit log a hash chain and append-only.
 *
 * - `audit_log_canonical(...)` is the canonical text of an entry; `auditCanonicalText` in audit-chain.ts is
 *   the same function in TypeScript, which the verifier uses. Each field is `~` (NULL) or
 *   `<octets>:<text>`, joined by `|`, after a version tag; the timestamp is UTC with microseconds and the
 *   JSON is PostgreSQL's text of the stored jsonb (jsonb orders keys and drops whitespace, so the text of a
 *   stored value never changes).
 * - A BEFORE INSERT trigger chains every new row: it takes a transaction-scoped advisory lock (appends are
 *   serialised per database, so per service, until the writer commits), reads the head, and sets `seq`
 *   (head + 1, so no gaps), `at` (clock_timestamp()), `prev_hash` and `hash = sha256(canonical)`. The
 *   application cannot supply them; the insert stays one statement, one round trip. `seq` is the primary
 *   key, so a writer that read a stale head (a REPEATABLE READ snapshot) fails with a duplicate key
 *   instead of forking the chain.
 * - A statement trigger rejects UPDATE, DELETE and TRUNCATE. Triggers bind superusers too, unless one
 *   disables them (ALTER TABLE ... DISABLE TRIGGER, session_replication_role = replica): the chain is what
 *   shows such a change afterwards.
 * - Rows written before this migration are chained in seq order, from the genesis hash.
 */
// The fields of the canonical text, in order (audit-chain.ts reads the same text forms back).
const CANONICAL_FIELDS = [
  'seq::text',
  `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  'actor_subject',
  'actor_name',
  'action',
  'entity_type',
  'entity_id',
  'before::text',
  'after::text',
  'reason',
  'request_id',
  'trace_id',
  'prev_hash',
];

export class ChainAuditLog1764000000110 implements MigrationInterface {
  name = 'ChainAuditLog1764000000110';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_canonical(
        seq bigint, at timestamptz, actor_subject text, actor_name text, action text, entity_type text, entity_id text,
        before jsonb, after jsonb, reason text, request_id text, trace_id text, prev_hash text
      ) RETURNS text LANGUAGE sql STABLE AS $fn$
        SELECT 'pmo-audit-v1' || ${CANONICAL_FIELDS.map((field) => `'|' || CASE WHEN ${field} IS NULL THEN '~' ELSE octet_length(${field})::text || ':' || ${field} END`).join(' || ')}
      $fn$`);
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
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL, ALTER COLUMN seq DROP DEFAULT`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $fn$
      DECLARE
        head_seq bigint;
        head_hash text;
      BEGIN
        PERFORM pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK});
        SELECT seq, hash INTO head_seq, head_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
        NEW.seq := coalesce(head_seq, 0) + 1;
        NEW.at := clock_timestamp();
        NEW.prev_hash := coalesce(head_hash, '${GENESIS_HASH}');
        NEW.hash := encode(sha256(convert_to(audit_log_canonical(NEW.seq, NEW.at, NEW.actor_subject, NEW.actor_name, NEW.action,
          NEW.entity_type, NEW.entity_id, NEW.before, NEW.after, NEW.reason, NEW.request_id, NEW.trace_id, NEW.prev_hash), 'UTF8')), 'hex');
        RETURN NEW;
      END
      $fn$`);
    await queryRunner.query(`CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain()`);
    await queryRunner.query(`
      CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $fn$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,
    );
    // Grants bind only non-superusers; with them a role that is not the table's owner can append and read, no more.
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC`);
    await queryRunner.query(`CREATE INDEX audit_log_actor ON audit_log (actor_subject)`);
    await queryRunner.query(`CREATE INDEX audit_log_at ON audit_log (at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX audit_log_at`);
    await queryRunner.query(`DROP INDEX audit_log_actor`);
    await queryRunner.query(`DROP TRIGGER audit_log_append_only ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_reject_change()`);
    await queryRunner.query(`DROP TRIGGER audit_log_chain ON audit_log`);
    await queryRunner.query(`DROP FUNCTION audit_log_chain()`);
    await queryRunner.query(`DROP FUNCTION audit_log_canonical(bigint, timestamptz, text, text, text, text, text, jsonb, jsonb, text, text, text, text)`);
    await queryRunner.query(`ALTER TABLE audit_log ALTER COLUMN seq SET DEFAULT nextval('audit_log_seq_seq')`);
    await queryRunner.query(`SELECT setval('audit_log_seq_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false)`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN hash, DROP COLUMN prev_hash`);
  }
}
