import { BatchLoop } from './batch-loop';

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(condition()).toBe(true);
};

describe('BatchLoop', () => {
  const logger = { warn: jest.fn() };
  const options = { batchSize: 2, pollIntervalMs: 60_000, lingerMs: 1, logger, failureMessage: 'failed, retrying' };

  it('works once at start, then sleeps until notified instead of polling', async () => {
    let runs = 0;
    const loop = new BatchLoop({ ...options, work: async () => (runs++, 0) });
    loop.start();
    await until(() => runs === 1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(1);
    loop.notify();
    await until(() => runs === 2);
    await loop.stop();
  });

  it('goes on at once after a full batch, until a batch is not full', async () => {
    const batches = [2, 2, 1];
    let runs = 0;
    const loop = new BatchLoop({ ...options, work: async () => batches[runs++] ?? 0 });
    loop.start();
    await until(() => runs === 3);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(runs).toBe(3);
    await loop.stop();
  });

  it('logs a failed batch and works again when woken', async () => {
    let runs = 0;
    const loop = new BatchLoop({
      ...options,
      work: async () => {
        runs++;
        if (runs === 1) throw new Error('database away');
        return 0;
      },
    });
    loop.start();
    await until(() => logger.warn.mock.calls.length === 1);
    expect(logger.warn).toHaveBeenCalledWith({ err: expect.any(Error) }, 'failed, retrying');
    loop.notify();
    await until(() => runs === 2);
    await loop.stop();
  });
});
