import { ApiProperty } from '@nestjs/swagger';
import { PMO_OFFICE_TYPES } from '@pmo/contracts';

/** The PMO's foundation, as recorded. */
export class FoundationResponse {
  @ApiProperty({ enum: PMO_OFFICE_TYPES })
  officeType: string;

  @ApiProperty()
  organisationalScope: string;

  @ApiProperty()
  sponsor: string;

  @ApiProperty({ type: [String] })
  customers: string[];

  @ApiProperty({ type: [String] })
  stakeholders: string[];

  @ApiProperty({ description: 'Person-weeks the PMO can spend on its build-out in one wave' })
  capacityPerWave: number;

  @ApiProperty({ description: 'New products and services the organisation can absorb in one wave (pace of change)' })
  changesPerWave: number;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: string;
}
