import type { AdoptionDecision, ReopenedRequirement } from '@pmo/contracts';
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

  /** Set when the decision was carried over from the version it was taken on to the one that superseded it. */
  @Column({ name: 'carried_from', type: 'jsonb', nullable: true })
  carriedFrom: { decisionId: string; versionId: string; version: string } | null;

  /** The requirements a carried decision does not cover, with why; the project is pending while any is listed. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reopened: ReopenedRequirement[];

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
