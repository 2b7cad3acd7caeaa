import type { ImplementationStatus } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How far a project has implemented one requirement of one standard version. */
@Entity({ name: 'implementation_statuses' })
export class ImplementationStatusEntity {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ name: 'requirement_id', type: 'text' })
  requirementId: string;

  @Column({ type: 'text' })
  status: ImplementationStatus;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'evidence_links', type: 'text', array: true })
  evidenceLinks: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
