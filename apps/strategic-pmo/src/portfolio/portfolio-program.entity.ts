import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The portfolio's copy of a program, from `program.registered`. */
@Entity({ name: 'portfolio_programs' })
export class PortfolioProgramEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', array: true })
  tags: string[];

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;
}
