import type { Applicability, Requirement, RolloutWaveV1, StandardLevel, VersionState } from '@pmo/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of a standard; only a draft may change. */
@Entity({ name: 'standard_versions' })
export class StandardVersionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  state: VersionState;

  @Column({ type: 'text' })
  level: StandardLevel;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ name: 'adoption_deadline', type: 'date' })
  adoptionDeadline: string;

  @Column({ type: 'jsonb' })
  applicability: Applicability;

  @Column({ type: 'jsonb' })
  requirements: Requirement[];

  @Column({ name: 'change_summary', type: 'text' })
  changeSummary: string;

  /** Playbook (methodology), `{ schema }` (report format), tool descriptor (tool), or null. */
  @Column({ type: 'jsonb', nullable: true })
  body: Record<string, unknown> | null;

  /** The waves of its publication; set when published. */
  @Column({ type: 'jsonb', nullable: true })
  rollout: RolloutWaveV1[] | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'retire_reason', type: 'text', nullable: true })
  retireReason: string | null;
}
