import { Controller, Get, HttpStatus, Inject, Injectable, Logger, Module, Put, type DynamicModule } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, GOVERNANCE_ROLES, Roles, type Principal } from '@pmo/auth';
import { AuditLog } from '@pmo/persistence';
import { Type, type Static } from '@sinclair/typebox';
import { DataSource } from 'typeorm';
import { DomainError } from './domain-error';
import { BodyOf } from './schema-params';

/** What time it is for the domain (deadlines, waves, expiries); tests and demos may move it. */
@Injectable()
export class Clock {
  private offsetMs = 0;
  private readonly listeners: (() => void)[] = [];

  constructor(@Inject('PMO_CLOCK_CONTROLLABLE') private movable: boolean) {}

  /** Whether `set` may move it (PUT /clock). */
  get controllable(): boolean {
    return this.movable;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today as `YYYY-MM-DD` in UTC, the calendar of rollout dates and deadlines. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** Moves the clock (only when controllable); listeners (schedulers) run at once. */
  set(to: Date): void {
    if (!this.controllable) throw new ClockNotControllableError();
    this.offsetMs = to.getTime() - Date.now();
    for (const listener of this.listeners) listener();
  }

  /**
   * Back to the system clock for good: `set` is refused from now on. The embedded mode moves time while it
   * replays its demo history, then locks the clock unless it was started controllable.
   */
  lock(): void {
    this.offsetMs = 0;
    this.movable = false;
    for (const listener of this.listeners) listener();
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }
}

export class ClockNotControllableError extends DomainError {
  readonly code = 'CLOCK.NOT_CONTROLLABLE';
  readonly kind = 'conflict';

  constructor() {
    super('this service runs on the system clock; start it with PMO_CONTROLLABLE_CLOCK=true to move time');
  }
}

const setClockBody = Type.Object(
  { now: Type.String({ format: 'date-time', description: 'The new current time', example: '2027-02-01T09:00:00Z' }) },
  { additionalProperties: false },
);
type SetClockBody = Static<typeof setClockBody>;

class ClockResponse {
  @ApiProperty({ format: 'date-time' })
  now: string;

  @ApiProperty({ description: 'Whether PUT /clock may move it' })
  controllable: boolean;
}

@ApiTags('clock')
@ApiBearerAuth()
@Controller('clock')
class ClockController {
  constructor(
    private readonly clock: Clock,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Roles(...GOVERNANCE_ROLES, 'platform-admin')
  @ApiOperation({ summary: "The service's current time" })
  @ApiResponse({ status: HttpStatus.OK, type: ClockResponse })
  read(): ClockResponse {
    return { now: this.clock.now().toISOString(), controllable: this.clock.controllable };
  }

  @Put()
  @Roles('platform-admin')
  @ApiOperation({ summary: 'Move the clock (evaluation and test deployments started with PMO_CONTROLLABLE_CLOCK=true)' })
  @ApiResponse({ status: HttpStatus.OK, type: ClockResponse })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The service runs on the system clock' })
  async set(@BodyOf(setClockBody) body: SetClockBody, @CurrentPrincipal() actor: Principal): Promise<ClockResponse> {
    if (!this.clock.controllable) throw new ClockNotControllableError();
    // Moving time expires, escalates and opens things, so who moved it and from when to when is audited;
    // the entry commits before the schedulers the move wakes write theirs.
    const before = this.read();
    await this.dataSource.transaction((manager) =>
      AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'clock.moved',
        entityType: 'clock',
        entityId: 'service-clock',
        before,
        after: { now: body.now, controllable: true },
      }),
    );
    this.clock.set(new Date(body.now));
    return this.read();
  }
}

/** The service's clock and `/clock`. */
@Module({})
export class ClockModule {
  static forRoot(controllable: boolean): DynamicModule {
    return {
      module: ClockModule,
      global: true,
      controllers: [ClockController],
      providers: [{ provide: 'PMO_CLOCK_CONTROLLABLE', useValue: controllable }, Clock],
      exports: [Clock],
    };
  }
}

/** A job a service runs on its clock: at start, every `everyMs`, and whenever the clock is moved. */
export interface ClockJob {
  /** Runs the job now, after any run in progress; resolves with what the run returned. */
  run(): Promise<number>;
  /**
   * No run starts after this (timer and clock moves ignored); resolves once the run in progress has ended.
   * Call it before the pool closes (`beforeApplicationShutdown`), or a run in flight fails on a closed pool.
   */
  stop(): Promise<void>;
}

/**
 * Schedules `job` on the clock, one run at a time (a run that fails does not stop the next), so schedulers
 * such as rollout waves and overdue notices share one way of following time. A run the timer or a clock move
 * starts and that fails (a database that does not answer in time) is logged under `name`, never left as an
 * unhandled rejection, which would end the process.
 */
export function scheduleOnClock(clock: Clock, job: () => Promise<number>, everyMs: number, name: string): ClockJob {
  const logger = new Logger(name);
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const run = () => (running = running.catch(() => 0).then(() => (stopped ? 0 : job())));
  const runInBackground = () =>
    void run().catch((error: unknown) => {
      if (!stopped) logger.error(`${name} failed, tried again in ${everyMs / 1000} s or when the clock moves: ${(error as Error).message}`);
    });
  clock.onChange(runInBackground);
  const timer = setInterval(runInBackground, everyMs);
  runInBackground();
  return {
    run,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running.catch(() => 0);
    },
  };
}
