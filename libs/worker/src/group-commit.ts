import { AsyncResource } from 'node:async_hooks';

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one kind of write. A call that finds no write running is written at once, alone; calls
 * that arrive while a write runs wait and are written together in the next one, so under load N concurrent
 * calls cost one transaction of multi-row statements instead of N transactions.
 *
 * `write` must be all or nothing (one transaction) and return one result per item, in order. When a group
 * fails, each of its items is written again alone, so every caller gets the outcome, value or error, that it
 * would have had without the grouping (a duplicate name fails its own call only).
 */
export class GroupCommit<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private writing = false;
  // Writes run in the context this was made in, not in the first caller's request (its trace, its request id):
  // a group belongs to no single request, so callers stage what must carry theirs before submitting.
  private readonly drainOutsideCallers = AsyncResource.bind(() => this.drain());

  constructor(
    private readonly write: (items: readonly T[]) => Promise<R[]>,
    private readonly maxGroup = 200,
  ) {}

  /** Resolves once the item is committed, with its result; rejects with the error of writing it alone. */
  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (!this.writing) void this.drainOutsideCallers();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) await this.writeGroup(this.waiting.splice(0, this.maxGroup));
    } finally {
      this.writing = false;
    }
  }

  private async writeGroup(group: readonly Waiting<T, R>[]): Promise<void> {
    if (group.length > 1) {
      try {
        const results = await this.write(group.map((waiting) => waiting.item));
        group.forEach((waiting, index) => waiting.resolve(results[index]));
        return;
      } catch {
        // Nothing of the group was committed; the items are written alone below to find whose error it was.
      }
    }
    for (const waiting of group) {
      try {
        const [result] = await this.write([waiting.item]);
        waiting.resolve(result);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }
}
