import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOf } from '@pmo/http';
import { RENEWAL_STATES, VARIANCE_STATES, deviationsSchema, type Deviation } from '@pmo/contracts';

export class CaseConditionResponse {
  @ApiProperty({ example: 'C1' })
  id: string;

  @ApiProperty()
  text: string;

  @ApiProperty()
  owner: string;

  @ApiProperty({ format: 'date' })
  dueOn: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  metAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  metBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it was announced overdue' })
  flaggedAt: string | null;
}

export class ProjectGroundResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  phase: string;

  @ApiProperty()
  percentComplete: number;

  @ApiProperty({ type: [String] })
  tags: string[];

  @ApiProperty({ description: "False once the project left the program's scope" })
  inScope: boolean;
}

export class VarianceGroundResponse {
  @ApiProperty({ example: '1.2.0' })
  version: string;

  @ApiProperty({ type: [String] })
  requirementIds: string[];

  @ApiProperty({ type: [String], nullable: true })
  applicabilityTags: string[] | null;

  @ApiProperty({ type: [ProjectGroundResponse] })
  projects: ProjectGroundResponse[];
}

/** A renewal of an approval, with its own review and decision. */
export class CaseRenewalResponse {
  @ApiProperty({ description: 'Numbered from 1 in the order asked', example: 1 })
  renewal: number;

  @ApiProperty({ format: 'date', description: 'The end date asked for' })
  expiresOn: string;

  @ApiProperty({ format: 'date', description: 'The end date in force when it was asked' })
  previousExpiresOn: string;

  @ApiProperty()
  justification: string;

  @ApiProperty()
  requestedBySubject: string;

  @ApiProperty()
  requestedByName: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ format: 'date', description: "Due by the standard's decision SLA, like a first request" })
  decisionDueOn: string;

  @ApiProperty({ enum: RENEWAL_STATES })
  state: string;

  @ApiProperty({ type: String, nullable: true })
  reviewerSubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedBySubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;
}

/** A variance case (the stored case), as the review routes answer it. */
export class VarianceCaseResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty()
  requestedBySubject: string;

  @ApiProperty()
  requestedByName: string;

  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.2.0' })
  version: string;

  @ApiProperty({ type: [String] })
  requirementIds: string[];

  @ApiPropertyOf(deviationsSchema, {
    description: 'The value asked per requirement outside its leeway; a listed requirement without one is waived while an approval holds',
  })
  deviations: Deviation[];

  @ApiProperty({ type: [String], format: 'uuid' })
  projectIds: string[];

  @ApiProperty()
  justification: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  likelihood: number;

  @ApiProperty({ minimum: 1, maximum: 5 })
  impact: number;

  @ApiProperty({ type: [String] })
  compensatingControls: string[];

  @ApiProperty({ format: 'date' })
  expiresOn: string;

  @ApiProperty({ enum: VARIANCE_STATES })
  state: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: string;

  @ApiProperty({ format: 'date' })
  decisionDueOn: string;

  @ApiProperty({ type: String, nullable: true })
  reviewerSubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedBySubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;

  @ApiProperty({ type: [CaseConditionResponse] })
  conditions: CaseConditionResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  escalatedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiredAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rejected request this one revises' })
  revisionOf: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The project PMO's proposal this request forwards" })
  proposalId: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawnReason: string | null;

  @ApiProperty({ type: VarianceGroundResponse, nullable: true, description: 'What the (latest) decision judged' })
  ground: VarianceGroundResponse | null;

  @ApiProperty({ type: [String], nullable: true, description: 'Why the approval needs review; null when it does not' })
  reviewReasons: string[] | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reviewFlaggedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  reconfirmedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  @ApiProperty({
    type: [CaseRenewalResponse],
    description: 'Renewals of the approval, oldest first; decidedAt and decisionReason stay those of the first decision, expiresOn is the end date in force',
  })
  renewals: CaseRenewalResponse[];
}

/** A variance case with the flags of the list and the single read. */
export class VarianceCaseViewResponse extends VarianceCaseResponse {
  @ApiProperty({ description: 'Still undecided after its decision due date, or a renewal is' })
  late: boolean;

  @ApiProperty({ description: 'A condition of the approval is past its due date and not met' })
  conditionsOverdue: boolean;

  @ApiProperty({ description: 'The ground of the approval changed materially (see reviewReasons)' })
  needsReview: boolean;
}
