import type { Deviation, RenewalState, VarianceState } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A condition of the approval, as the program tracks it. */
export interface RequestCondition {
  id: string;
  text: string;
  owner: string;
  dueOn: string;
  metAt: string | null;
}

/** A renewal of the approval: asked by the program, decided by the strategic PMO (the program does not see the review step). */
export interface RequestRenewal {
  renewal: number;
  expiresOn: string;
  previousExpiresOn: string;
  justification: string;
  requestedBySubject: string;
  requestedByName: string;
  requestedAt: string;
  state: Exclude<RenewalState, 'under-review'>;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** A program's request to deviate beyond leeway, and what the strategic PMO decided. */
@Entity({ name: 'variance_requests' })
export class VarianceRequestEntity {
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

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;

  @Column({ type: 'jsonb' })
  conditions: RequestCondition[];

  @Column({ name: 'idempotency_key', type: 'text', nullable: true })
  idempotencyKey: string | null;

  /** What the keyed call asked for (see `idempotentCall`): the same key with another request is refused. */
  @Column({ name: 'request_fingerprint', type: 'text', nullable: true })
  requestFingerprint: string | null;

  /** The rejected request this one revises; `revision` counts from 1. */
  @Column({ name: 'revision_of', type: 'uuid', nullable: true })
  revisionOf: string | null;

  @Column({ type: 'int', default: 1 })
  revision: number;

  /** The project PMO's proposal it forwards. */
  @Column({ name: 'proposal_id', type: 'uuid', nullable: true })
  proposalId: string | null;

  @Column({ name: 'withdrawn_reason', type: 'text', nullable: true })
  withdrawnReason: string | null;

  /** When the strategic PMO escalated it past its decision due date. */
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  /** Why the approval needs review, while it does. */
  @Column({ name: 'review_reasons', type: 'text', array: true, nullable: true })
  reviewReasons: string[] | null;

  /** When a revocation ended the approval before its end date. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  /** Renewals of the approval, oldest first; `expiresOn` is the end date in force (moved by an approved renewal). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  renewals: RequestRenewal[];
}
