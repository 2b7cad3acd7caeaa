import { Controller, Get, Inject, Module, ServiceUnavailableException, type DynamicModule } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule, TypeOrmHealthIndicator, type HealthCheckResult } from '@nestjs/terminus';
import { Public } from '@pmo/auth';
import { ApiNoToken } from './openapi';
import type { ReadinessGate } from './service-runtime';

const BROKER_CHECK = Symbol('BROKER_CHECK');
const READINESS_GATES = Symbol('READINESS_GATES');

/** Tells whether the event broker answers. */
export type BrokerCheck = () => Promise<boolean>;

@ApiTags('health')
@ApiNoToken()
@Controller('health')
class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(BROKER_CHECK) private readonly brokerAnswers: BrokerCheck,
    @Inject(READINESS_GATES) private readonly gates: readonly ReadinessGate[],
  ) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'The process is up' })
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary:
      'Ready to serve: the database answers and start-up work is done (embedded mode: the demo data loaded). ' +
      'A broker that does not answer leaves the service ready (writes wait in the outbox) and shows as degraded in details.broker',
  })
  @HealthCheck()
  async ready() {
    try {
      const result = await this.readiness();
      const broker = (await this.brokerAnswers())
        ? { status: 'up' }
        : {
            status: 'degraded',
            message: 'the event broker does not answer, or a consumer has not joined its group yet: events wait in the outbox and are sent when it is back',
          };
      return { ...result, info: { ...result.info, broker }, details: { ...result.details, broker } };
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // The one error filter answers every error with a message: name what is not ready in it.
      const down = Object.entries((error.getResponse() as HealthCheckResult).error ?? {}).map(
        ([name, detail]) => `${name}: ${typeof detail?.message === 'string' ? detail.message : 'down'}`,
      );
      throw new ServiceUnavailableException(`not ready: ${down.join('; ')}`);
    }
  }

  private readiness() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 3000 }),
      ...this.gates.map((gate) => () => {
        const indicator = this.indicators.check(gate.name);
        const waitingFor = gate.waitingFor();
        return waitingFor === null ? indicator.up() : indicator.down({ message: waitingFor });
      }),
    ]);
  }
}

/** `/health/live` and `/health/ready` (database and any readiness gates; the broker's state in the details), without a token. */
@Module({})
export class HealthModule {
  static forRoot(brokerCheck: BrokerCheck, gates: readonly ReadinessGate[] = []): DynamicModule {
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        { provide: BROKER_CHECK, useValue: brokerCheck },
        { provide: READINESS_GATES, useValue: gates },
      ],
    };
  }
}
