import { CallerKeyedCall } from '@pmo/http';
import { Column, Entity } from 'typeorm';

/** A program registered with an Idempotency-Key, for a retry to get it back. */
@Entity({ name: 'program_registration_calls' })
export class ProgramRegistrationCallEntity extends CallerKeyedCall {
  @Column({ name: 'program_id', type: 'uuid' })
  programId: string;
}
