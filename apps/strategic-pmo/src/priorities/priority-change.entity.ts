import type { PriorityScope } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

const numeric = { to: (v: number) => v, from: (v: string) => Number(v) };

/** One applied change of a project's rank: who, when, why, the criteria scores, and the whole order after it (for "as of"). */
@Entity({ name: 'priority_changes' })
export class PriorityChangeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  scope: PriorityScope;

  @Column({ name: 'scope_key', type: 'text' })
  scopeKey: string;

  @Column({ name: 'from_rank', type: 'integer' })
  fromRank: number;

  @Column({ name: 'to_rank', type: 'integer' })
  toRank: number;

  @Column({ type: 'jsonb' })
  scores: Record<string, number>;

  @Column({ name: 'weighted_score', type: 'numeric', precision: 6, scale: 2, transformer: numeric })
  weightedScore: number;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'changed_by_subject', type: 'text' })
  changedBySubject: string;

  @Column({ name: 'changed_by_name', type: 'text' })
  changedByName: string;

  @Column({ name: 'changed_at', type: 'timestamptz' })
  changedAt: Date;

  @Column({ name: 'policy_version_id', type: 'uuid' })
  policyVersionId: string;

  /** The change asked for that this applies, when it was approved rather than made directly. */
  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @Column({ type: 'uuid', array: true })
  ordering: string[];
}
