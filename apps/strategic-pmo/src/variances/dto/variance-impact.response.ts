import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATES, VARIANCE_STATES } from '@pmo/contracts';

export class ImpactChangeResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ example: 'status-reporting' })
  standardKey: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: COMPLIANCE_STATES, example: 'variance-pending' })
  before: string;

  @ApiProperty({ enum: COMPLIANCE_STATES, example: 'variance-approved' })
  after: string;
}

export class ImpactFiguresResponse {
  @ApiProperty({ description: 'Project × standard version rows', example: 15 })
  total: number;

  @ApiProperty({ example: 1 })
  compliantBefore: number;

  @ApiProperty({ example: 2 })
  compliantAfter: number;

  @ApiProperty({ description: 'Percent compliant now, one decimal', example: 6.7 })
  percentBefore: number;

  @ApiProperty({ description: 'Percent compliant once approved, one decimal', example: 13.3 })
  percentAfter: number;
}

export class OtherVarianceResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ enum: VARIANCE_STATES })
  state: string;

  @ApiProperty({ type: [String], example: ['STATUS-CADENCE'] })
  requirementIds: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  projectIds: string[];

  @ApiProperty({ format: 'date' })
  expiresOn: string;
}

export class VarianceImpactResponse {
  @ApiProperty({ format: 'uuid' })
  varianceId: string;

  @ApiProperty({ format: 'date-time', description: 'The instant the analysis was made for' })
  asOf: string;

  @ApiProperty({ type: [ImpactChangeResponse], description: 'Rows whose state changes if the variance is approved' })
  changes: ImpactChangeResponse[];

  @ApiProperty({ type: ImpactFiguresResponse, description: "The requesting program's figures" })
  program: ImpactFiguresResponse;

  @ApiProperty({ type: ImpactFiguresResponse, description: 'The whole portfolio' })
  portfolio: ImpactFiguresResponse;

  @ApiProperty({ type: [OtherVarianceResponse], description: 'Pending or approved variances of the same standard on any of the same requirements' })
  otherActiveVariances: OtherVarianceResponse[];

  @ApiProperty({ description: 'Pending or approved variances the program already holds on this standard', example: 1 })
  programVariancesOnStandard: number;
}
