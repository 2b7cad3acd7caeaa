import { httpBenchOptionsFrom, type HttpBenchOptions } from '../backbone/http/options';
import { benchFlagsFrom } from '../options';

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
  /** Run the services from the compiled tree (`nx build`), as the images do, instead of through the TypeScript loader. */
  built: boolean;
  services: HttpBenchOptions;
}

const FLAGS = {
  programs: { kind: 'integer', default: 200 },
  projects: { kind: 'integer', default: 50 },
  standards: { kind: 'integer', default: 50 },
  connections: { kind: 'integers', default: [10, 50] },
  seconds: { kind: 'integer', default: 10 },
  'paced-rate': { kind: 'integer', default: 200 },
  drop: { kind: 'switch' },
  'build-only': { kind: 'switch' },
  built: { kind: 'switch' },
} as const;

/** Reads its flags with the benches' one parser (`--drop`, `--build-only` and `--built` alone); throws naming every bad flag. */
export function portfolioBenchOptionsFrom(argv: readonly string[], env: NodeJS.ProcessEnv): PortfolioBenchOptions {
  const flags = benchFlagsFrom(argv, FLAGS);
  const size = `${flags.programs}x${flags.projects}x${flags.standards}`;
  return {
    programs: flags.programs,
    projects: flags.projects,
    standards: flags.standards,
    connections: flags.connections,
    seconds: flags.seconds,
    pacedRate: flags['paced-rate'],
    drop: flags.drop,
    buildOnly: flags['build-only'],
    built: flags.built,
    // The databases are named by the size, so a second run of the same size finds the first one's portfolio.
    services: { ...httpBenchOptionsFrom([], env), suffix: `portfolio_${size}` },
  };
}
