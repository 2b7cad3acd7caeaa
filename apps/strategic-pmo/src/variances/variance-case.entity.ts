import type { VarianceConditionV1, VarianceState } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

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
  conditions: VarianceConditionV1[];

  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'expired_at', type: 'timestamptz', nullable: true })
  expiredAt: Date | null;
}
