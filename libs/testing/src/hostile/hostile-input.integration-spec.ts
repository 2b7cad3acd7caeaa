import { randomUUID } from 'node:crypto';
import { ACCESS_RULES } from '../access/access-rules';
import { startDistributedServices, type DistributedServices, type ServiceKey } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { callApi } from '../http-client';
import { keycloakToken } from '../keycloak-tokens';
import { HOSTILE_CLASSES, type Operation, type OpenApiDocument } from './hostile-classes';

// Every operation of the three services' OpenAPI × every class of hostile input (README, "Input rules"): each
// answers a 4xx with the standard error body, naming the field and the rule, and nothing is stored.
type ServiceName = keyof typeof ACCESS_RULES;
const SERVICES: ServiceName[] = ['strategic-pmo', 'program-pmo', 'project-pmo'];
const suffix = uniqueSuffix();
let platform: DistributedServices;
const operations: Operation[] = [];
const tokens = new Map<string, string>();
const storedBefore = new Map<string, number>();
const cellsRun: number[] = [];

async function storedRows(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const service of SERVICES) {
    const key = service.replace('-pmo', '') as ServiceKey;
    for (const table of ['audit_log', 'outbox']) {
      const [row] = await platform.query<{ n: string }>(key, `SELECT count(*) AS n FROM ${table}`);
      counts.set(`${service} ${table}`, Number(row.n));
    }
  }
  return counts;
}

// The organisation-wide user who may call the operation, so that the answer is about the input, not a 403.
function callerOf(service: ServiceName, method: string, path: string): string | undefined {
  const rule = ACCESS_RULES[service][`${method} ${path}`];
  if (!rule || rule.roles === 'public') return undefined;
  const roles = rule.roles;
  return (
    [
      ['strategic-admin', 'sam.strategic'],
      ['platform-admin', 'pat.platform'],
      ['auditor', 'ada.auditor'],
    ] as const
  ).find(([role]) => roles.includes(role))?.[1];
}

beforeAll(async () => {
  platform = await startDistributedServices('hostile', suffix);
  for (const user of ['sam.strategic', 'pat.platform', 'ada.auditor']) tokens.set(user, await keycloakToken(user));
  for (const service of SERVICES) {
    const baseUrl = platform.urls[service.replace('-pmo', '') as ServiceKey];
    const document = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const caller = callerOf(service, method.toUpperCase(), path);
        operations.push({
          service,
          baseUrl,
          method: method.toUpperCase(),
          path,
          operation,
          document,
          token: caller ? tokens.get(caller) : undefined,
          fresh: randomUUID,
        });
      }
    }
  }
  storedBefore.clear();
  for (const [key, value] of await storedRows()) storedBefore.set(key, value);
}, 240_000);

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

describe('hostile input: every operation × every class', () => {
  it.each(HOSTILE_CLASSES.map((c) => [c.name, c] as const))(
    '<every operation> × %s answers a 4xx naming the field and the rule',
    async (name, hostileClass) => {
      const lines: string[] = [];
      const failures: string[] = [];
      let cells = 0;
      let requests = 0;
      for (const operation of operations) {
        if (!hostileClass.appliesTo(operation)) continue;
        cells += 1;
        const results = await hostileClass.run(operation);
        requests += results.length;
        const cell = `${operation.service} ${operation.method} ${operation.path} × ${name}`;
        const failed = results.filter((r) => r.failure);
        if (failed.length > 0) failures.push(...failed.map((r) => `${cell} [${r.label}]: ${r.failure}`));
        lines.push(`${failed.length > 0 ? '✗' : '✓'} ${cell}: ${[...new Set(results.map((r) => r.status))].join(',')}`);
      }
      cellsRun.push(cells);
      // eslint-disable-next-line no-console -- the table is the test's report
      console.log(`${name}: ${cells} operations, ${requests} requests, ${failures.length} failed\n${lines.join('\n')}`);
      expect(failures).toEqual([]);
    },
  );

  it('stored nothing: no audit entry and no outbox row in any service', async () => {
    // eslint-disable-next-line no-console -- the table's size
    console.log(
      `hostile input table: ${operations.length} operations × ${HOSTILE_CLASSES.length} classes, ${cellsRun.reduce((a, b) => a + b, 0)} applicable cells`,
    );
    expect(await storedRows()).toEqual(storedBefore);
  });

  // After the table's check of stored rows: the program and the project it creates leave their own entries.
  it('refuses null for each optional field of a PATCH on a project that exists, and leaves it as it was', async () => {
    const admin = tokens.get('sam.strategic') as string;
    const program = await callApi<{ id: string }>('POST', `${platform.urls.program}/programs`, admin, { name: `Hostile ${suffix}`, code: `hostile-${suffix}` });
    expect(program.status).toBe(201);
    const project = await eventually(async () => {
      const answer = await callApi<{ id: string }>('POST', `${platform.urls.project}/projects`, admin, { programId: program.body.id, name: 'Hostile target' });
      expect(answer.status).toBe(201);
      return answer.body;
    });
    const url = `${platform.urls.project}/projects/${project.id}`;
    const before = (await callApi('GET', url, admin)).body;
    for (const field of ['phase', 'percentComplete', 'tags', 'startDate', 'endDate']) {
      const answer = await callApi<{ code: string; message: string }>('PATCH', url, admin, { [field]: null });
      expect([answer.status, answer.body.code, answer.body.message]).toEqual([400, 'REQUEST.NULL_FIELD', `${field} must not be null: leave it out instead`]);
    }
    expect((await callApi('GET', url, admin)).body).toEqual(before);
  });
});
