import { benchFlagsFrom } from './options';

const FLAGS = {
  programs: { kind: 'integer', default: 200 },
  'linger-ms': { kind: 'integer', default: 5, least: 0 },
  connections: { kind: 'integers', default: [10, 50] },
  modes: { kind: 'names', default: ['kafka', 'in-process'], of: ['kafka', 'in-process'] },
  drop: { kind: 'switch' },
} as const;

describe('the benches’ flags', () => {
  it('takes every default when no flag is given', () => {
    expect(benchFlagsFrom([], FLAGS)).toEqual({ programs: 200, 'linger-ms': 5, connections: [10, 50], modes: ['kafka', 'in-process'], drop: false });
  });

  it('reads a value after each flag, or inline after =, and a switch alone, in any order', () => {
    expect(benchFlagsFrom(['--drop', '--connections', '1,2,3', '--programs=7', '--modes', 'in-process', '--linger-ms', '0'], FLAGS)).toEqual({
      programs: 7,
      'linger-ms': 0,
      connections: [1, 2, 3],
      modes: ['in-process'],
      drop: true,
    });
  });

  it.each([
    [['--programs', '0'], '--programs must be a positive integer, got 0'],
    [['--programs', '1.5'], '--programs must be a positive integer, got 1.5'],
    [['--programs'], '--programs must be a positive integer, got '],
    [['--linger-ms', '-1'], '--linger-ms must be an integer of at least 0, got -1'],
    [['--connections', '4,x'], '--connections must be positive integers separated by commas, got 4,x'],
    [['--modes', 'kafka,udp'], '--modes must be kafka and/or in-process separated by commas, got kafka,udp'],
    [['--drop=yes'], '--drop takes no value, got yes'],
    [['--users', '5'], 'unknown flag --users (known: --programs, --linger-ms, --connections, --modes, --drop)'],
    [['stray'], 'unexpected argument stray'],
  ])('refuses %j: %s', (argv, problem) => {
    expect(() => benchFlagsFrom(argv, FLAGS)).toThrow(`Invalid arguments: ${problem}`);
  });

  it('names every problem at once', () => {
    expect(() => benchFlagsFrom(['--programs', '-1', '--users', '5', '--drop=1'], FLAGS)).toThrow(
      'Invalid arguments: --programs must be a positive integer, got -1; unknown flag --users (known: --programs, --linger-ms, --connections, --modes, --drop); --drop takes no value, got 1',
    );
  });
});
