import type { StandardKind } from '@pmo/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'standards' })
export class StandardEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Stable slug, e.g. `status-reporting`. */
  @Column({ type: 'text', unique: true })
  key: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  kind: StandardKind;

  @Column({ type: 'text' })
  owner: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
