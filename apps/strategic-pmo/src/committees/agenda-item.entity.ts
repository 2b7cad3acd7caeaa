import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgendaSourceName, DecisionSubjectKind } from './agenda-sources';

export type AgendaItemState = 'open' | 'decided';

/** One thing on a meeting's agenda that needs a decision, from one of the agenda sources. */
@Entity({ name: 'committee_agenda_items' })
export class AgendaItemEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  source: AgendaSourceName;

  @Column({ name: 'subject_kind', type: 'text' })
  subjectKind: DecisionSubjectKind;

  @Column({ name: 'subject_id', type: 'uuid' })
  subjectId: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ name: 'standard_id', type: 'uuid', nullable: true })
  standardId: string | null;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'text' })
  state: AgendaItemState;
}
