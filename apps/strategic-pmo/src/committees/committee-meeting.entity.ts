import { Column, Entity, PrimaryColumn } from 'typeorm';

/** scheduled: its agenda is built and decided; closed: its minutes are final and nothing more is decided. */
export type MeetingState = 'scheduled' | 'closed';

export interface Attendance {
  username: string;
  present: boolean;
}

/** A meeting of a committee on a date, with who attended and, once closed, the summary of its minutes. */
@Entity({ name: 'committee_meetings' })
export class CommitteeMeetingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'committee_id', type: 'uuid' })
  committeeId: string;

  @Column({ name: 'scheduled_on', type: 'date' })
  scheduledOn: string;

  @Column({ type: 'text' })
  state: MeetingState;

  @Column({ type: 'jsonb' })
  attendance: Attendance[];

  @Column({ name: 'agenda_built_at', type: 'timestamptz', nullable: true })
  agendaBuiltAt: Date | null;

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
