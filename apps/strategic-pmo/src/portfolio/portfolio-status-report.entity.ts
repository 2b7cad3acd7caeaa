import type { HealthRating } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a project reported status, from `status-report.submitted`: the reporting cadence counts on it. */
@Entity({ name: 'portfolio_status_reports' })
export class PortfolioStatusReportEntity {
  @PrimaryColumn({ name: 'report_id', type: 'uuid' })
  reportId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  /** The ratings the report carried in its format's `x-pmo-health` properties (the metrics read them). */
  @Column({ name: 'schedule_health', type: 'text', nullable: true })
  scheduleHealth: HealthRating | null;

  @Column({ name: 'budget_health', type: 'text', nullable: true })
  budgetHealth: HealthRating | null;

  @Column({ name: 'overall_health', type: 'text', nullable: true })
  overallHealth: HealthRating | null;
}
