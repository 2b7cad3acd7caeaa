import type { StandardKind } from '@pmo/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'standards' })
export class StandardEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Stable slug, e.g. `status-reporting`. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: StandardKind;

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  /** The longest a variance from this standard may run, in months from its request. */
  @Column({ name: 'longest_variance_months', type: 'int', default: 12 })
  longestVarianceMonths: number;

  /** Business days the strategic PMO has to decide a variance from this standard. */
  @Column({ name: 'decision_sla_business_days', type: 'int', default: 10 })
  decisionSlaBusinessDays: number;

  /** Percent complete from which a project may be grandfathered on this standard (a closing project always may). */
  @Column({ name: 'grandfathering_threshold_percent', type: 'int', default: 90 })
  grandfatheringThresholdPercent: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
