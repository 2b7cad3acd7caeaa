import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

/** How a standard treats variances. */
export class VariancePolicyDto {
  @ApiProperty({ description: 'The longest a variance may run, in months from its request', minimum: 1, maximum: 60, example: 12 })
  @IsInt()
  @Min(1)
  @Max(60)
  longestVarianceMonths: number;

  @ApiProperty({ description: 'Business days the strategic PMO has to decide a variance', minimum: 1, maximum: 60, example: 10 })
  @IsInt()
  @Min(1)
  @Max(60)
  decisionSlaBusinessDays: number;
}
