import type { CommitteeCadence, CommitteeRole } from '@pmo/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member of a committee: a platform user (by username) with a role in it. */
export interface CommitteeMember {
  username: string;
  name: string;
  role: CommitteeRole;
}

/** A steering committee: who sits on it, the programs it steers and how often it meets. */
@Entity({ name: 'steering_committees' })
export class SteeringCommitteeEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  cadence: CommitteeCadence;

  @Column({ name: 'program_ids', type: 'uuid', array: true })
  programIds: string[];

  @Column({ type: 'jsonb' })
  members: CommitteeMember[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
