import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Why: required when withdrawing a request or rejecting a proposal. */
export class ReasonDto {
  @ApiProperty({ example: 'The regulator accepted the standard cadence after all', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason: string;
}
