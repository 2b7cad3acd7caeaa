import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A wave of the PMO's deployment roadmap: its dates and owner; its items are the offerings that name it. */
@Entity({ name: 'pmo_waves' })
export class PmoWaveEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  owner: string;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'planned_at', type: 'timestamptz' })
  plannedAt: Date;
}
