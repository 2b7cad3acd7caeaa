import { Logger } from '@nestjs/common';
import type { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { ComplianceModel } from './compliance-model';
import type { ComplianceModelConfig } from './compliance-model-config';

/** The service's clock as the keeper needs it (the `Clock` of @pmo/http fits). */
export interface ModelClock {
  now(): Date;
  onChange(listener: () => void): void;
}

const CHECK_EVERY_MS = 60_000;
// setTimeout takes at most 2^31 - 1 ms; a review further away is met by a later timer.
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Keeps a service's compliance model current: in every transaction, before it commits, it recomputes what the
 * transaction's facts marked; on the clock (when it is moved, at the next review's instant, and every minute),
 * it applies due reviews and marks left by writes outside a transaction. Reads call `current()` first.
 */
export class ComplianceModelKeeper implements EntitySubscriberInterface {
  readonly model: ComplianceModel;
  private running: Promise<number> = Promise.resolve(0);
  private interval?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private stopped = true;
  private readonly logger = new Logger('ComplianceModel');
  private wanted = false;

  constructor(
    private readonly dataSource: DataSource,
    config: ComplianceModelConfig,
    private readonly clock: ModelClock,
  ) {
    this.model = new ComplianceModel(config);
  }

  /** Starts keeping: call once the migrations have created the model's tables. */
  start(): void {
    this.stopped = false;
    this.dataSource.subscribers.push(this);
    this.clock.onChange(() => this.runInBackground());
    this.interval = setInterval(() => this.runInBackground(), CHECK_EVERY_MS);
    this.runInBackground();
  }

  /** Stops keeping and waits for a run in progress, so that none is left using a closing connection pool. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.interval);
    clearTimeout(this.timer);
    const at = this.dataSource.subscribers.indexOf(this);
    if (at >= 0) this.dataSource.subscribers.splice(at, 1);
    await this.running.catch(() => 0);
  }

  /** TypeORM calls this in every transaction of the data source, before COMMIT: the model commits with the facts. */
  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (!event.manager) return;
    const { left } = await this.model.applyMarks(event.manager, this.clock.now());
    if (left > 0) this.wanted = true;
  }

  /** Marks a transaction left (too many projects for it) are applied at once after it commits. */
  afterTransactionCommit(): void {
    if (this.wanted) this.runInBackground();
  }

  /**
   * Waits for a catch-up in progress, and runs one when marks are left or reviews are due by `at` (now when not
   * given): reads see the writes and the clock's changes. A read of a past instant passes it: a review due
   * after it cannot change what it reads, a mark or an earlier review can.
   */
  async current(at?: Date): Promise<void> {
    // A read's instant asks first: a catch-up in progress leaves its marks and reviews visible until it commits, so
    // one that changes nothing the read sees (reviews after a past instant) is not waited for.
    if (at === undefined) await this.running;
    if (await this.model.isBehind(this.dataSource.manager, at ?? this.clock.now())) await this.run();
  }

  /** Applies due reviews and left marks, one run at a time; then sleeps until the next review. */
  run(): Promise<number> {
    this.running = this.running
      .catch(() => 0)
      .then(async () => {
        if (this.stopped) return 0;
        this.wanted = false;
        const refreshed = await this.model.catchUp(this.dataSource, () => this.clock.now());
        await this.wakeAtNextReview();
        return refreshed;
      });
    return this.running;
  }

  /** A run nobody awaits (clock, timer, after a commit): a failure is logged and the next run tries again. */
  private runInBackground(): void {
    this.run().catch((error: unknown) => {
      if (!this.stopped) this.logger.error(`compliance model catch-up failed: ${(error as Error).message}`, (error as Error).stack);
    });
  }

  private async wakeAtNextReview(): Promise<void> {
    clearTimeout(this.timer);
    const next = await this.model.nextReviewAt(this.dataSource.manager);
    if (!next || this.stopped) return;
    const wait = Math.min(Math.max(next.getTime() - this.clock.now().getTime(), 0), LONGEST_TIMER_MS);
    this.timer = setTimeout(() => this.runInBackground(), wait);
    this.timer.unref();
  }
}
