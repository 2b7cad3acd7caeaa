import type { FeedbackCategory } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FeedbackState = 'submitted' | 'accepted' | 'declined' | 'resolved-by-variance' | 'closed';

/** Feedback from a program, as the strategic PMO triages it. */
@Entity({ name: 'feedback_items' })
export class FeedbackItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  category: FeedbackCategory;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text', array: true })
  about: string[];

  @Column({ name: 'submitted_by_subject', type: 'text' })
  submittedBySubject: string;

  @Column({ name: 'submitted_by_name', type: 'text' })
  submittedByName: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'text' })
  state: FeedbackState;

  @Column({ name: 'triage_reason', type: 'text', nullable: true })
  triageReason: string | null;

  @Column({ name: 'revision_version_id', type: 'uuid', nullable: true })
  revisionVersionId: string | null;

  @Column({ name: 'revision_version', type: 'text', nullable: true })
  revisionVersion: string | null;

  @Column({ name: 'variance_id', type: 'uuid', nullable: true })
  varianceId: string | null;

  @Column({ name: 'triaged_by_subject', type: 'text', nullable: true })
  triagedBySubject: string | null;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  // Set when the feedback began as a lesson of a closed project's review (sent by the project PMO).
  @Column({ name: 'origin_project_id', type: 'uuid', nullable: true })
  originProjectId: string | null;

  @Column({ name: 'origin_lesson_id', type: 'uuid', nullable: true })
  originLessonId: string | null;
}
