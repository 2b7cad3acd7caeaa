import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectPhase } from './project-phase';

@Entity({ name: 'projects' })
export class ProjectEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  phase: ProjectPhase;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags: string[];

  @CreateDateColumn({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
