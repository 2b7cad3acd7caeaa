import { startDistributedServices, type DistributedServices, type ServiceKey } from '../distributed-services';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken } from '../keycloak-tokens';
import { dataOf, pmoClients } from '../typed-clients';

// Two processes of each service on one database and one consumer group, as an orchestrator runs replicas:
// requests land on either, the group splits the partitions between them, and every clock-driven scheduler
// runs in both at the same moment. Nothing may happen twice.
const REPLICAS = 2;
const PROGRAMS = 24;
const IN_FLIGHT = 8;

let services: DistributedServices;
let tokens: { admin: string; platform: string; manager: string };
const suffix = uniqueSuffix();
const tag = `replicas-${suffix}`;
const programCode = `pm-rep-${suffix}`;

const daysFrom = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** The typed clients of one replica of each service (replica i of each). */
const replica = (i: number, token: string) =>
  pmoClients(
    {
      strategic: services.replicaUrls.strategic[i % REPLICAS],
      program: services.replicaUrls.program[i % REPLICAS],
      project: services.replicaUrls.project[i % REPLICAS],
    },
    token,
  );

beforeAll(async () => {
  services = await startDistributedServices('replicas', suffix, { replicas: REPLICAS });
  tokens = {
    admin: await keycloakToken('sam.strategic'),
    platform: await keycloakToken('pat.platform'),
    manager: await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]),
  };
}, 300_000);

afterAll(async () => {
  if (tokens) await moveEveryClock(new Date().toISOString()).catch(() => undefined);
  await services?.stop();
}, 120_000);

