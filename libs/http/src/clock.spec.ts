import { Logger } from '@nestjs/common';
import { Clock, ClockNotControllableError, scheduleOnClock } from './clock';

describe('Clock', () => {
  it('moves when controllable and tells its listeners', () => {
    const clock = new Clock(true);
    let told = 0;
    clock.onChange(() => (told += 1));
    clock.set(new Date('2020-01-01T00:00:00Z'));
    expect(clock.today()).toBe('2020-01-01');
    expect(told).toBe(1);
  });

  it('returns to the system clock when locked, and refuses to move from then on', () => {
    const clock = new Clock(true);
    let told = 0;
    clock.onChange(() => (told += 1));
    clock.set(new Date('2020-01-01T00:00:00Z'));
    clock.lock();
    expect(clock.controllable).toBe(false);
    // Within a minute of the system clock: no timing assert, only that the offset is gone.
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    expect(told).toBe(2);
    expect(() => clock.set(new Date('2020-01-01T00:00:00Z'))).toThrow(ClockNotControllableError);
  });

  it('never moves when started on the system clock', () => {
    expect(() => new Clock(false).set(new Date('2020-01-01T00:00:00Z'))).toThrow(ClockNotControllableError);
  });
});

describe('scheduleOnClock', () => {
  // A run in flight when the service stops would write through a pool that is closing ("Connection terminated").
  it('stops after the run in progress has ended, and starts none after, even when the clock moves', async () => {
    const clock = new Clock(true);
    const events: string[] = [];
    let finish: () => void = () => undefined;
    const job = scheduleOnClock(
      clock,
      async () => {
        events.push('start');
        await new Promise<void>((resolve) => (finish = resolve));
        events.push('end');
        return 1;
      },
      60_000,
      'test job',
    );
    await new Promise((resolve) => setImmediate(resolve));
    const stopped = job.stop().then(() => events.push('stopped'));
    clock.set(new Date('2030-01-01T00:00:00Z'));
    finish();
    await stopped;
    expect(await job.run()).toBe(0);
    expect(events).toEqual(['start', 'end', 'stopped']);
  });

  // An unhandled rejection ends a Node process: a database timeout in a background run must be caught and logged.
  it('logs a background run that fails and runs again when the clock moves', async () => {
    const clock = new Clock(true);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let runs = 0;
    const job = scheduleOnClock(
      clock,
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('timeout exceeded when trying to connect');
        return runs;
      },
      60_000,
      'test job',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(logged).toHaveBeenCalledWith(expect.stringContaining('test job failed, tried again in 60 s or when the clock moves: timeout exceeded'));
      clock.set(new Date('2030-01-01T00:00:00Z'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(runs).toBe(2);
    } finally {
      await job.stop();
      logged.mockRestore();
    }
  });
});
