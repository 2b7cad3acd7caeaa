import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rollout wave that has opened, from `rollout.wave-opened`. */
@Entity({ name: 'wave_openings_view' })
export class WaveOpeningViewEntity {
  @PrimaryColumn({ name: 'version_id', type: 'uuid' })
  versionId: string;

  @PrimaryColumn({ name: 'wave_name', type: 'text' })
  waveName: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;
}
