import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ElementRating } from './gap-analysis';

/** A dated assessment of the current and future state of some elements of the PMO. */
@Entity({ name: 'pmo_assessments' })
export class PmoAssessmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ type: 'jsonb' })
  elements: ElementRating[];

  @Column({ name: 'recorded_by_subject', type: 'text' })
  recordedBySubject: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
