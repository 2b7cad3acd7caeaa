import {
  Controller,
  Get,
  Header,
  HttpStatus,
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@pmo/auth';
import { DataSource } from 'typeorm';
import { metricsRegistry } from './metrics-registry';
import { ApiContent, ApiNoToken } from './openapi';
import type { ServiceRuntime } from './service-runtime';
import { ServiceMetricsSampler } from './service-metrics';

// The samplers of the services of this process (three in the embedded mode): a scrape of any takes all.
const samplers = new Set<ServiceMetricsSampler>();

const METRICS_RUNTIME = Symbol('METRICS_RUNTIME');

@ApiTags('metrics')
@ApiNoToken()
@Controller('metrics')
class MetricsController {
  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Prometheus metrics of the process (every series labelled by service): HTTP latency by route, outbox backlog, consumer lag, ' +
      'dead letters, audit entries pending sealing, broker state',
  })
  @ApiContent(HttpStatus.OK, 'The Prometheus text exposition format', { text: ['text/plain'] })
  @Header('Content-Type', metricsRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  async metrics(): Promise<string> {
    await Promise.all([...samplers].map((sampler) => sampler.sample()));
    return metricsRegistry.metrics();
  }
}

/** Registers the service's sampler while it runs. */
@Injectable()
class SamplerRegistration implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private sampler?: ServiceMetricsSampler;

  constructor(
    @Inject(METRICS_RUNTIME) private readonly runtime: ServiceRuntime,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.sampler = new ServiceMetricsSampler(this.runtime, this.dataSource, () => this.runtime.transport.isHealthy(), this.runtime.logger);
    samplers.add(this.sampler);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.sampler) return;
    samplers.delete(this.sampler);
    await this.sampler.close();
  }
}

/** `/metrics` in the Prometheus text format, without a token (like /health: scraped from inside the cluster). */
@Module({})
export class MetricsModule {
  static forRoot(runtime: ServiceRuntime): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [{ provide: METRICS_RUNTIME, useValue: runtime }, SamplerRegistration],
    };
  }
}
