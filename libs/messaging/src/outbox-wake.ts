import { CommitWake } from '@pmo/worker';

/** Transactions that wrote outbox rows wake the relays of their data source when they commit. */
export const outboxCommits = new CommitWake();
