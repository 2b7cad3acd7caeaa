import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { ProgramRegisteredV1 } from '@pmo/contracts';
import { PmoEventContext } from '@pmo/messaging';
import { KnownProgramEntity } from './known-program.entity';

@Controller()
export class ProgramsEvents {
  @EventPattern('pmo.program.registered.v1')
  async onProgramRegistered(@Payload() event: ProgramRegisteredV1, @Ctx() context: PmoEventContext): Promise<void> {
    await context.manager.upsert(KnownProgramEntity, { programId: event.programId, code: event.code ?? event.programId, name: event.name, tags: event.tags }, [
      'programId',
    ]);
  }
}
