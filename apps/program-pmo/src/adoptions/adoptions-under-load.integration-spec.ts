import { eventually, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { startProgramPmo } from '../bootstrap';

// program-pmo alone with a pool of 5 connections: fewer than the requests in flight, as under real load.
let service: ServiceAlone;
let token: string;
let programId: string;
const projectIds = Array.from({ length: 10 }, () => randomUUID());
const versionId = randomUUID();

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { code?: string; message?: string };
}

async function call(method: string, path: string, body?: unknown): Promise<Answer> {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

function adopt(projects: string[]): Promise<Answer> {
  return call('POST', `/programs/${programId}/adoptions`, { versionId, projectIds: projects, decision: 'adopt', reason: 'as published' });
}

async function decisionsStored(): Promise<number> {
  const [{ count }] = (await service.dataSource.query(`SELECT count(*)::int AS count FROM adoption_decisions WHERE program_id = $1`, [programId])) as [
    { count: number },
  ];
  return count;
}

beforeAll(async () => {
  service = await startServiceAlone('program-pmo', `program_pmo_pool_${uniqueSuffix()}`, startProgramPmo, { PMO_DB_POOL_SIZE: '5' });
  token = await keycloakToken('sam.strategic');
  const registered = await call('POST', '/programs', { name: `Load ${uniqueSuffix()}`, tags: ['finance'] });
  expect(registered.status).toBe(201);
  programId = (registered.body as { id: string }).id;
  for (const [i, projectId] of projectIds.entries()) {
    await service.publish('pmo.project.registered.v1', {
      projectId,
      programId,
      name: `Project ${i}`,
      phase: 'execution',
      tags: [],
      registeredAt: new Date().toISOString(),
    });
  }
  const standardId = randomUUID();
  const wave = { name: 'wave 1', programIds: [programId], programTags: [], opensOn: '2026-01-01', adoptionDeadline: '2027-12-31' };
  await service.publish('pmo.standard.version-published.v1', {
    standardId,
    key: `load-${uniqueSuffix()}`,
    title: 'Status reporting',
    kind: 'standard',
    level: 'mandatory',
    versionId,
    version: '1.0.0',
    effectiveDate: '2026-01-01',
    adoptionDeadline: '2027-12-31',
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report status every 7 to 14 days' }],
    rollout: [wave],
    publishedAt: new Date().toISOString(),
  });
  await service.publish('pmo.rollout.wave-opened.v1', {
    standardId,
    versionId,
    version: '1.0.0',
    waveName: wave.name,
    programIds: wave.programIds,
    programTags: [],
    opensOn: wave.opensOn,
    adoptionDeadline: wave.adoptionDeadline,
    openedAt: new Date().toISOString(),
  });
  await eventually(async () => {
    const standards = await call('GET', `/programs/${programId}/standards`);
    expect(standards.body).toEqual(expect.arrayContaining([expect.objectContaining({ versionId, inForce: true })]));
    const projects = await call('GET', `/programs/${programId}/projects`);
    expect(projects.body).toHaveLength(projectIds.length);
  });
});

afterAll(async () => {
  await service?.stop();
});

describe('program-pmo under load', () => {
  it('finishes 50 concurrent bulk adoptions on a pool of 5, and serves HTTP and events afterwards', async () => {
    const before = await decisionsStored();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => adopt([projectIds[i % 10], projectIds[(i + 1) % 10], projectIds[(i + 2) % 10]])));
    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status === 503);
    // Each call is all or nothing: a 201 stored its three decisions, a 503 stored none and says when to retry.
    expect(created.length + busy.length).toBe(50);
    for (const answer of busy) expect(answer).toMatchObject({ retryAfter: expect.stringMatching(/^\d+$/), body: { code: 'SERVICE.BUSY' } });
    expect(await decisionsStored()).toBe(before + created.length * 3);
    // No transaction waits on a second connection any more: the pool is busy but never deadlocked.
    expect(created.length).toBe(50);

    expect((await adopt([projectIds[0]])).status).toBe(201);
    const lateProject = randomUUID();
    await service.publish('pmo.project.registered.v1', {
      projectId: lateProject,
      programId,
      name: 'Late project',
      phase: 'planning',
      tags: [],
      registeredAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect((await call('GET', `/programs/${programId}/projects`)).body).toEqual(
        expect.arrayContaining([expect.objectContaining({ projectId: lateProject })]),
      ),
    );
  });

  it('answers 503 with Retry-After while every pooled connection is taken, and serves again once they are back', async () => {
    const held: QueryRunner[] = [];
    try {
      // Take the whole pool (5) from behind the API, as five stuck transactions would.
      for (let i = 0; i < 5; i++) {
        const runner = service.dataSource.createQueryRunner();
        await runner.connect();
        held.push(runner);
      }
      const answer = await call('GET', `/programs/${programId}/adoptions`);
      expect(answer).toMatchObject({ status: 503, retryAfter: '1', body: { code: 'SERVICE.BUSY', message: 'the service is busy; retry in 1 s' } });
    } finally {
      for (const runner of held) await runner.release();
    }
    expect((await call('GET', `/programs/${programId}/adoptions`)).status).toBe(200);
  });

  it('runs its connections with a statement timeout and an idle-in-transaction timeout', async () => {
    const [statement] = (await service.dataSource.query(`SHOW statement_timeout`)) as { statement_timeout: string }[];
    const [idle] = (await service.dataSource.query(`SHOW idle_in_transaction_session_timeout`)) as { idle_in_transaction_session_timeout: string }[];
    expect(statement.statement_timeout).toBe('30s');
    expect(idle.idle_in_transaction_session_timeout).toBe('1min');
  });
});
