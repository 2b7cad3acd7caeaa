import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project registered with an Idempotency-Key: what the call asked for and the project it registered, for a retry. */
@Entity({ name: 'project_registration_calls' })
export class ProjectRegistrationCallEntity {
  /** The caller's subject: a key is the caller's own, so another caller's key neither clashes nor answers. */
  @PrimaryColumn({ name: 'caller', type: 'text' })
  caller: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey: string;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text' })
  requestFingerprint: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'called_at', type: 'timestamptz' })
  calledAt: Date;
}
