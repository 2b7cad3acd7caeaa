import type { INestApplication } from '@nestjs/common';
import { bootstrapService, type ServiceRuntime } from '@pmo/http';
import type { ServicePort } from '@pmo/service-port';
import { AppModule } from './app.module';

/** Starts project-pmo on the given runtime (its own process, or beside the others in the embedded mode). */
export function startProjectPmo(runtime: ServiceRuntime, openedPort?: ServicePort): Promise<INestApplication> {
  return bootstrapService(
    AppModule.forRoot(runtime),
    runtime,
    {
      title: 'project-pmo',
      description: 'Project PMO: projects, implementation status per requirement, and status reports.',
    },
    openedPort,
  );
}
