import { ApiProperty } from '@nestjs/swagger';

const RATINGS = ['green', 'amber', 'red'];
const ROLLED_UP = [...RATINGS, 'unrated'];

export class RatingCountsResponse {
  @ApiProperty()
  green: number;

  @ApiProperty()
  amber: number;

  @ApiProperty()
  red: number;
}

export class ProgramHealthResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ROLLED_UP, description: 'The roll-up of its projects’ overall ratings (metric program-health)' })
  rating: string;

  @ApiProperty({ type: RatingCountsResponse, description: 'Projects by current overall rating' })
  overall: RatingCountsResponse;

  @ApiProperty({ type: RatingCountsResponse, description: 'Projects by current schedule rating' })
  schedule: RatingCountsResponse;

  @ApiProperty({ type: RatingCountsResponse, description: 'Projects by current budget rating' })
  budget: RatingCountsResponse;

  @ApiProperty({ description: 'Open projects with no current overall rating' })
  unrated: number;
}

export class PortfolioHealthResponse {
  @ApiProperty({ enum: ROLLED_UP })
  rating: string;

  @ApiProperty({ type: RatingCountsResponse, description: 'Programs by roll-up' })
  programs: RatingCountsResponse;
}

export class HealthTrendPointResponse extends RatingCountsResponse {
  @ApiProperty({ format: 'date-time', description: 'A week end' })
  at: string;
}

export class ProjectHealthResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ format: 'date-time', description: 'When its current report was submitted' })
  reportedAt: string;

  @ApiProperty({ enum: RATINGS, nullable: true, type: String })
  schedule: string | null;

  @ApiProperty({ enum: RATINGS, nullable: true, type: String })
  budget: string | null;

  @ApiProperty({ enum: RATINGS, nullable: true, type: String })
  overall: string | null;
}

export class HealthMetricsResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ type: PortfolioHealthResponse })
  portfolio: PortfolioHealthResponse;

  @ApiProperty({ type: [ProgramHealthResponse] })
  programs: ProgramHealthResponse[];

  @ApiProperty({ type: [HealthTrendPointResponse], description: 'One point per week end, oldest first' })
  trend: HealthTrendPointResponse[];

  @ApiProperty({ type: [ProjectHealthResponse], description: 'With a `program` filter only: its projects (at most 500), by name' })
  projects: ProjectHealthResponse[];
}

export class RedReportResponse {
  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty()
  programName: string;

  @ApiProperty({ format: 'uuid', description: 'The current (red) report' })
  reportId: string;

  @ApiProperty({ format: 'date-time', description: 'The first report of the unbroken run of red reports' })
  redSince: string;

  @ApiProperty({ description: 'Whole days since redSince' })
  ageDays: number;
}

export class RedReportsByProgramResponse {
  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty()
  count: number;

  @ApiProperty()
  oldestDays: number;
}

export class RedReportsResponse {
  @ApiProperty({ format: 'date-time' })
  asOf: string;

  @ApiProperty({ description: 'Open projects whose current report is red' })
  count: number;

  @ApiProperty({ type: [RedReportsByProgramResponse] })
  byProgram: RedReportsByProgramResponse[];

  @ApiProperty({ type: [RedReportResponse], description: 'Oldest red run first, at most 100' })
  items: RedReportResponse[];
}
