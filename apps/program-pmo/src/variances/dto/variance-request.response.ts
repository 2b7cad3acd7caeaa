import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOf } from '@pmo/http';
import { VARIANCE_STATES, deviationsSchema, type Deviation } from '@pmo/contracts';

export class RequestConditionResponse {
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
}

/** A renewal of the approval, as the program knows it. */
export class RequestRenewalResponse {
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

  @ApiProperty({ enum: ['submitted', 'approved', 'rejected'] })
  state: string;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;
}

/** A program's variance request and what the strategic PMO decided (the stored request, as it is answered). */
export class VarianceRequestResponse {
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

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;

  @ApiProperty({ type: [RequestConditionResponse] })
  conditions: RequestConditionResponse[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The rejected request this one revises' })
  revisionOf: string | null;

  @ApiProperty({ description: 'Counts from 1', example: 1 })
  revision: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The project PMO's proposal it forwards" })
  proposalId: string | null;

  @ApiProperty({ type: String, nullable: true })
  withdrawnReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the strategic PMO escalated it past its decision due date' })
  escalatedAt: string | null;

  @ApiProperty({ type: [String], nullable: true, description: 'Why the approval needs review, while it does' })
  reviewReasons: string[] | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When a revocation ended the approval before its end date' })
  endedAt: string | null;

  @ApiProperty({
    type: [RequestRenewalResponse],
    description: 'Renewals of the approval, oldest first; decidedAt and decisionReason stay those of the first approval, expiresOn is the end date in force',
  })
  renewals: RequestRenewalResponse[];
}

/** A variance request with the flags of the list and the single read. */
export class VarianceRequestViewResponse extends VarianceRequestResponse {
  @ApiProperty({ description: 'Undecided and escalated past its decision due date' })
  late: boolean;

  @ApiProperty({ description: 'A condition of the approval is past its due date and not met' })
  conditionsOverdue: boolean;

  @ApiProperty({ description: "The approval's ground changed; the strategic PMO must confirm or revoke it" })
  needsReview: boolean;
}
