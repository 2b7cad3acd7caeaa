import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

interface Rollup {
  total: number;
  compliant: number;
  byState: Record<string, number>;
}

interface Compliance {
  asOf: string;
  summary: Rollup;
  byProgram?: Record<string, Rollup>;
  rows: { projectId: string; state: string; standardKey: string; programCode: string; programName: string; projectCode: string; projectName: string }[];
}

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Issue 5's scenario: a standard published to two programs in two waves; program A adopts, tailors within
 * leeway (and fails outside it), grandfathers a project registered 95% complete (and cannot one updated to 10%); program B
 * misses its deadline and turns overdue. The portfolio equals the sum of the programs at every step,
 * and as-of answers reproduce earlier snapshots.
 */
export async function runAdoptionScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `adopt-${suffix}`;
  const post = <T>(url: string, body?: unknown) => callApi<T>('POST', url, tokens.admin, body);
  const codeOf = new Map<string, string>();
  const register = async (name: string) => {
    const { id, code } = (await post<{ id: string; code: string }>(`${urls.program}/programs`, { name: `${name} ${suffix}`, tags: [tag] })).body;
    codeOf.set(id, code);
    return id;
  };
  const programA = await register('Adoption program A');
  const programB = await register('Adoption program B');
  // Progress is given at registration (POST) or later (PATCH): program-pmo grandfathers on either.
  const project = async (programId: string, name: string, progress: { registered?: number; patched?: number } = {}) => {
    const created = await eventually(async () => {
      const answer = await post<{ id: string; code: string; percentComplete: number }>(`${urls.project}/projects`, {
        programId,
        name,
        phase: 'execution',
        ...(progress.registered !== undefined && { percentComplete: progress.registered }),
      });
      expect(answer.status).toBe(201);
      expect(answer.body.percentComplete).toBe(progress.registered ?? 0);
      codeOf.set(answer.body.id, answer.body.code);
      return answer.body.id;
    });
    if (progress.patched !== undefined) {
      expect((await callApi('PATCH', `${urls.project}/projects/${created}`, tokens.admin, { percentComplete: progress.patched })).status).toBe(200);
    }
    return created;
  };
  const [a1, a2, a3, a4] = [
    await project(programA, 'A1'),
    await project(programA, 'A2'),
    await project(programA, 'A3', { registered: 95 }),
    await project(programA, 'A4', { patched: 10 }),
  ];
  const b1 = await project(programB, 'B1');
  await eventually(async () => {
    const listed = await callApi<{ projectId: string; percentComplete: number }[]>('GET', `${urls.program}/programs/${programA}/projects`, tokens.admin);
    expect(listed.body.find((p) => p.projectId === a3)?.percentComplete).toBe(95);
    expect(listed.body.find((p) => p.projectId === a4)?.percentComplete).toBe(10);
  });

  const today = (await callApi<{ now: string }>('GET', `${urls.strategic}/clock`, tokens.admin)).body.now.slice(0, 10);
  const standard = await post<{ id: string }>(`${urls.strategic}/standards`, {
    key: `status-cadence-${suffix}`,
    title: 'Status cadence',
    kind: 'standard',
    owner: 'PMO',
  });
  const base = `${urls.strategic}/standards/${standard.body.id}/versions`;
  // A requirement with leeway that is not the reporting cadence: this scenario is about decisions, not reports.
  const cadence = { id: 'RISK-REVIEW-DAYS', text: 'Review the risk register every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } };
  await post(base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: daysFrom(today, 30),
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [cadence],
  });
  await post(`${base}/1.0.0/submit`);
  const published = await post<{ id: string }>(`${base}/1.0.0/publish`, {
    rollout: [
      { name: 'wave A', programIds: [programA], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 10) },
      { name: 'wave B', programIds: [programB], programTags: [], opensOn: daysFrom(today, 5), adoptionDeadline: daysFrom(today, 20) },
    ],
  });
  const versionId = published.body.id;
  await eventually(async () => {
    const standards = await callApi<{ versionId: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${programA}/standards`, tokens.admin);
    expect(standards.body.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });

  const decide = (body: object) =>
    post<{ message: string; code: string }>(`${urls.program}/programs/${programA}/adoptions`, { versionId, reason: 'scenario', ...body });
  expect((await decide({ projectIds: [a1], decision: 'adopt' })).status).toBe(201);
  expect((await decide({ projectIds: [a2], decision: 'tailor', choices: { 'RISK-REVIEW-DAYS': 10 } })).status).toBe(201);
  const outside = await decide({ projectIds: [a2], decision: 'tailor', choices: { 'RISK-REVIEW-DAYS': 21 } });
  expect(outside.status).toBe(422);
  expect(outside.body.message).toBe('RISK-REVIEW-DAYS allows 7 to 14 days; 21 is outside that leeway: a variance is needed');
  expect((await decide({ projectIds: [a3], decision: 'grandfather' })).status).toBe(201);
  const tooEarly = await decide({ projectIds: [a4], decision: 'grandfather' });
  expect(tooEarly.status).toBe(422);
  expect(tooEarly.body.code).toBe('ADOPTION.GRANDFATHERING_REFUSED');

  const key = `status-cadence-${suffix}`;
  const programCompliance = async (programId: string, asOf?: string) =>
    (await callApi<Compliance>('GET', `${urls.program}/programs/${programId}/compliance?standard=${key}${asOf ? `&asOf=${asOf}` : ''}`, tokens.admin)).body;
  const portfolio = async (asOf?: string) =>
    (await callApi<Compliance>('GET', `${urls.strategic}/portfolio/compliance?standard=${key}${asOf ? `&asOf=${asOf}` : ''}`, tokens.admin)).body;
  const statesOf = (c: Compliance) => Object.fromEntries(c.rows.map((r) => [r.projectId, r.state]));
  // The portfolio (strategic-pmo, from events) equals the sum of the programs' own views.
  const portfolioEqualsPrograms = async (expected: Record<string, string>) =>
    eventually(async () => {
      const [a, b, all] = await Promise.all([programCompliance(programA), programCompliance(programB), portfolio()]);
      expect({ ...statesOf(a), ...statesOf(b) }).toEqual(expected);
      expect(statesOf(all)).toEqual(expected);
      expect(all.summary.total).toBe(a.summary.total + b.summary.total);
      expect(all.summary.compliant).toBe(a.summary.compliant + b.summary.compliant);
      return all;
    });

  // Every clock moved here is put back, so a failure does not leak a future date into the next test.
  const checkDays = async (): Promise<void> => {
    const day0 = await portfolioEqualsPrograms({ [a1]: 'adopted', [a2]: 'tailored', [a3]: 'grandfathered', [a4]: 'pending' });

    // Day 6: wave B opens for program B.
    const moveClocks = async (day: number) => {
      for (const service of [urls.strategic, urls.program]) {
        expect((await callApi('PUT', `${service}/clock`, tokens.platform, { now: `${daysFrom(today, day)}T12:00:00Z` })).status).toBe(200);
      }
    };
    await moveClocks(6);
    const day6 = await portfolioEqualsPrograms({ [a1]: 'adopted', [a2]: 'tailored', [a3]: 'grandfathered', [a4]: 'pending', [b1]: 'pending' });

    // Day 21: both deadlines have passed without decisions for A4 and B1.
    await moveClocks(21);
    const day21 = await portfolioEqualsPrograms({ [a1]: 'adopted', [a2]: 'tailored', [a3]: 'grandfathered', [a4]: 'overdue', [b1]: 'overdue' });
    expect(day21.summary.byState.overdue).toBe(2);
    // The scheduler announced each overdue project once (adoption.overdue), with a notice in its program.
    await eventually(async () => {
      const notices = async (programId: string) =>
        (await callApi<{ projectId: string }[]>('GET', `${urls.program}/programs/${programId}/overdue-notices`, tokens.admin)).body.map((n) => n.projectId);
      expect(await notices(programA)).toEqual([a4]);
      expect(await notices(programB)).toEqual([b1]);
    });

    // As-of answers reproduce each day's snapshot, from the stored history.
    for (const snapshot of [day0, day6, day21]) {
      expect(statesOf(await portfolio(snapshot.asOf))).toEqual(statesOf(snapshot));
      const a = await programCompliance(programA, snapshot.asOf);
      expect(statesOf(a)).toEqual(Object.fromEntries(Object.entries(statesOf(snapshot)).filter(([id]) => [a1, a2, a3, a4].includes(id))));
    }

    const csv = await fetch(`${urls.strategic}/portfolio/compliance?standard=${key}&state=overdue&format=csv`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('programId,programCode,programName,projectId,projectCode,projectName,standardKey,version,adoptionDeadline,state');
    const labelled = (programId: string, programName: string, projectId: string, projectName: string) =>
      `${programId},${codeOf.get(programId)},${programName} ${suffix},${projectId},${codeOf.get(projectId)},${projectName}`;
    expect(lines.slice(1).sort()).toEqual(
      [
        `${labelled(programA, 'Adoption program A', a4, 'A4')},${key},1.0.0,${daysFrom(today, 10)},overdue`,
        `${labelled(programB, 'Adoption program B', b1, 'B1')},${key},1.0.0,${daysFrom(today, 20)},overdue`,
      ].sort(),
    );
    // The JSON rows carry the same labels, in the program's view and in the portfolio.
    const labelsOf = (c: Compliance) =>
      c.rows
        .filter((r) => r.projectId === a4)
        .map(({ programCode, programName, projectCode, projectName }) => ({ programCode, programName, projectCode, projectName }));
    const a4Labels = { programCode: codeOf.get(programA), programName: `Adoption program A ${suffix}`, projectCode: codeOf.get(a4), projectName: 'A4' };
    expect(labelsOf(await programCompliance(programA))).toEqual([a4Labels]);
    expect(labelsOf(await portfolio())).toEqual([a4Labels]);
  };

  try {
    await checkDays();
  } finally {
    const now = new Date().toISOString();
    for (const service of [urls.strategic, urls.program]) await callApi('PUT', `${service}/clock`, tokens.platform, { now });
  }
}
