import { ApiProperty } from '@nestjs/swagger';

export class VarianceDecisionWeekResponse {
  @ApiProperty({ format: 'date-time', description: 'A week end; the week is the 7 days up to it' })
  at: string;

  @ApiProperty()
  decided: number;

  @ApiProperty({ description: 'Decided on or before the due date' })
  onTime: number;

  @ApiProperty({ nullable: true, type: Number, description: 'Median days from submission to decision' })
  medianDays: number | null;
}

export class VarianceDecisionMetricsResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ description: 'First decisions in the window' })
  decided: number;

  @ApiProperty()
  onTime: number;

  @ApiProperty({ nullable: true, type: Number, description: '0 to 100, one decimal; null with no decision' })
  percentOnTime: number | null;

  @ApiProperty({ nullable: true, type: Number })
  medianDays: number | null;

  @ApiProperty({ description: 'Requests awaiting a decision past their due date, now' })
  openPastDue: number;

  @ApiProperty({ type: [VarianceDecisionWeekResponse] })
  weeks: VarianceDecisionWeekResponse[];
}

export class BurnUpPointResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty({ description: 'Projects in scope decided (adopt, tailor, grandfather) by then' })
  decided: number;
}

export class WaveBurnUpResponse {
  @ApiProperty()
  standardKey: string;

  @ApiProperty()
  version: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty()
  wave: string;

  @ApiProperty({ format: 'date-time' })
  openedAt: string;

  @ApiProperty({ format: 'date' })
  adoptionDeadline: string;

  @ApiProperty({ description: 'Open projects of the programs whose earliest wave this is' })
  inScope: number;

  @ApiProperty({ type: [BurnUpPointResponse] })
  points: BurnUpPointResponse[];
}

export class AdoptionWavesResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [WaveBurnUpResponse], description: 'The 12 last opened waves, newest first' })
  waves: WaveBurnUpResponse[];
}

export class CompliancePointResponse {
  @ApiProperty({ format: 'date-time' })
  at: string;

  @ApiProperty()
  total: number;

  @ApiProperty()
  compliant: number;

  @ApiProperty({ description: '0 to 100, one decimal' })
  percentCompliant: number;
}

export class ComplianceSeriesResponse {
  @ApiProperty({ description: "The standard's key, or the program's id" })
  id: string;

  @ApiProperty()
  label: string;

  @ApiProperty({ type: [CompliancePointResponse] })
  points: CompliancePointResponse[];
}

export class ComplianceTrendResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: [ComplianceSeriesResponse] })
  byStandard: ComplianceSeriesResponse[];

  @ApiProperty({ type: [ComplianceSeriesResponse] })
  byProgram: ComplianceSeriesResponse[];
}
