import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Programs this service has heard of through `program.registered`; a project may only join one of these. */
@Entity({ name: 'known_programs' })
export class KnownProgramEntity {
  @PrimaryColumn({ name: 'program_id', type: 'uuid' })
  programId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', array: true })
  tags: string[];
}
