import type { OfferingState, PmoElement } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A product or service of the PMO, the gaps it closes, and how far its deployment is. */
@Entity({ name: 'pmo_offerings' })
export class PmoOfferingEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: 'product' | 'service';

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'closes_gaps', type: 'text', array: true })
  closesGaps: PmoElement[];

  @Column({ type: 'smallint' })
  priority: number;

  @Column({ name: 'effort_weeks', type: 'integer' })
  effortWeeks: number;

  @Column({ type: 'text' })
  state: OfferingState;

  @Column({ name: 'wave_id', type: 'uuid', nullable: true })
  waveId: string | null;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}
