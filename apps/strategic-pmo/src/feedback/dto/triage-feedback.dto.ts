import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';

export class TriageFeedbackDto {
  @ApiProperty({ enum: ['accepted', 'declined', 'resolved-by-variance'] })
  @IsIn(['accepted', 'declined', 'resolved-by-variance'])
  outcome: 'accepted' | 'declined' | 'resolved-by-variance';

  @ApiProperty({ required: false, description: 'Required when declined', maxLength: 4000 })
  @ValidateIf((dto: TriageFeedbackDto) => dto.outcome === 'declined' || dto.reason !== undefined)
  @IsString()
  @MinLength(1, { message: 'reason is required when the feedback is declined' })
  @MaxLength(4000)
  reason?: string;

  @ApiProperty({ required: false, description: 'accepted: the planned revision, a draft version of the same standard', example: '1.1.0' })
  @ValidateIf((dto: TriageFeedbackDto) => dto.outcome === 'accepted' || dto.revisionVersion !== undefined)
  @Matches(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, { message: 'revisionVersion must be a semantic version (required when accepted)' })
  revisionVersion?: string;

  @ApiProperty({ required: false, format: 'uuid', description: 'resolved-by-variance: the variance that answers it' })
  @ValidateIf((dto: TriageFeedbackDto) => dto.outcome === 'resolved-by-variance' || dto.varianceId !== undefined)
  @IsUUID(undefined, { message: 'varianceId must be a UUID (required when resolved-by-variance)' })
  varianceId?: string;
}
