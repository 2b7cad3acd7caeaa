import { benchFlagsFrom } from '../../options';
import { BACKBONE_FLAGS, backboneOptionsOf, type BenchOptions } from '../options';

/** What one HTTP bench run does, from `npm run bench:backbone:http -- --rates 100,500 --seconds 20 ...`. */
export interface HttpBenchOptions extends BenchOptions {
  /** Registrations per second, one paced run each, in this order. */
  rates: number[];
  /** Length of each paced run. */
  seconds: number;
  relayBatchSize: number;
  relayLingerMs: number;
}

const HTTP_FLAGS = {
  ...BACKBONE_FLAGS,
  rates: { kind: 'integers', default: [100, 500] },
  seconds: { kind: 'integer', default: 20 },
  'relay-batch-size': { kind: 'integer', default: 500 },
  'relay-linger-ms': { kind: 'integer', default: 5, least: 0 },
} as const;

/** Reads its own flags and the backbone bench's (`--pool-size`) with the benches' one parser; throws naming every bad flag. */
export function httpBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): HttpBenchOptions {
  const flags = benchFlagsFrom(argv, HTTP_FLAGS);
  return {
    ...backboneOptionsOf(flags, env),
    rates: flags.rates,
    seconds: flags.seconds,
    relayBatchSize: flags['relay-batch-size'],
    relayLingerMs: flags['relay-linger-ms'],
  };
}
