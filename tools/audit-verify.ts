/**
 * Seals the entries committed so far into a service's audit hash chain (as the service's sealer would),
 * recomputes the chain and names the first broken link.
 *   npm run audit:verify -- --service program-pmo      the service's database, from PMO_DB_* and <SERVICE>_DB_NAME
 *   npm run audit:verify -- --database e2e_program_1a  another database on the same server
 *   add --json for the report as JSON
 * Connection settings come from the environment the services read (PMO_DB_HOST, PMO_DB_PORT, PMO_DB_USER,
 * PMO_DB_PASSWORD); for the embedded mode, PMO_DB_PORT=54329. Exit code 0: the chain holds; 1: it is
 * broken; 2: bad arguments or no connection.
 */
import { databaseSettingsFromEnv, sealAuditLog, verifyAuditChain, type AuditTransaction } from '@pmo/persistence';
import { Client } from 'pg';

const SERVICES = ['strategic-pmo', 'program-pmo', 'project-pmo'];
const USAGE = 'usage: npm run audit:verify -- (--service strategic-pmo|program-pmo|project-pmo | --database <name>) [--json]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function parse(args: string[]): { service?: string; database?: string; json: boolean } {
  const options: { service?: string; database?: string; json: boolean } = { json: false };
  for (let i = 0; i < args.length; i += 1) {
    const argument = args[i];
    if (argument === '--json') options.json = true;
    else if (argument === '--service' || argument === '--database') {
      const value = args[i + 1];
      if (!value || value.startsWith('--')) fail(`${argument} needs a value`);
      options[argument === '--service' ? 'service' : 'database'] = value;
      i += 1;
    } else fail(`unknown argument ${argument}`);
  }
  if (!options.service === !options.database) fail('give exactly one of --service and --database');
  if (options.service && !SERVICES.includes(options.service)) fail(`unknown service ${options.service}; known: ${SERVICES.join(', ')}`);
  return options;
}

function transactionOn(client: Client): AuditTransaction {
  return async (work) => {
    await client.query('BEGIN');
    try {
      const result = await work((sql, params) => client.query(sql, params).then((answer) => answer.rows));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  };
}

async function main(): Promise<number> {
  const options = parse(process.argv.slice(2));
  const settings = databaseSettingsFromEnv(options.service ?? 'strategic-pmo', process.env);
  const database = options.database ?? settings.database;
  const client = new Client({ host: settings.host, port: settings.port, user: settings.user, password: settings.password, database });
  try {
    await client.connect();
  } catch (error) {
    fail(`cannot connect to ${database} on ${settings.host}:${settings.port}: ${(error as Error).message}`);
  }
  try {
    const sealed = await sealAuditLog(transactionOn(client));
    const report = await verifyAuditChain((sql, params) => client.query(sql, params).then((result) => result.rows));
    const unsealed = report.pending ? `, ${report.pending} committed meanwhile and not sealed yet` : '';
    if (options.json) process.stdout.write(`${JSON.stringify({ database, sealed, ...report })}\n`);
    else if (report.ok)
      process.stdout.write(
        `${database}: audit chain holds, ${report.checked} entries (${sealed} sealed now${unsealed}), head seq ${report.headSeq ?? '-'} hash ${report.headHash ?? '-'}\n`,
      );
    else process.stdout.write(`${database}: audit chain BROKEN at seq ${report.firstBrokenSeq}: ${report.reason} (${report.checked} entries checked)\n`);
    return report.ok ? 0 : 1;
  } finally {
    await client.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`audit:verify failed: ${(error as Error).message}\n`);
    process.exit(2);
  },
);
