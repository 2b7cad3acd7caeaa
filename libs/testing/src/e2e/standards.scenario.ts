import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface ScenarioTokens {
  /** strategic-admin */
  admin: string;
  /** platform-admin, to move the strategic PMO's clock */
  platform: string;
}

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function registerProgramWithProject(urls: ServiceUrls, token: string, name: string): Promise<{ programId: string; projectId: string }> {
  const api = pmoClients(urls, token);
  const program = await api.program.POST('/programs', { body: { name, tags: ['standards-scenario'] } });
  expect(program.response.status).toBe(201);
  const programId = dataOf(program).id;
  const project = await eventually(async () => {
    const answer = await api.project.POST('/projects', { body: { programId, name: `${name} delivery` } });
    expect(answer.response.status).toBe(201);
    return dataOf(answer);
  });
  return { programId, projectId: project.id };
}

/**
 * The standards scenario of issue 4 through the public APIs, with the typed clients of @pmo/api-contracts:
 * draft → review → publish in two waves; wave 1 opens at once for program A, wave 2 when the strategic
 * PMO's clock passes its date; program-pmo and project-pmo views follow; a published version is immutable;
 * retirement empties the views.
 */
export async function runStandardsScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const api = pmoClients(urls, tokens.admin);
  const platform = pmoClients(urls, tokens.platform);
  const a = await registerProgramWithProject(urls, tokens.admin, `Standards program A ${suffix}`);
  const b = await registerProgramWithProject(urls, tokens.admin, `Standards program B ${suffix}`);
  const clock = await api.strategic.GET('/clock');
  const today = dataOf(clock).now.slice(0, 10);

  const standard = await api.strategic.POST('/standards', {
    body: { key: `status-reporting-${suffix}`, title: 'Status reporting', kind: 'standard', owner: 'PMO Centre of Excellence', tags: ['reporting'] },
  });
  expect(standard.response.status).toBe(201);
  const standardId = dataOf(standard).id;
  const version = (v: string) => ({ path: { standardId, version: v } });
  const cadence = {
    id: 'STATUS-CADENCE',
    text: 'Submit a status report every 7 to 14 days',
    leeway: { kind: 'range' as const, min: 7, max: 14, unit: 'days' },
  };
  const draft = await api.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: daysFrom(today, 90),
      applicability: { scope: 'organisation' },
      requirements: [cadence],
      changeSummary: 'First version',
    },
  });
  expect(draft.response.status).toBe(201);
  expect(
    (await api.strategic.PATCH('/standards/{standardId}/versions/{version}', { params: version('1.0.0'), body: { changeSummary: 'First version, reviewed' } }))
      .response.status,
  ).toBe(200);
  expect((await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version('1.0.0') })).response.status).toBe(200);

  const editInReview = await api.strategic.PATCH('/standards/{standardId}/versions/{version}', {
    params: version('1.0.0'),
    body: { changeSummary: 'too late' },
  });
  expect(editInReview.response.status).toBe(409);
  expect(editInReview.error?.message).toBe('version 1.0.0 is in-review; only a draft can be changed');
  const retireTooEarly = await api.strategic.POST('/standards/{standardId}/versions/{version}/retire', { params: version('1.0.0'), body: { reason: 'x' } });
  expect(retireTooEarly.response.status).toBe(409);
  expect(retireTooEarly.error?.message).toBe('version 1.0.0 is in-review; allowed: draft, published');

  const rollout = [
    { name: 'wave 1', programIds: [a.programId], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 30) },
    { name: 'wave 2', programIds: [b.programId], programTags: [], opensOn: daysFrom(today, 30), adoptionDeadline: daysFrom(today, 60) },
  ];
  const published = await api.strategic.POST('/standards/{standardId}/versions/{version}/publish', { params: version('1.0.0'), body: { rollout } });
  expect(published.response.status).toBe(200);
  expect(dataOf(published).state).toBe('published');
  expect(
    (await api.strategic.PATCH('/standards/{standardId}/versions/{version}', { params: version('1.0.0'), body: { changeSummary: 'edit after publication' } }))
      .response.status,
  ).toBe(409);

  const viewOf = async (programId: string) => {
    const answer = await api.program.GET('/programs/{programId}/standards', { params: { path: { programId } } });
    expect(answer.response.status).toBe(200);
    return dataOf(answer).filter((s) => s.key === `status-reporting-${suffix}`);
  };
  const requirementsOf = async (projectId: string) => {
    const answer = await api.project.GET('/projects/{projectId}/requirements', { params: { path: { projectId } } });
    expect(answer.response.status).toBe(200);
    return dataOf(answer)
      .filter((r) => r.standardKey === `status-reporting-${suffix}`)
      .map((r) => `${r.requirementId}@${r.version}`);
  };

  // Wave 1 opens on publication; wave 2 waits for its date.
  await eventually(async () => {
    expect(await viewOf(a.programId)).toEqual([
      expect.objectContaining({
        version: '1.0.0',
        state: 'published',
        inForce: true,
        wave: expect.objectContaining({ name: 'wave 1', openedAt: expect.any(String) }),
      }),
    ]);
    expect(await viewOf(b.programId)).toEqual([
      expect.objectContaining({ version: '1.0.0', inForce: false, wave: expect.objectContaining({ name: 'wave 2', openedAt: null }) }),
    ]);
    expect(await requirementsOf(a.projectId)).toEqual(['STATUS-CADENCE@1.0.0']);
    expect(await requirementsOf(b.projectId)).toEqual([]);
  });

  // A smaller bump than the change (a requirement removed is major) is refused.
  expect(
    (
      await api.strategic.POST('/standards/{standardId}/versions', {
        params: { path: { standardId } },
        body: {
          version: '1.1.0',
          level: 'mandatory',
          effectiveDate: today,
          adoptionDeadline: daysFrom(today, 90),
          applicability: { scope: 'organisation' },
          requirements: [],
        },
      })
    ).response.status,
  ).toBe(201);
  expect((await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version('1.1.0') })).response.status).toBe(200);
  const tooSmall = await api.strategic.POST('/standards/{standardId}/versions/{version}/publish', { params: version('1.1.0'), body: { rollout } });
  expect(tooSmall.response.status).toBe(422);
  expect(tooSmall.error?.message).toMatch(/major/);

  // The clock passes wave 2's date.
  expect((await platform.strategic.PUT('/clock', { body: { now: `${daysFrom(today, 31)}T09:00:00Z` } })).response.status).toBe(200);
  await eventually(async () => {
    expect(await viewOf(b.programId)).toEqual([
      expect.objectContaining({ inForce: true, wave: expect.objectContaining({ name: 'wave 2', openedAt: expect.any(String) }) }),
    ]);
    expect(await requirementsOf(b.projectId)).toEqual(['STATUS-CADENCE@1.0.0']);
  });

  // Retired: it no longer applies anywhere.
  expect(
    (
      await api.strategic.POST('/standards/{standardId}/versions/{version}/retire', {
        params: version('1.0.0'),
        body: { reason: 'Replaced by the enterprise reporting standard' },
      })
    ).response.status,
  ).toBe(200);
  await eventually(async () => {
    expect(await viewOf(a.programId)).toEqual([expect.objectContaining({ state: 'retired', inForce: false })]);
    expect(await requirementsOf(a.projectId)).toEqual([]);
    expect(await requirementsOf(b.projectId)).toEqual([]);
  });
  expect((await platform.strategic.PUT('/clock', { body: { now: new Date().toISOString() } })).response.status).toBe(200);
}

