import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A standard's grandfathering threshold, from `standard.grandfathering-policy-set`; absent: the default (90). */
@Entity({ name: 'grandfathering_policies' })
export class GrandfatheringPolicyEntity {
  @PrimaryColumn({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'threshold_percent', type: 'int' })
  thresholdPercent: number;
}
