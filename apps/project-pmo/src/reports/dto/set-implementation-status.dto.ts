import { ApiProperty } from '@nestjs/swagger';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus } from '@pmo/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUrl, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class SetImplementationStatusDto {
  @ApiProperty({ description: 'The standard version the requirement belongs to', format: 'uuid' })
  @IsUUID()
  versionId: string;

  @ApiProperty({ enum: IMPLEMENTATION_STATUSES })
  @IsIn(IMPLEMENTATION_STATUSES)
  status: ImplementationStatus;

  @ApiProperty({ description: 'Why; required when not-applicable', required: false, maxLength: 2000 })
  @ValidateIf((dto: SetImplementationStatusDto) => dto.status === 'not-applicable' || dto.reason !== undefined)
  @IsString()
  @MinLength(1, { message: 'reason is required when the status is not-applicable' })
  @MaxLength(2000)
  reason?: string;

  @ApiProperty({ description: 'Links to the evidence', required: false, type: [String], maxItems: 20, example: ['https://wiki.example/charter-v2'] })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true }, { each: true })
  evidenceLinks?: string[];
}