/** Bad YAML gets 400 naming the line and column, and nothing is stored. */
export async function runBadPlaybookImport(urls: ServiceUrls, token: string): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const api = pmoClients(urls, token);
  const standard = dataOf(
    await api.strategic.POST('/standards', {
      body: { key: `lifecycle-${suffix}`, title: 'Migration life cycle', kind: 'methodology', owner: 'PMO Centre of Excellence' },
    }),
  ).id;
  const base = `${urls.strategic}/standards/${standard}/versions`;
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  const today = new Date().toISOString().slice(0, 10);
  expect(
    (
      await api.strategic.POST('/standards/{standardId}/versions', {
        params: { path: { standardId: standard } },
        body: {
          version: '1.0.0',
          level: 'recommended',
          effectiveDate: today,
          adoptionDeadline: today,
          applicability: { scope: 'organisation' },
          requirements: [],
        },
      })
    ).response.status,
  ).toBe(201);
  const bad = await fetch(`${base}/1.0.0/playbook?file=1.2-pmo.md`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
    body: '---\nphase: 1\nkeyTask: 2\nname: Establish PMO\nactivities:\n  - text: "Onboard the PMO lead\n    responsibleParty: customer\n---\n',
  });
  const body = (await bad.json()) as { code: string; message: string; details: { file: string; line: number; column: number }[] };
  expect(bad.status).toBe(400);
  expect(body.code).toBe('PLAYBOOK.INVALID_YAML');
  expect(body.details[0]).toEqual(expect.objectContaining({ file: '1.2-pmo.md', line: expect.any(Number), column: expect.any(Number) }));
  expect(body.message).toMatch(/1\.2-pmo\.md line \d+ column \d+/);
  const stored = dataOf(await api.strategic.GET('/standards/{standardId}/versions/{version}', { params: ofVersion }));
  expect(stored.body).toBeNull();
}
