import { partitionOf } from './partitioning';

describe('partitionOf', () => {
  it('gives one key the same partition every time', () => {
    expect(new Set(Array.from({ length: 20 }, () => partitionOf('program-42', 6))).size).toBe(1);
  });

  it('stays inside the partition count and spreads keys over all partitions', () => {
    const used = new Set(Array.from({ length: 600 }, (_, i) => partitionOf(`key-${i}`, 6)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
