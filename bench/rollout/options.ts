import { httpBenchOptionsFrom, type HttpBenchOptions } from '../backbone/http/options';

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

const NUMBERS = { programs: 200, projects: 50, standards: 50 };
const MODES: readonly RolloutMode[] = ['kafka', 'in-process'];

/** Reads `--flag value` pairs; throws naming every bad flag. */
export function rolloutBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): RolloutBenchOptions {
  const numbers: Record<string, number> = { ...NUMBERS };
  let modes: RolloutMode[] = [...MODES];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    const value = argv[i + 1] ?? '';
    if (name === 'modes') {
      modes = value.split(',') as RolloutMode[];
      if (!modes.every((m) => MODES.includes(m))) problems.push(`--modes must be ${MODES.join(' and/or ')} separated by commas, got ${value}`);
    } else if (name in NUMBERS) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) problems.push(`--${name} must be a positive integer, got ${value}`);
      else numbers[name] = number;
    } else
      problems.push(
        `unknown flag ${argv[i]} (known: --modes, ${Object.keys(NUMBERS)
          .map((f) => `--${f}`)
          .join(', ')})`,
      );
  }
  if (problems.length) throw new Error(`Invalid arguments: ${problems.join('; ')}`);
  const size = `${numbers.programs}x${numbers.projects}x${numbers.standards}`;
  return {
    programs: numbers.programs,
    projects: numbers.projects,
    standards: numbers.standards,
    modes,
    // The same databases as `npm run bench:portfolio` of that size: one built portfolio serves both benches.
    portfolio: { ...httpBenchOptionsFrom([], env), suffix: `portfolio_${size}` },
  };
}
