import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What happened to one of the program's variances that it should see: rejected, expired, revoked, late, … */
@Entity({ name: 'variance_notices' })
export class VarianceNoticeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'variance_id', type: 'uuid' })
  varianceId: string;

  @Column({ type: 'text' })
  kind: 'rejected' | 'expired' | 'revoked' | 'escalated' | 'conditions-overdue' | 'needs-review' | 'confirmed' | 'renewed' | 'renewal-rejected';

  @Column({ type: 'text' })
  message: string;

  @Column({ name: 'noticed_at', type: 'timestamptz' })
  noticedAt: Date;
}
