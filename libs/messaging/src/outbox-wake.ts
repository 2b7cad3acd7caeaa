import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

// Transactions (by their query runner) that added outbox rows and have not ended yet.
const writers = new WeakSet<QueryRunner>();
const wakers = new WeakMap<DataSource, Set<() => void>>();

/** Wakes the relays of a data source when a transaction that wrote to its outbox commits. */
class OutboxCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (writers.delete(event.queryRunner)) wakers.get(event.connection)?.forEach((wake) => wake());
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    writers.delete(event.queryRunner);
  }
}

/** Must be called with the manager of the writing transaction; its commit will wake the relay. */
export function markOutboxWrite(manager: EntityManager): void {
  if (manager.queryRunner) writers.add(manager.queryRunner);
}

/**
 * Calls `wake` after every commit of a transaction that wrote outbox rows through `dataSource`. In-process
 * and after the commit, so the relay never looks too early, and no commit waits on PostgreSQL's
 * NOTIFY queue lock (which serialised commits and capped throughput). Returns the unsubscribe function.
 */
export function onOutboxCommit(dataSource: DataSource, wake: () => void): () => void {
  let set = wakers.get(dataSource);
  if (!set) {
    set = new Set();
    wakers.set(dataSource, set);
    dataSource.subscribers.push(new OutboxCommitSubscriber());
  }
  set.add(wake);
  return () => set.delete(wake);
}