async function moveEveryClock(now: string): Promise<void> {
  const moves = (['strategic', 'program', 'project'] as ServiceKey[]).flatMap((service) =>
    services.replicaUrls[service].map((url) =>
      fetch(`${url}/clock`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${tokens.platform}`, 'content-type': 'application/json' },
        body: JSON.stringify({ now }),
      }),
    ),
  );
  // All at once: the schedulers of both replicas wake together and race for the same work.
  for (const answer of await Promise.all(moves)) expect(answer.status).toBe(200);
}

describe('two replicas of each service on Kafka', () => {
  it('under load applies every event once, opens every wave once and sends every notice once', async () => {
    const admin = replica(0, tokens.admin);
    const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);

    // Load: programs registered through both program-pmo replicas, a project each through both project-pmo replicas.
    const programIds: string[] = [];
    const projectIds: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let i = next++; i < PROGRAMS; i = next++) {
          const api = replica(i, tokens.admin);
          const program = await api.program.POST('/programs', {
            body: { name: `Replicated program ${i} ${suffix}`, tags: [tag, i % 2 ? `${tag}-b` : `${tag}-a`] },
          });
          expect(program.response.status).toBe(201);
          programIds.push(dataOf(program).id);
          const project = await eventually(async () => {
            const answer = await api.project.POST('/projects', { body: { programId: dataOf(program).id, name: `Replicated project ${i}` } });
            expect(answer.response.status).toBe(201);
            return dataOf(answer).id;
          }, 60_000);
          projectIds.push(project);
        }
      }),
    );

    // The variance program, managed by its own program manager, with two projects.
    const varianceProgram = dataOf(await admin.program.POST('/programs', { body: { name: `Variance program ${suffix}`, code: programCode, tags: [tag] } })).id;
    const [approvedProject, lateProject] = await Promise.all(
      ['Approved variance project', 'Late variance project'].map((name, i) =>
        eventually(async () => {
          const answer = await replica(i, tokens.admin).project.POST('/projects', { body: { programId: varianceProgram, name } });
          expect(answer.response.status).toBe(201);
          return dataOf(answer).id;
        }, 60_000),
      ),
    );

    // A mandatory standard published in two waves: wave a now, wave b in ten days; deadline in twenty.
    const key = `replicated-cadence-${suffix}`;
    const standardId = dataOf(await admin.strategic.POST('/standards', { body: { key, title: 'Cadence', kind: 'standard', owner: 'PMO' } })).id;
    const ofVersion = { path: { standardId, version: '1.0.0' } };
    const deadline = daysFrom(today, 20);
    expect(
      (
        await admin.strategic.POST('/standards/{standardId}/versions', {
          params: { path: { standardId } },
          body: {
            version: '1.0.0',
            level: 'mandatory',
            effectiveDate: today,
            adoptionDeadline: deadline,
            applicability: { scope: 'tags', tags: [tag] },
            requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
          },
        })
      ).response.status,
    ).toBe(201);
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion });
    const published = await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion,
      body: {
        rollout: [
          { name: 'wave-a', programIds: [varianceProgram], programTags: [`${tag}-a`], opensOn: today, adoptionDeadline: deadline },
          { name: 'wave-b', programIds: [], programTags: [`${tag}-b`], opensOn: daysFrom(today, 10), adoptionDeadline: deadline },
        ],
      },
    });
    expect(published.response.status).toBe(200);
    const versionId = dataOf(published).id;
    const inVarianceProgram = { path: { programId: varianceProgram } };
    await eventually(async () => {
      const standards = await admin.program.GET('/programs/{programId}/standards', { params: inVarianceProgram });
      expect(dataOf(standards).find((s) => s.versionId === versionId)?.inForce).toBe(true);
    }, 60_000);

    // One variance approved until the deadline (it expires on the clock), one request left undecided (escalated on the clock).
    const manager = replica(1, tokens.manager);
    // program-pmo hears of the projects and of the version on two topics, in either order: 422 until both arrived.
    await eventually(async () => {
      expect(
        (
          await manager.program.POST('/programs/{programId}/adoptions', {
            params: inVarianceProgram,
            body: { versionId, projectIds: [approvedProject, lateProject], decision: 'variance-needed', reason: 'the regulator sets a monthly cadence' },
          })
        ).response.status,
      ).toBe(201);
    }, 60_000);
    const request = (projectId: string) => ({
      versionId,
      requirementIds: ['REVIEW-CADENCE'],
      projectIds: [projectId],
      justification: 'Monthly review required by the regulator',
      risk: { likelihood: 2, impact: 3 },
      compensatingControls: ['Fortnightly call with the sponsor'],
      expiresOn: deadline,
    });
    const withoutKey = inVarianceProgram;
    const approved = dataOf(await manager.program.POST('/programs/{programId}/variances', { params: withoutKey, body: request(approvedProject) })).id;
    const late = dataOf(await manager.program.POST('/programs/{programId}/variances', { params: withoutKey, body: request(lateProject) })).id;
    const theApproved = { path: { varianceId: approved } };
    await eventually(async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: theApproved })).response.status).toBe(200), 60_000);
    expect((await admin.strategic.POST('/variances/{varianceId}/review', { params: theApproved })).response.status).toBe(200);
    expect(
      (
        await replica(1, tokens.admin).strategic.POST('/variances/{varianceId}/decide', {
          params: theApproved,
          body: { outcome: 'approved', reason: 'Controls suffice' },
        })
      ).response.status,
    ).toBe(200);
    await eventually(
      async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: { path: { varianceId: late } } })).response.status).toBe(200),
      60_000,
    );

    // A month on, on every replica at once: wave b opens, the approval expires, the late request is escalated,
    // and every project of the standard without a decision is overdue.
    await moveEveryClock(`${daysFrom(deadline, 12)}T09:00:00Z`);

    const count = async (service: ServiceKey, sql: string, params: unknown[]) => (await services.query<{ n: number }>(service, sql, params))[0].n;
    const eventsOfType = (type: string, field: string, value: string) =>
      count('strategic', `SELECT count(*)::int AS n FROM outbox WHERE event_type = $1 AND value::jsonb->>'${field}' = $2`, [type, value]);
    await eventually(
      async () => {
        expect(await count('program', `SELECT count(*)::int AS n FROM variance_notices WHERE variance_id = $1 AND kind = 'expired'`, [approved])).toBe(1);
        expect(await count('program', `SELECT count(*)::int AS n FROM variance_notices WHERE variance_id = $1 AND kind = 'escalated'`, [late])).toBe(1);
        expect(await count('program', `SELECT count(*)::int AS n FROM wave_openings_view WHERE version_id = $1`, [versionId])).toBe(2);
        expect(await count('program', `SELECT count(*)::int AS n FROM overdue_notices WHERE version_id = $1`, [versionId])).toBeGreaterThanOrEqual(PROGRAMS);
      },
      120_000,
      500,
    );
    // Give a second replica's scheduler time to have done it again, had it been able to.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    // Every wave opened once.
    expect(await count('strategic', `SELECT count(*)::int AS n FROM wave_openings WHERE version_id = $1`, [versionId])).toBe(2);
    expect(await eventsOfType('pmo.rollout.wave-opened.v1', 'versionId', versionId)).toBe(2);
    // The clock-driven expiry and escalation happened once, and each sent one notice.
    expect(await eventsOfType('pmo.variance.expired.v1', 'varianceId', approved)).toBe(1);
    expect(await eventsOfType('pmo.variance.escalated.v1', 'varianceId', late)).toBe(1);
    expect(await count('program', `SELECT count(*)::int AS n FROM variance_notices WHERE variance_id = ANY($1::uuid[])`, [[approved, late]])).toBe(2);
    // One overdue notice and one event per overdue project, none twice.
    const notices = await count('program', `SELECT count(*)::int AS n FROM overdue_notices WHERE version_id = $1`, [versionId]);
    expect(notices).toBeGreaterThanOrEqual(PROGRAMS);
    expect(
      await count('program', `SELECT count(*)::int AS n FROM outbox WHERE event_type = 'pmo.adoption.overdue.v1' AND value::jsonb->>'versionId' = $1`, [
        versionId,
      ]),
    ).toBe(notices);
    expect(
      await count(
        'program',
        `SELECT count(*)::int AS n FROM (SELECT value::jsonb->>'projectId' FROM outbox WHERE event_type = 'pmo.adoption.overdue.v1' AND value::jsonb->>'versionId' = $1
           GROUP BY 1 HAVING count(*) > 1) twice`,
        [versionId],
      ),
    ).toBe(0);

    // Every event applied once: each registration reached strategic-pmo's inbox and read model, nothing is left unsent.
    const registered = await services.query<{ event_id: string }>('program', `SELECT event_id::text FROM outbox WHERE message_key = ANY($1::text[])`, [
      [...programIds, varianceProgram],
    ]);
    expect(registered.length).toBeGreaterThanOrEqual(PROGRAMS + 1);
    await eventually(async () => {
      expect(await count('strategic', `SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::text[])`, [registered.map((e) => e.event_id)])).toBe(
        registered.length,
      );
      expect(
        await count('strategic', `SELECT count(*)::int AS n FROM portfolio_programs WHERE program_id = ANY($1::uuid[])`, [[...programIds, varianceProgram]]),
      ).toBe(PROGRAMS + 1);
      expect(await count('strategic', `SELECT count(*)::int AS n FROM portfolio_projects WHERE project_id = ANY($1::uuid[])`, [projectIds])).toBe(PROGRAMS);
    }, 60_000);
    for (const service of ['strategic', 'program', 'project'] as ServiceKey[]) {
      expect(await count(service, `SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL`, [])).toBe(0);
    }
  }, 600_000);
});
