import type { Deviation, VarianceState } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A variance the project PMO proposed to its program; forwarded or rejected, then what the strategic PMO decided. */
@Entity({ name: 'variance_proposals' })
export class VarianceProposalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'proposed_by_subject', type: 'text' })
  proposedBySubject: string;

  @Column({ name: 'proposed_by_name', type: 'text' })
  proposedByName: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'requirement_ids', type: 'text', array: true })
  requirementIds: string[];

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'int' })
  likelihood: number;

  @Column({ type: 'int' })
  impact: number;

  @Column({ name: 'compensating_controls', type: 'text', array: true })
  compensatingControls: string[];

  /** The value asked per requirement outside its leeway (see `Deviation`). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  deviations: Deviation[];

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'text' })
  state: 'proposed' | 'forwarded' | 'rejected';

  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  /** The program's variance request, once forwarded, and its state as the strategic PMO decided it. */
  @Column({ name: 'variance_id', type: 'uuid', nullable: true })
  varianceId: string | null;

  @Column({ name: 'variance_state', type: 'text', nullable: true })
  varianceState: VarianceState | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text', nullable: true })
  requestFingerprint: string | null;
}
