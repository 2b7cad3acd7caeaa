import type { Deviation, RenewalState, VarianceGround, VarianceState } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A condition of an approval, tracked to done; `flaggedAt` once it was announced overdue. */
export interface CaseCondition {
  id: string;
  text: string;
  owner: string;
  dueOn: string;
  metAt: string | null;
  metBy: string | null;
  flaggedAt: string | null;
}

/** A renewal of an approval: its own review and decision, due by the standard's SLA like a first request. */
export interface CaseRenewal {
  renewal: number;
  expiresOn: string;
  previousExpiresOn: string;
  justification: string;
  requestedBySubject: string;
  requestedByName: string;
  requestedAt: string;
  decisionDueOn: string;
  state: RenewalState;
  reviewerSubject: string | null;
  decidedBySubject: string | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

@Entity({ name: 'variance_cases' })
export class VarianceCaseEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'requested_by_subject', type: 'text' })
  requestedBySubject: string;

  @Column({ name: 'requested_by_name', type: 'text' })
  requestedByName: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'requirement_ids', type: 'text', array: true })
  requirementIds: string[];

  @Column({ name: 'project_ids', type: 'uuid', array: true })
  projectIds: string[];

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

  @Column({ type: 'text' })
  state: VarianceState;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ name: 'decision_due_on', type: 'date' })
  decisionDueOn: string;

  @Column({ name: 'reviewer_subject', type: 'text', nullable: true })
  reviewerSubject: string | null;

  @Column({ name: 'decided_by_subject', type: 'text', nullable: true })
  decidedBySubject: string | null;

  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'jsonb' })
  conditions: CaseCondition[];

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;

  /** The rejected request this one revises. */
  @Column({ name: 'revision_of', type: 'uuid', nullable: true })
  revisionOf: string | null;

  /** The project PMO's proposal this request forwards. */
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  /** What the (latest) decision judged: version, requirements, each project as it stood. */
  @Column({ type: 'jsonb', nullable: true })
  ground: VarianceGround | null;

  /** Why the approval needs review (its ground changed materially); null when it does not. */
  @Column({ name: 'review_reasons', type: 'text', array: true, nullable: true })
  reviewReasons: string[] | null;

  @Column({ name: 'review_flagged_at', type: 'timestamptz', nullable: true })
  reviewFlaggedAt: Date | null;

  @Column({ name: 'reconfirmed_at', type: 'timestamptz', nullable: true })
  reconfirmedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /**
   * Renewals of the approval, oldest first. The first decision stays in decidedAt/decisionReason; an approved
   * renewal moves expiresOn.
   */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  renewals: CaseRenewal[];
}
