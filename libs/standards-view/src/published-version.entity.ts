import type { Applicability, Requirement, RolloutWaveV1, StandardKind, StandardLevel } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PublishedVersionState = 'published' | 'superseded' | 'retired';

/** A published version as the standards events describe it; this service's copy, never the strategic PMO's table. */
@Entity({ name: 'standard_versions_view' })
export class PublishedVersionEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: StandardKind;

  @Column({ type: 'text' })
  level: StandardLevel;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  state: PublishedVersionState;

  @Column({ name: 'effective_date', type: 'date' })
  effectiveDate: string;

  @Column({ name: 'adoption_deadline', type: 'date' })
  adoptionDeadline: string;

  @Column({ type: 'jsonb' })
  applicability: Applicability;

  @Column({ type: 'jsonb' })
  requirements: Requirement[];

  @Column({ type: 'jsonb' })
  rollout: RolloutWaveV1[];

  @Column({ name: 'report_schema', type: 'jsonb', nullable: true })
  reportSchema: Record<string, unknown> | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
