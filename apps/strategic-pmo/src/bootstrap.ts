import type { INestApplication } from '@nestjs/common';
import { bootstrapService, type ServiceRuntime } from '@pmo/http';
import type { ServicePort } from '@pmo/service-port';
import { AppModule } from './app.module';

/** Starts strategic-pmo on the given runtime (its own process, or beside the others in the embedded mode). */
export function startStrategicPmo(runtime: ServiceRuntime, openedPort?: ServicePort): Promise<INestApplication> {
  return bootstrapService(
    AppModule.forRoot(runtime),
    runtime,
    {
      title: 'strategic-pmo',
      description: 'Strategic PMO: standards, methodology, rollouts, variance decisions, feedback triage and the portfolio view.',
    },
    openedPort,
  );
}
