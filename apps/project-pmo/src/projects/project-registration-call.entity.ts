import { CallerKeyedCall } from '@pmo/http';
import { Column, Entity } from 'typeorm';

/** A project registered with an Idempotency-Key, for a retry to get it back. */
@Entity({ name: 'project_registration_calls' })
export class ProjectRegistrationCallEntity extends CallerKeyedCall {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;
}
