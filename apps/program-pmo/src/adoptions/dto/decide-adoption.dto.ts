import { ApiProperty } from '@nestjs/swagger';
import { ADOPTION_DECISIONS, type AdoptionDecision } from '@pmo/contracts';
import { MatchesSchema } from '@pmo/http';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class DecideAdoptionDto {
  @ApiProperty({ description: 'The standard version decided on', format: 'uuid' })
  @IsUUID()
  versionId: string;

  @ApiProperty({ description: 'One project, or many for a bulk decision (all or none are recorded)', type: [String], format: 'uuid', maxItems: 500 })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  projectIds: string[];

  @ApiProperty({ enum: ADOPTION_DECISIONS })
  @IsIn(ADOPTION_DECISIONS)
  decision: AdoptionDecision;

  @IsOptional()
  @MatchesSchema(
    { type: 'object', maxProperties: 200, propertyNames: { pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' }, additionalProperties: { anyOf: [{ type: 'number' }, { type: 'string', maxLength: 100 }] } },
    { description: 'For tailor: the value chosen per requirement id, inside its leeway', required: false, example: { 'STATUS-CADENCE': 10 } },
  )
  choices?: Record<string, number | string>;

  @ApiProperty({ description: 'Why', example: 'Fortnightly reporting matches the steering committee', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
