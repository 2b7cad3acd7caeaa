import { ApiProperty } from '@nestjs/swagger';

/** A metric's definition, shown beside its chart. */
export class MetricDefinitionResponse {
  @ApiProperty({ example: 'program-health' })
  id: string;

  @ApiProperty({ example: 'Program roll-up' })
  name: string;

  @ApiProperty({ description: 'How the value is computed, in words' })
  formula: string;

  @ApiProperty({ example: 'rating' })
  unit: string;

  @ApiProperty({ description: 'The stored rows it is computed from' })
  source: string;
}
