import { AsyncLocalStorage } from 'node:async_hooks';
import { GroupCommit } from './group-commit';

/** A write whose groups are recorded and which finishes only when the test says so. */
function controlledWrite(fail: (item: string) => boolean = () => false) {
  const groups: string[][] = [];
  const finish: (() => void)[] = [];
  const write = async (items: readonly string[]): Promise<string[]> => {
    groups.push([...items]);
    await new Promise<void>((resolve) => finish.push(resolve));
    const bad = items.find(fail);
    if (bad) throw new Error(`cannot write ${bad}`);
    return items.map((item) => item.toUpperCase());
  };
  const finishNext = async () => {
    while (finish.length === 0) await new Promise((resolve) => setImmediate(resolve));
    finish.shift()?.();
  };
  return { groups, write, finishNext };
}

describe('GroupCommit', () => {
  it('writes a call that finds no write running at once, alone', async () => {
    const { groups, write, finishNext } = controlledWrite();
    const commit = new GroupCommit(write);
    const result = commit.submit('a');
    expect(groups).toEqual([['a']]);
    await finishNext();
    await expect(result).resolves.toBe('A');
  });

  it('writes the calls that arrive during a write together in the next one, each getting its own result', async () => {
    const { groups, write, finishNext } = controlledWrite();
    const commit = new GroupCommit(write);
    const first = commit.submit('a');
    const waiting = ['b', 'c', 'd'].map((item) => commit.submit(item));
    await finishNext();
    await finishNext();
    expect(groups).toEqual([['a'], ['b', 'c', 'd']]);
    await expect(first).resolves.toBe('A');
    await expect(Promise.all(waiting)).resolves.toEqual(['B', 'C', 'D']);
  });

  it('writes no group larger than its limit', async () => {
    const { groups, write, finishNext } = controlledWrite();
    const commit = new GroupCommit(write, 2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((item) => commit.submit(item));
    for (let i = 0; i < 3; i++) await finishNext();
    await Promise.all(all);
    expect(groups).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('writes the items of a failed group alone, so only the bad one fails and with its own error', async () => {
    const { groups, write, finishNext } = controlledWrite((item) => item === 'bad');
    const commit = new GroupCommit(write);
    const first = commit.submit('a');
    const rest = ['b', 'bad', 'c'].map((item) => commit.submit(item).catch((error: Error) => error.message));
    for (let i = 0; i < 5; i++) await finishNext();
    await first;
    expect(groups).toEqual([['a'], ['b', 'bad', 'c'], ['b'], ['bad'], ['c']]);
    await expect(Promise.all(rest)).resolves.toEqual(['B', 'cannot write bad', 'C']);
  });

  it('goes on writing after a call alone has failed', async () => {
    const { write, finishNext } = controlledWrite((item) => item === 'bad');
    const commit = new GroupCommit(write);
    const bad = commit.submit('bad');
    await finishNext();
    await expect(bad).rejects.toThrow('cannot write bad');
    const good = commit.submit('good');
    await finishNext();
    await expect(good).resolves.toBe('GOOD');
  });

  it('writes outside the context of the call that started the write', async () => {
    const request = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const commit = new GroupCommit(async (items: readonly string[]) => {
      seen.push(request.getStore());
      return [...items];
    });
    await request.run('request-1', () => commit.submit('a'));
    expect(seen).toEqual([undefined]);
  });
});
