import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsString, MaxLength, MinLength, ValidateNested } from 'class-validator';

export class ConditionDto {
  @ApiProperty({ example: 'Monthly report to the regulator shared with the PMO', maxLength: 1000 })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  text: string;

  @ApiProperty({ example: 'Program PMO lead', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  owner: string;

  @ApiProperty({ format: 'date', example: '2027-02-28' })
  @IsISO8601({ strict: true })
  dueOn: string;
}

export class DecideVarianceDto {
  @ApiProperty({ enum: ['approved', 'approved-with-conditions', 'rejected'] })
  @IsIn(['approved', 'approved-with-conditions', 'rejected'])
  outcome: 'approved' | 'approved-with-conditions' | 'rejected';

  @ApiProperty({ type: [ConditionDto], required: false, maxItems: 50 })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionDto)
  conditions?: ConditionDto[];

  @ApiProperty({ example: 'Compensating controls cover the regulator’s concern', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  reason: string;
}
