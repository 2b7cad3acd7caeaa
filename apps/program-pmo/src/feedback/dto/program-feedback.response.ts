import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_CATEGORIES } from '@pmo/contracts';

/** Feedback the program sent up and what the strategic PMO made of it (the stored item, as it is answered). */
export class ProgramFeedbackResponse {
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

  @ApiProperty({ type: String, nullable: true, description: 'The planned revision (accepted)' })
  revisionVersion: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The variance that resolves it (resolved-by-variance)' })
  varianceId: string | null;
}
