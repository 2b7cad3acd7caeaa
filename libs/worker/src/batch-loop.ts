/** The slice of a pino logger the loop uses. */
export interface BatchLoopLogger {
  warn(fields: object, message: string): void;
}

export interface BatchLoopOptions {
  /** Works one batch; returns how many items it handled. */
  work: () => Promise<number>;
  /** A full batch means more may be waiting: the loop goes on at once. */
  batchSize: number;
  /** Safety net: work written by another process (a second replica, a script) is found by this poll. */
  pollIntervalMs: number;
  /**
   * Pause after a batch while wake-ups keep coming. Under load every commit wakes the loop: without a
   * pause it would spin one tiny batch (and one pool connection) per commit; a short linger, as Kafka
   * producers do, lets items gather into one batch and leaves the connections to the writers.
   */
  lingerMs: number;
  logger: BatchLoopLogger;
  /** Logged with a failed batch, e.g. 'outbox relay failed, retrying'. */
  failureMessage: string;
}

/**
 * A background loop that works in batches: woken by `notify()` (after a commit that wrote work for it),
 * it lingers while work keeps coming, sleeps until the next wake-up or poll otherwise, and retries after
 * a failed batch. The outbox relay and the audit sealer run on it.
 */
export class BatchLoop {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pending = false;

  constructor(private readonly options: BatchLoopOptions) {}

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.notify();
    await this.loop;
  }

  notify(): void {
    this.pending = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.pending = false;
      let handled = 0;
      try {
        handled = await this.options.work();
      } catch (error) {
        this.options.logger.warn({ err: error }, this.options.failureMessage);
        await this.sleep(this.options.pollIntervalMs);
        continue;
      }
      if (handled >= this.options.batchSize) continue;
      if (this.pending) await this.linger();
      else await this.sleep(this.options.pollIntervalMs);
    }
  }

  /** A short pause that wake-ups do not cut short (they only set `pending`). */
  private linger(): Promise<void> {
    this.wake = undefined;
    return new Promise((resolve) => setTimeout(resolve, this.options.lingerMs));
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
