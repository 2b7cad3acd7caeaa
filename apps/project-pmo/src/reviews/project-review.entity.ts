import type { DeliveryOutcome } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A closed project's post-implementation review: what was delivered against what it set out to deliver. */
@Entity({ name: 'project_reviews' })
export class ProjectReviewEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  outcome: DeliveryOutcome;

  @Column({ type: 'text' })
  delivered: string;

  @Column({ type: 'text', nullable: true })
  objective: string | null;

  @Column({ name: 'reviewed_by_subject', type: 'text' })
  reviewedBySubject: string;

  @Column({ name: 'reviewed_by_name', type: 'text' })
  reviewedByName: string;

  @Column({ name: 'reviewed_at', type: 'timestamptz' })
  reviewedAt: Date;
}
