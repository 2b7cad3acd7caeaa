import type { AdoptionDecision } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'adoption_decisions' })
export class AdoptionDecisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'standard_id', type: 'uuid' })
  standardId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  version: string;

  @Column({ type: 'text' })
  decision: AdoptionDecision;

  @Column({ type: 'jsonb' })
  choices: Record<string, number | string>;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject: string;

  @Column({ name: 'actor_name', type: 'text' })
  actorName: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
