import { httpBenchOptionsFrom, type HttpBenchOptions } from '../backbone/http/options';

/** What one portfolio bench run does, from `npm run bench:portfolio -- --programs 200 --projects 50 ...`. */
export interface PortfolioBenchOptions {
  /** Size of the portfolio: programs × projects per program × published standards rows. */
  programs: number;
  projects: number;
  standards: number;
  /** Concurrent clients of each load run, one run per level. */
  connections: number[];
  /** Length of each load run. */
  seconds: number;
  /** The paced rate at which p99 is compared with the aim (requests per second). */
  pacedRate: number;
  /** Drop the built databases at the end instead of keeping them for the next run of the same size. */
  drop: boolean;
  /** Build (or find) the portfolio and stop: no load runs. */
  buildOnly: boolean;
  services: HttpBenchOptions;
}

const NUMBERS = { programs: 200, projects: 50, standards: 50, seconds: 10, 'paced-rate': 200 };

/** Reads `--flag value` pairs (`--drop` alone); throws naming every bad flag. */
export function portfolioBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): PortfolioBenchOptions {
  const numbers: Record<string, number> = { ...NUMBERS };
  let connections = [10, 50];
  let drop = false;
  let buildOnly = false;
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const name = argv[i].replace(/^--/, '');
    if (name === 'drop' || name === 'build-only') {
      if (name === 'drop') drop = true;
      else buildOnly = true;
      continue;
    }
    const value = argv[(i += 1)] ?? '';
    if (name === 'connections') {
      connections = value.split(',').map(Number);
      if (!connections.every((c) => Number.isInteger(c) && c > 0)) problems.push(`--connections must be positive integers separated by commas, got ${value}`);
    } else if (name in NUMBERS) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 1) problems.push(`--${name} must be a positive integer, got ${value}`);
      else numbers[name] = number;
    } else
      problems.push(
        `unknown flag ${argv[i - 1]} (known: --connections, --drop, --build-only, ${Object.keys(NUMBERS)
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
    connections,
    seconds: numbers.seconds,
    pacedRate: numbers['paced-rate'],
    drop,
    buildOnly,
    // The databases are named by the size, so a second run of the same size finds the first one's portfolio.
    services: { ...httpBenchOptionsFrom([], env), suffix: `portfolio_${size}` },
  };
}
