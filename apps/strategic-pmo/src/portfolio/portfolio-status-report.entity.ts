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
}
