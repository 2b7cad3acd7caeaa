import type { AdoptionDecision, ReopenedRequirement } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The portfolio's copy of an adoption decision, from `adoption.decided`. */
@Entity({ name: 'portfolio_adoption_decisions' })
export class PortfolioAdoptionDecisionEntity {
  @PrimaryColumn({ name: 'decision_id', type: 'uuid' })
  decisionId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @Column({ type: 'text' })
  decision: AdoptionDecision;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  choices: Record<string, number | string>;

  /** On a decision carried over from a superseded version: the requirements it reopened; the project is pending while any is. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  reopened: ReopenedRequirement[];

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
