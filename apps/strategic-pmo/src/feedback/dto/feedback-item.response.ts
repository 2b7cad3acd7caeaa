import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_CATEGORIES } from '@pmo/contracts';

/** Feedback from a program as the strategic PMO triages it (the stored item, as it is answered). */
export class FeedbackItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.2.0' })
  version: string;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  category: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: [String], description: 'Requirement ids or key tasks the feedback is about' })
  about: string[];

  @ApiProperty()
  submittedBySubject: string;

  @ApiProperty()
  submittedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ enum: ['submitted', 'accepted', 'declined', 'resolved-by-variance', 'closed'] })
  state: string;

  @ApiProperty({ type: String, nullable: true })
  triageReason: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The planned revision (accepted)' })
  revisionVersionId: string | null;

  @ApiProperty({ type: String, nullable: true })
  revisionVersion: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The variance that resolves it (resolved-by-variance)' })
  varianceId: string | null;

  @ApiProperty({ type: String, nullable: true })
  triagedBySubject: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  triagedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The closed project whose lesson this feedback is (null: sent by the program)' })
  originProjectId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The lesson of that project's post-implementation review" })
  originLessonId: string | null;
}
