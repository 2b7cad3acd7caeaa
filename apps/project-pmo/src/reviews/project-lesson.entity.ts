import type { LessonCategory } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One lesson learned in a post-implementation review; once sent upward it names the feedback it became. */
@Entity({ name: 'project_lessons' })
export class ProjectLessonEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  category: LessonCategory;

  @Column({ name: 'what_happened', type: 'text' })
  whatHappened: string;

  @Column({ type: 'text' })
  recommendation: string;

  @Column({ name: 'standard_id', type: 'uuid', nullable: true })
  standardId: string | null;

  @Column({ name: 'version_id', type: 'uuid', nullable: true })
  versionId: string | null;

  @Column({ type: 'text', nullable: true })
  version: string | null;

  @Column({ type: 'text', array: true })
  about: string[];

  @Column({ name: 'feedback_id', type: 'uuid', nullable: true })
  feedbackId: string | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ name: 'sent_by_name', type: 'text', nullable: true })
  sentByName: string | null;
}
