import { Clock, ClockNotControllableError } from './clock';

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
