import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Wakes in-process workers after a transaction that wrote something they process commits: the writer marks
 * its transaction, a TypeORM subscriber calls the workers of that data source once the commit is done (so
 * they never look too early), and no commit waits on PostgreSQL's NOTIFY queue lock (which serialised
 * commits and capped throughput).
 */
export class CommitWake {
  // Transactions (by their query runner) that wrote and have not ended yet.
  private readonly writers = new WeakSet<QueryRunner>();
  private readonly wakers = new WeakMap<DataSource, Set<() => void>>();

  /** Must be called with the manager of the writing transaction; its commit will wake the workers. */
  mark(manager: EntityManager): void {
    if (manager.queryRunner) this.writers.add(manager.queryRunner);
  }

  /** Calls `wake` after every commit of a marked transaction of `dataSource`; returns the unsubscribe function. */
  on(dataSource: DataSource, wake: () => void): () => void {
    let set = this.wakers.get(dataSource);
    if (!set) {
      const created = new Set<() => void>();
      set = created;
      this.wakers.set(dataSource, created);
      const writers = this.writers;
      const subscriber: EntitySubscriberInterface = {
        afterTransactionCommit(event: TransactionCommitEvent): void {
          if (writers.delete(event.queryRunner)) created.forEach((call) => call());
        },
        afterTransactionRollback(event: TransactionRollbackEvent): void {
          writers.delete(event.queryRunner);
        },
      };
      dataSource.subscribers.push(subscriber);
    }
    const wakers = set;
    wakers.add(wake);
    return () => wakers.delete(wake);
  }
}
