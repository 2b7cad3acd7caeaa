import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { callApi } from '../http-client';
import { keycloakToken } from '../keycloak-tokens';

// A service killed (SIGKILL: no shutdown hook, transactions and batches cut where they are) while programs are
// being registered, then started again: the consumer (strategic-pmo) and then the producer (program-pmo). Every
// registration answered 201 reaches strategic-pmo and project-pmo; a refusal is only ever a 503.
let services: DistributedServices;
let token: string;
const suffix = uniqueSuffix();
const prefix = `Crash ${suffix}`;

beforeAll(async () => {
  services = await startDistributedServices('crash', suffix);
  token = await keycloakToken('sam.strategic');
}, 300_000);

afterAll(async () => {
  await services?.stop();
}, 120_000);

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a service killed mid-traffic', () => {
  it('loses no registration it answered, in the service that took it nor in those that follow it', async () => {
    const accepted: string[] = [];
    const refusals: number[] = [];
    let running = true;
    const traffic = (async () => {
      for (let i = 0; running; i += 1) {
        const name = `${prefix} ${i}`;
        try {
          const answer = await callApi<{ id: string }>('POST', `${services.urls.program}/programs`, token, { name });
          if (answer.status === 201) accepted.push(answer.body.id);
          else refusals.push(answer.status);
        } catch {
          await sleep(200); // the service is down: its port refuses the connection, or the connection is cut
        }
        await sleep(50);
      }
    })();
    // Each kill comes after registrations were answered, and more are answered after the restarted producer is back.
    await eventually(async () => expect(accepted.length).toBeGreaterThan(3), 60_000, 100);
    await services.restart('strategic', 'SIGKILL');
    const beforeProducerKilled = await eventually(
      async () => {
        expect(accepted.length).toBeGreaterThan(6);
        return accepted.length;
      },
      60_000,
      100,
    );
    await services.restart('program', 'SIGKILL');
    await eventually(async () => expect(accepted.length).toBeGreaterThan(beforeProducerKilled + 3), 120_000, 100);
    running = false;
    await traffic;

    const ours = async (key: 'strategic' | 'project', sql: string) =>
      (await services.query<{ id: string }>(key, sql, [`${prefix} %`])).map((row) => row.id).sort();
    const expected = [...accepted].sort();
    await eventually(
      async () => {
        const inStrategic = await ours('strategic', 'SELECT program_id AS id FROM portfolio_programs WHERE name LIKE $1');
        const inProject = await ours('project', 'SELECT program_id AS id FROM known_programs WHERE name LIKE $1');
        // A registration whose answer was lost with its connection may have committed: it is there too, once.
        for (const found of [inStrategic, inProject]) {
          expect(found.filter((id) => !expected.includes(id)).length).toBeLessThanOrEqual(1);
          expect(expected.filter((id) => !found.includes(id))).toEqual([]);
        }
      },
      120_000,
      500,
    );
    const [program] = await services.query<{ n: string }>('program', 'SELECT count(*) AS n FROM programs WHERE name LIKE $1', [`${prefix} %`]);
    expect(Number(program.n) - accepted.length).toBeLessThanOrEqual(1);
    // While a service loads it answers 503 `starting`; nothing else is refused.
    expect(refusals.filter((status) => status !== 503)).toEqual([]);
  }, 300_000);
});
