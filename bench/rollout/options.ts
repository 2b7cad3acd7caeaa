import { httpBenchOptionsFrom, type HttpBenchOptions } from '../backbone/http/options';
import { benchFlagsFrom } from '../options';

export type RolloutMode = 'kafka' | 'in-process';

/** What one rollout bench run does, from `npm run bench:rollout -- --programs 200 --projects 50 ...`. */
export interface RolloutBenchOptions {
  /** The portfolio the standard is published to (built by `bench/portfolio`, or found from a previous run). */
  programs: number;
  projects: number;
  standards: number;
  /** The transports measured, in this order. */
  modes: RolloutMode[];
  /** The portfolio's servers and databases (`bench/portfolio`'s, by size). */
  portfolio: HttpBenchOptions;
}

const MODES: readonly RolloutMode[] = ['kafka', 'in-process'];
const FLAGS = {
  programs: { kind: 'integer', default: 200 },
  projects: { kind: 'integer', default: 50 },
  standards: { kind: 'integer', default: 50 },
  modes: { kind: 'names', default: MODES, of: MODES },
} as const;

/** Reads its flags with the benches' one parser; throws naming every bad flag. */
export function rolloutBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): RolloutBenchOptions {
  const { programs, projects, standards, modes } = benchFlagsFrom(argv, FLAGS);
  const size = `${programs}x${projects}x${standards}`;
  return {
    programs,
    projects,
    standards,
    modes,
    // The same databases as `npm run bench:portfolio` of that size: one built portfolio serves both benches.
    portfolio: { ...httpBenchOptionsFrom([], env), suffix: `portfolio_${size}` },
  };
}
