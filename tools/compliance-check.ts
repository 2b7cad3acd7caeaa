/**
 * Rebuilds a service's compliance read model from its stored history with the compliance function and compares it
 * with the stored intervals, interval by interval. Marks and reviews due by now are applied first, as the service
 * would.
 *   npm run compliance:check -- strategic-pmo        the service's database, from PMO_DB_* and <SERVICE>_DB_NAME
 *   npm run compliance:check -- program-pmo --database e2e_program_1a
 *   add --json for the report as JSON
 * Exit code 0: the model equals the rebuild; 1: it differs (the differences are listed); 2: bad arguments or no
 * connection. For the embedded mode, PMO_DB_PORT=54329.
 */
import { ComplianceModel, checkComplianceModel, type ComplianceModelConfig } from '@pmo/compliance-model';
import { createServiceDataSource, databaseSettingsFromEnv } from '@pmo/persistence';
import type { DataSource, DataSourceOptions } from 'typeorm';
import { programComplianceConfig, programComplianceEntities } from '../apps/program-pmo/src/compliance/program-compliance-config';
import { portfolioComplianceConfig, portfolioComplianceEntities } from '../apps/strategic-pmo/src/compliance/portfolio-compliance-config';

const MODELS: Record<string, { config: ComplianceModelConfig; entities: DataSourceOptions['entities'] }> = {
  'strategic-pmo': { config: portfolioComplianceConfig, entities: portfolioComplianceEntities },
  'program-pmo': { config: programComplianceConfig, entities: programComplianceEntities },
};
const USAGE = 'usage: npm run compliance:check -- strategic-pmo|program-pmo [--database <name>] [--json]';
const SHOWN = 20;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(args: string[]): { service: string; database?: string; json: boolean } {
  const [service, ...rest] = args;
  if (!service || !(service in MODELS)) fail(`unknown service ${service ?? '(none)'}; known: ${Object.keys(MODELS).join(', ')}`);
  const options: { service: string; database?: string; json: boolean } = { service, json: false };
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--json') options.json = true;
    else if (rest[i] === '--database' && rest[i + 1] && !rest[i + 1].startsWith('--')) options.database = rest[++i];
    else fail(`unknown or incomplete argument ${rest[i]}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const { config, entities } = MODELS[options.service];
  const settings = databaseSettingsFromEnv(options.service, process.env);
  const dataSource: DataSource = createServiceDataSource({ ...settings, database: options.database ?? settings.database, statementTimeoutMs: 0 }, entities, []);
  try {
    await dataSource.initialize();
  } catch (error) {
    fail(`cannot connect to ${options.database ?? settings.database}: ${(error as Error).message}`);
  }
  try {
    const now = new Date();
    const caughtUp = await new ComplianceModel(config).catchUp(dataSource, () => now);
    const check = await checkComplianceModel(dataSource.manager, config, now);
    const differs = check.onlyStored.length + check.onlyRebuilt.length + check.countsOff.length > 0;
    if (options.json) process.stdout.write(`${JSON.stringify({ ...check, caughtUp }, null, 2)}\n`);
    else {
      process.stdout.write(
        `${options.service}: ${check.projects} projects, ${check.intervals} intervals rebuilt (${caughtUp} projects caught up first): ${differs ? 'DIFFERS' : 'equal'}\n`,
      );
      for (const [what, keys] of [
        ['only stored', check.onlyStored],
        ['only rebuilt', check.onlyRebuilt],
        ['kept count off', check.countsOff],
      ] as const)
        for (const key of keys.slice(0, SHOWN)) process.stdout.write(`  ${what}: ${key}\n`);
    }
    return differs ? 1 : 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
