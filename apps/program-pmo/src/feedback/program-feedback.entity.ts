import type { FeedbackCategory } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Feedback a program sent up, and what the strategic PMO made of it. */
@Entity({ name: 'program_feedback' })
export class ProgramFeedbackEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  category: FeedbackCategory;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', array: true })
  about: string[];

  @Column({ name: 'submitted_by_subject', type: 'text' })
  submittedBySubject: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'text' })
  state: 'submitted' | 'accepted' | 'declined' | 'resolved-by-variance' | 'closed';

  @Column({ name: 'triage_reason', type: 'text', nullable: true })
  triageReason: string | null;

  @Column({ name: 'revision_version', type: 'text', nullable: true })
  revisionVersion: string | null;

  @Column({ name: 'variance_id', type: 'uuid', nullable: true })
  varianceId: string | null;

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text', nullable: true })
  requestFingerprint: string | null;
}
