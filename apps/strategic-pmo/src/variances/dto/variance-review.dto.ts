import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

/** Confirming or revoking an approval whose ground changed: why. */
export class ReviewApprovalDto {
  @ApiProperty({ example: 'The 2.0.0 cadence rule keeps the same intent; the controls still cover it', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason: string;
}

export class ConditionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  varianceId: string;

  @ApiProperty({ example: 'C1', description: 'The condition as numbered in the decision' })
  @Matches(/^C[0-9]{1,3}$/, { message: 'conditionId must be a condition id such as C1' })
  conditionId: string;
}
