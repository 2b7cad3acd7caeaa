import type { PriorityRequestState, PriorityScope } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A change the policy let the caller ask for but not make: pending until someone allowed approves or refuses it. */
@Entity({ name: 'priority_requests' })
export class PriorityRequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  scope: PriorityScope;

  /** The project's rank when the change was asked for. */
  @Column({ name: 'from_rank', type: 'integer' })
  fromRank: number;

  @Column({ name: 'to_rank', type: 'integer' })
  toRank: number;

  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ type: 'text' })
  reason: string;

  /** What the policy did not allow the one who asked to do directly. */
  @Column({ name: 'outside_policy', type: 'text' })
  outsidePolicy: string;

  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId: string;

  @Column({ name: 'asked_by_subject', type: 'text' })
  askedBySubject: string;

  @Column({ name: 'asked_by_name', type: 'text' })
  askedByName: string;

  @Column({ name: 'asked_at', type: 'timestamptz' })
  askedAt: Date;

  @Column({ type: 'text' })
  state: PriorityRequestState;

  @Column({ name: 'decided_by_subject', type: 'text', nullable: true })
  decidedBySubject: string | null;

  @Column({ name: 'decided_by_name', type: 'text', nullable: true })
  decidedByName: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason: string | null;
}
