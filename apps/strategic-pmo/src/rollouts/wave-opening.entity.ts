import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A wave of a version's rollout that has opened; one row per wave, so a wave opens once. */
@Entity({ name: 'wave_openings' })
export class WaveOpeningEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ name: 'wave_name', type: 'text' })
  waveName: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
