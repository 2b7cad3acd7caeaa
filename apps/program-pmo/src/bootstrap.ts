import type { INestApplication } from '@nestjs/common';
import { bootstrapService, type ServiceRuntime } from '@pmo/http';
import type { ServicePort } from '@pmo/service-port';
import { AppModule } from './app.module';

/** Starts program-pmo on the given runtime (its own process, or beside the others in the embedded mode). */
export function startProgramPmo(runtime: ServiceRuntime, openedPort?: ServicePort): Promise<INestApplication> {
  return bootstrapService(
    AppModule.forRoot(runtime),
    runtime,
    {
      title: 'program-pmo',
      description: 'Program PMO: programs, the program view of standards, adoption decisions, variance requests and feedback.',
    },
    openedPort,
  );
}
