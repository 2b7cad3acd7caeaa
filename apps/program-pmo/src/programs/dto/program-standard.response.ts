import { ApiProperty } from '@nestjs/swagger';

class WaveView {
  @ApiProperty({ example: 'wave 1' })
  name: string;

  @ApiProperty({ format: 'date' })
  opensOn: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the wave opened; null while it has not' })
  openedAt: string | null;
}

/** One version of a standard as it stands for the program. */
export class ProgramStandardResponse {
  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty({ example: 'status-reporting' })
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: ['methodology', 'standard', 'report-format', 'tool', 'priority-policy'] })
  kind: string;

  @ApiProperty({ enum: ['mandatory', 'recommended'] })
  level: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ enum: ['published', 'superseded', 'retired'] })
  state: string;

  @ApiProperty({ type: WaveView, nullable: true })
  wave: WaveView | null;

  @ApiProperty({ description: 'Published and its wave for this program has opened' })
  inForce: boolean;

  @ApiProperty({ format: 'date' })
  appliesFrom: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ type: [Object], description: 'Requirements with their leeway' })
  requirements: unknown[];

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 90,
    description: "Percent complete from which a project may be grandfathered on this standard (the strategic PMO's policy; a closing project always may)",
  })
  grandfatheringThresholdPercent: number;
}
