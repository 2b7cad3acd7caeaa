import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A status report a project submitted, valid against its report format's schema. */
@Entity({ name: 'status_reports' })
export class StatusReportEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'format_version_id', type: 'uuid' })
  formatVersionId: string;

  @Column({ type: 'jsonb' })
  report: Record<string, unknown>;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;
}
