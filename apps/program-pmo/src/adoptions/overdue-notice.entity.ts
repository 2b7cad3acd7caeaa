import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'overdue_notices' })
export class OverdueNoticeEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'standard_key', type: 'text' })
  standardKey: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'adoption_deadline', type: 'date' })
  adoptionDeadline: string;

  @Column({ name: 'noticed_at', type: 'timestamptz' })
  noticedAt: Date;
}
