import { benchOptionsFrom, type BenchOptions } from '../options';

/** What one HTTP bench run does, from `npm run bench:backbone:http -- --rates 100,500 --seconds 20 ...`. */
export interface HttpBenchOptions extends BenchOptions {
  /** Registrations per second, one paced run each, in this order. */
  rates: number[];
  /** Length of each paced run. */
  seconds: number;
  relayBatchSize: number;
  relayLingerMs: number;
}

const DEFAULTS = { rates: [100, 500], seconds: 20, 'relay-batch-size': 500, 'relay-linger-ms': 5 };

/** Reads its own flags and hands the rest (`--pool-size`) to the backbone bench's parser; throws naming every bad flag. */
export function httpBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): HttpBenchOptions {
  const problems: string[] = [];
  const rest: string[] = [];
  let rates = DEFAULTS.rates;
  const numbers = { seconds: DEFAULTS.seconds, 'relay-batch-size': DEFAULTS['relay-batch-size'], 'relay-linger-ms': DEFAULTS['relay-linger-ms'] };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1] ?? '';
    if (name === 'rates') {
      rates = value.split(',').map(Number);
      if (!rates.every((rate) => Number.isInteger(rate) && rate > 0)) problems.push(`--rates must be positive integers separated by commas, got ${value}`);
    } else if (name in numbers) {
      const number = Number(value);
      const least = name === 'relay-linger-ms' ? 0 : 1;
      if (!Number.isInteger(number) || number < least) problems.push(`--${name} must be an integer of at least ${least}, got ${value}`);
      else numbers[name as keyof typeof numbers] = number;
    } else rest.push(argv[i], value);
  }
  if (problems.length) throw new Error(`Invalid arguments: ${problems.join('; ')}`);
  return {
    ...benchOptionsFrom(rest, env),
    rates,
    seconds: numbers.seconds,
    relayBatchSize: numbers['relay-batch-size'],
    relayLingerMs: numbers['relay-linger-ms'],
  };
}
