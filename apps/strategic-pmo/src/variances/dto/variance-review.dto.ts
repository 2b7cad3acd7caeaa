import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class ConditionParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  varianceId: string;

  @ApiProperty({ example: 'C1', description: 'The condition as numbered in the decision' })
  @Matches(/^C[0-9]{1,3}$/, { message: 'conditionId must be a condition id such as C1' })
  conditionId: string;
}
