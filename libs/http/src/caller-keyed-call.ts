import { Column, PrimaryColumn } from 'typeorm';

/**
 * The columns of a create made with an Idempotency-Key that is its caller's own (a registration): who called, the
 * key, what the call asked for (see `idempotentCall`) and when. A service's entity adds what the call created and
 * its table's name.
 */
export abstract class CallerKeyedCall {
  /** The caller's subject: another caller's same key neither clashes nor answers. */
  @PrimaryColumn({ name: 'caller', type: 'text' })
  caller: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** The same key with another request is refused (`onceForKey`). */
  @Column({ name: 'request_fingerprint', type: 'text' })
  requestFingerprint: string;

  @Column({ name: 'called_at', type: 'timestamptz' })
  calledAt: Date;
}
