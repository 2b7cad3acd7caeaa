import type { ProgramPmoSchemas, StrategicPmoSchemas } from '@pmo/api-contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, jsonOf, pmoClients } from '../typed-clients';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

type Compliance = ProgramPmoSchemas['schemas']['ProgramComplianceResponse'] | StrategicPmoSchemas['schemas']['PortfolioComplianceResponse'];

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
  const admin = pmoClients(urls, tokens.admin);
  const platform = pmoClients(urls, tokens.platform);
  const clocks = [(now: string) => platform.strategic.PUT('/clock', { body: { now } }), (now: string) => platform.program.PUT('/clock', { body: { now } })];
  const codeOf = new Map<string, string>();
  const register = async (name: string) => {
    const { id, code } = dataOf(await admin.program.POST('/programs', { body: { name: `${name} ${suffix}`, tags: [tag] } }));
    codeOf.set(id, code);
    return id;
  };
  const programA = await register('Adoption program A');
  const programB = await register('Adoption program B');
  // Progress is given at registration (POST) or later (PATCH): program-pmo grandfathers on either.
  const project = async (programId: string, name: string, progress: { registered?: number; patched?: number } = {}) => {
    const created = await eventually(async () => {
      const answer = await admin.project.POST('/projects', {
        body: {
          programId,
          name,
          phase: 'execution',
          ...(progress.registered !== undefined && { percentComplete: progress.registered }),
        },
      });
      expect(answer.response.status).toBe(201);
      const registered = dataOf(answer);
      expect(registered.percentComplete).toBe(progress.registered ?? 0);
      codeOf.set(registered.id, registered.code);
      return registered.id;
    });
    if (progress.patched !== undefined) {
      expect(
        (await admin.project.PATCH('/projects/{projectId}', { params: { path: { projectId: created } }, body: { percentComplete: progress.patched } })).response
          .status,
      ).toBe(200);
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
    const listed = dataOf(await admin.program.GET('/programs/{programId}/projects', { params: { path: { programId: programA } } }));
    expect(listed.find((p) => p.projectId === a3)?.percentComplete).toBe(95);
    expect(listed.find((p) => p.projectId === a4)?.percentComplete).toBe(10);
  });

  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const standard = dataOf(
    await admin.strategic.POST('/standards', { body: { key: `status-cadence-${suffix}`, title: 'Status cadence', kind: 'standard', owner: 'PMO' } }),
  ).id;
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  // A requirement with leeway that is not the reporting cadence: this scenario is about decisions, not reports.
  const cadence = {
    id: 'RISK-REVIEW-DAYS',
    text: 'Review the risk register every 7 to 14 days',
    leeway: { kind: 'range' as const, min: 7, max: 14, unit: 'days' as const },
  };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId: standard } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: daysFrom(today, 30),
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [cadence],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion });
  const versionId = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion,
      body: {
        rollout: [
          { name: 'wave A', programIds: [programA], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 10) },
          { name: 'wave B', programIds: [programB], programTags: [], opensOn: daysFrom(today, 5), adoptionDeadline: daysFrom(today, 20) },
        ],
      },
    }),
  ).id;
  await eventually(async () => {
    const standards = dataOf(await admin.program.GET('/programs/{programId}/standards', { params: { path: { programId: programA } } }));
    expect(standards.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });

  const decide = (body: { projectIds: string[]; decision: 'adopt' | 'tailor' | 'grandfather'; choices?: Record<string, number> }) =>
    admin.program.POST('/programs/{programId}/adoptions', { params: { path: { programId: programA } }, body: { versionId, reason: 'scenario', ...body } });
  expect((await decide({ projectIds: [a1], decision: 'adopt' })).response.status).toBe(201);
  expect((await decide({ projectIds: [a2], decision: 'tailor', choices: { 'RISK-REVIEW-DAYS': 10 } })).response.status).toBe(201);
  const outside = await decide({ projectIds: [a2], decision: 'tailor', choices: { 'RISK-REVIEW-DAYS': 21 } });
  expect(outside.response.status).toBe(422);
  expect(outside.error?.message).toBe('RISK-REVIEW-DAYS allows 7 to 14 days; 21 is outside that leeway: a variance is needed');
  expect((await decide({ projectIds: [a3], decision: 'grandfather' })).response.status).toBe(201);
  const tooEarly = await decide({ projectIds: [a4], decision: 'grandfather' });
  expect(tooEarly.response.status).toBe(422);
  expect(tooEarly.error?.code).toBe('ADOPTION.GRANDFATHERING_REFUSED');
  // A version whose wave has not opened for the program (B's opens on day 5), or that the service does not know, is not in force.
  for (const [programId, projectId, version] of [
    [programB, b1, versionId],
    [programA, a4, randomUUID()],
  ]) {
    const notInForce = await admin.program.POST('/programs/{programId}/adoptions', {
      params: { path: { programId } },
      body: { versionId: version, projectIds: [projectId], decision: 'adopt', reason: 'scenario' },
    });
    expect(notInForce.response.status).toBe(422);
    expect(notInForce.error?.code).toBe('ADOPTION.VERSION_NOT_IN_FORCE');
  }

  // A decision sent again with its Idempotency-Key gets the first call's decisions back, not new ones; the same
  // key with another request is refused. (A1 adopted again: its state, which the checks below count, stays.)
  const keyedDecide = (projectIds: string[], idempotencyKey: string) =>
    admin.program.POST('/programs/{programId}/adoptions', {
      params: { path: { programId: programA }, header: { 'idempotency-key': idempotencyKey } },
      body: { versionId, reason: 'scenario', projectIds, decision: 'adopt' },
    });
  const historyOfA = async () => dataOf(await admin.program.GET('/programs/{programId}/adoptions', { params: { path: { programId: programA } } }));
  const before = (await historyOfA()).length;
  const first = await keyedDecide([a1], `adopt-${suffix}`);
  expect(first.response.status).toBe(201);
  const retried = await keyedDecide([a1], `adopt-${suffix}`);
  expect(retried.response.status).toBe(201);
  expect(dataOf(retried).map((d) => d.id)).toEqual(dataOf(first).map((d) => d.id));
  const reused = await keyedDecide([a1, a4], `adopt-${suffix}`);
  expect(reused.response.status).toBe(422);
  expect(reused.error?.code).toBe('REQUEST.IDEMPOTENCY_KEY_REUSED');
  expect((await historyOfA()).length).toBe(before + 1);

  const key = `status-cadence-${suffix}`;
  const programCompliance = async (programId: string, asOf?: string) =>
    jsonOf(await admin.program.GET('/programs/{programId}/compliance', { params: { path: { programId }, query: { standard: key, ...(asOf && { asOf }) } } }));
  const portfolio = async (asOf?: string) =>
    jsonOf(await admin.strategic.GET('/portfolio/compliance', { params: { query: { standard: key, ...(asOf && { asOf }) } } }));
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
      for (const setClock of clocks) {
        expect((await setClock(`${daysFrom(today, day)}T12:00:00Z`)).response.status).toBe(200);
      }
    };
    await moveClocks(6);
    const day6 = await portfolioEqualsPrograms({ [a1]: 'adopted', [a2]: 'tailored', [a3]: 'grandfathered', [a4]: 'pending', [b1]: 'pending' });

    // Day 21: both deadlines have passed without decisions for A4 and B1.
    await moveClocks(21);
    const day21 = await portfolioEqualsPrograms({ [a1]: 'adopted', [a2]: 'tailored', [a3]: 'grandfathered', [a4]: 'overdue', [b1]: 'overdue' });
    expect(day21.summary.byState?.overdue).toBe(2);
    // The scheduler announced each overdue project once (adoption.overdue), with a notice in its program.
    await eventually(async () => {
      const notices = async (programId: string) =>
        dataOf(await admin.program.GET('/programs/{programId}/overdue-notices', { params: { path: { programId } } })).map((n) => n.projectId);
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
    for (const setClock of clocks) await setClock(now);
  }
}
