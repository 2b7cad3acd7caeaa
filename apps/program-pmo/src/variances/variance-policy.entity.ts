import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A standard's variance policy, from `standard.variance-policy-set`; absent: the defaults. */
@Entity({ name: 'variance_policies' })
export class VariancePolicyEntity {
  @PrimaryColumn({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'longest_variance_months', type: 'int' })
  longestVarianceMonths: number;

  @Column({ name: 'decision_sla_business_days', type: 'int' })
  decisionSlaBusinessDays: number;
}
