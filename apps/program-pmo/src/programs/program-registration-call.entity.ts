import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A program registered with an Idempotency-Key: what the call asked for and the program it registered, for a retry. */
@Entity({ name: 'program_registration_calls' })
export class ProgramRegistrationCallEntity {
  /** The caller's subject: a key is the caller's own, so another caller's key neither clashes nor answers. */
  @PrimaryColumn({ name: 'caller', type: 'text' })
  caller: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text' })
  requestFingerprint: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'called_at', type: 'timestamptz' })
  calledAt: Date;
}
