import type { Deviation } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A project PMO's proposal, waiting for the program to forward or reject it. */
@Entity({ name: 'variance_proposals' })
export class VarianceProposalEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'proposed_by_subject', type: 'text' })
  proposedBySubject: string;

  @Column({ name: 'proposed_by_name', type: 'text' })
  proposedByName: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ name: 'requirement_ids', type: 'text', array: true })
  requirementIds: string[];

  @Column({ type: 'text' })
  justification: string;

  @Column({ type: 'int' })
  likelihood: number;

  @Column({ type: 'int' })
  impact: number;

  @Column({ name: 'compensating_controls', type: 'text', array: true })
  compensatingControls: string[];

  /** The value asked per requirement outside its leeway (see `Deviation`). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  deviations: Deviation[];

  @Column({ name: 'expires_on', type: 'date' })
  expiresOn: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ type: 'text' })
  state: 'proposed' | 'forwarded' | 'rejected';

  @Column({ name: 'answer_reason', type: 'text', nullable: true })
  answerReason: string | null;

  /** The variance request it became, once forwarded. */
  @Column({ name: 'variance_id', type: 'uuid', nullable: true })
  varianceId: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
