import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A ranking as it stands: the order of its projects, first first. Changes lock this row, one at a time. */
@Entity({ name: 'priority_rankings' })
export class PriorityRankingEntity {
  /** `portfolio`, or `program:<programId>`. */
  @PrimaryColumn({ name: 'scope_key', type: 'text' })
  scopeKey: string;

  @Column({ type: 'uuid', array: true })
  ordering: string[];

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
