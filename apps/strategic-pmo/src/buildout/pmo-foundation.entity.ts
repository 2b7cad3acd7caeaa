import type { PmoOfficeType } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The PMO's foundation: what every other part of its build-out depends on. One row (id 1). */
@Entity({ name: 'pmo_foundation' })
export class PmoFoundationEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ name: 'office_type', type: 'text' })
  officeType: PmoOfficeType;

  @Column({ name: 'organisational_scope', type: 'text' })
  organisationalScope: string;

  @Column({ type: 'text' })
  sponsor: string;

  @Column({ type: 'text', array: true })
  customers: string[];

  @Column({ type: 'text', array: true })
  stakeholders: string[];

  @Column({ name: 'capacity_per_wave', type: 'integer' })
  capacityPerWave: number;

  @Column({ name: 'changes_per_wave', type: 'integer' })
  changesPerWave: number;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
