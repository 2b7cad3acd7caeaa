import { ApiProperty } from '@nestjs/swagger';
import { COMPLIANCE_STATES, type ComplianceState } from '@pmo/contracts';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';

export class ComplianceQuery {
  @ApiProperty({
    required: false,
    description: 'The compliance as it stood at this time, from the stored history',
    example: '2027-01-31T23:59:59Z',
    format: 'date-time',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiProperty({ required: false, description: 'Only this standard (its key)', example: 'status-reporting' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,79}$/, { message: 'standard must be a standard key' })
  standard?: string;

  @ApiProperty({ required: false, enum: COMPLIANCE_STATES })
  @IsOptional()
  @IsIn(COMPLIANCE_STATES)
  state?: ComplianceState;

  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
