import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DecisionSubjectKind } from './agenda-sources';

/** An entry of the decision log: what a meeting decided on one agenda item, and the effect it had. */
@Entity({ name: 'committee_decisions' })
export class CommitteeDecisionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: DecisionSubjectKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'standard_id', type: 'uuid', nullable: true })
  standardId: string | null;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text' })
  reason: string;

  /** What the decision changed, in words: `variance approved (variance.decided emitted)`, `recorded only`. */
  @Column({ type: 'text' })
  effect: string;

  @Column({ name: 'decided_by_username', type: 'text' })
  decidedByUsername: string;

  @Column({ name: 'decided_by_name', type: 'text' })
  decidedByName: string;

  @Column({ name: 'decided_at', type: 'timestamptz' })
  decidedAt: Date;
}
