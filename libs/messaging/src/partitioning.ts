import { createHash } from 'node:crypto';

/** The partition of a key: stable, so one aggregate's events always share a partition and stay ordered. */
export function partitionOf(key: string, partitions: number): number {
  return createHash('md5').update(key).digest().readUInt32BE(0) % partitions;
}
