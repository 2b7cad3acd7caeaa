import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A bulk decision made with an Idempotency-Key: what it asked for and the decisions it recorded, for a retry to get them back. */
@Entity({ name: 'adoption_calls' })
export class AdoptionCallEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text' })
  requestFingerprint: string;

  /** In the order the call answered them. */
  @Column({ name: 'decision_ids', type: 'uuid', array: true })
  decisionIds: string[];

  @Column({ name: 'called_at', type: 'timestamptz' })
  calledAt: Date;
}
