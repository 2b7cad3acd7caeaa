import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, jsonOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface VarianceTokens {
  /** strategic-admin: publishes, reviews and decides */
  admin: string;
  /** program-manager: requests */
  programManager: string;
  /** The program manager's group is `program-<programCode>`: the scenario's program gets this code. */
  programCode: string;
  /** platform-admin: moves the clocks */
  platform: string;
}

/**
 * A variance end to end, with the typed clients of @pmo/api-contracts: a project needs one, its program
 * requests it (a retry with the same Idempotency-Key gives the first request back), the strategic PMO
 * reviews and approves it, and the project turns variance-approved in the program's and the portfolio's
 * compliance. Whoever requested a variance can never review or decide it. At its end date an approval
 * expires and the project reverts; a request left undecided past its due date is escalated.
 */
export async function runVarianceScenario(urls: ServiceUrls, tokens: VarianceTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `variance-${suffix}`;
  const admin = pmoClients(urls, tokens.admin);
  const manager = pmoClients(urls, tokens.programManager);
  const platform = pmoClients(urls, tokens.platform);
  const program = dataOf(await admin.program.POST('/programs', { body: { name: `Regulated program ${suffix}`, code: tokens.programCode, tags: [tag] } })).id;
  const inProgram = { path: { programId: program } };
  const registerProject = (name: string) =>
    eventually(async () => {
      const answer = await admin.project.POST('/projects', { body: { programId: program, name } });
      expect(answer.response.status).toBe(201);
      return dataOf(answer).id;
    });
  const project = await registerProject('Regulator-facing project');
  const otherProject = await registerProject('Second regulator-facing project');
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const key = `regulated-cadence-${suffix}`;
  const standard = dataOf(await admin.strategic.POST('/standards', { body: { key, title: 'Cadence', kind: 'standard', owner: 'PMO' } })).id;
  const ofStandard = { path: { standardId: standard } };
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: deadline,
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion });
  const versionId = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion,
      body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }] },
    }),
  ).id;
  await eventually(async () => {
    const standards = await admin.program.GET('/programs/{programId}/standards', { params: inProgram });
    expect(dataOf(standards).find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });

  const stateIn = async (service: 'program' | 'strategic') => {
    const compliance =
      service === 'program'
        ? await admin.program.GET('/programs/{programId}/compliance', { params: { ...inProgram, query: { standard: key } } })
        : await admin.strategic.GET('/portfolio/compliance', { params: { query: { standard: key } } });
    return jsonOf(compliance).rows.find((r) => r.projectId === project)?.state;
  };
  expect(
    (
      await manager.program.POST('/programs/{programId}/adoptions', {
        params: inProgram,
        body: { versionId, projectIds: [project], decision: 'variance-needed', reason: 'the regulator sets a monthly cadence' },
      })
    ).response.status,
  ).toBe(201);
  await eventually(async () => {
    expect(await stateIn('program')).toBe('variance-pending');
    expect(await stateIn('strategic')).toBe('variance-pending');
  });

  const request = {
    versionId,
    requirementIds: ['REVIEW-CADENCE'],
    projectIds: [project],
    justification: 'Monthly review required by the regulator',
    risk: { likelihood: 2, impact: 3 },
    compensatingControls: ['Fortnightly call with the sponsor'],
    expiresOn: deadline,
  };
  const idempotencyKey = `request-${suffix}`;
  const withKey = { ...inProgram, header: { 'idempotency-key': idempotencyKey } };
  const first = await manager.program.POST('/programs/{programId}/variances', { params: withKey, body: request });
  expect(first.response.status).toBe(201);
  const retry = await manager.program.POST('/programs/{programId}/variances', { params: withKey, body: request });
  expect(dataOf(retry).id).toBe(dataOf(first).id);
  // The key is the caller's retry token, not part of the request: never echoed, on the create or the reads.
  expect(dataOf(first)).not.toHaveProperty('idempotencyKey');
  const listed = dataOf(await admin.program.GET('/programs/{programId}/variances', { params: inProgram }));
  expect(listed).toHaveLength(1);
  expect(listed[0]).not.toHaveProperty('idempotencyKey');
  const tooLong = await manager.program.POST('/programs/{programId}/variances', {
    params: inProgram,
    body: { ...request, expiresOn: '2099-01-01' },
  });
  expect(tooLong.response.status).toBe(422);

  const firstId = dataOf(first).id;
  const theVariance = { path: { varianceId: firstId } };
  await eventually(async () => expect(dataOf(await admin.strategic.GET('/variances/{varianceId}', { params: theVariance })).state).toBe('submitted'));
  const noConditions = await admin.strategic.POST('/variances/{varianceId}/decide', {
    params: theVariance,
    body: { outcome: 'approved-with-conditions', reason: 'ok' },
  });
  expect(noConditions.response.status).toBe(400);
  const tooEarly = await admin.strategic.POST('/variances/{varianceId}/decide', { params: theVariance, body: { outcome: 'approved', reason: 'ok' } });
  expect(tooEarly.response.status).toBe(409);
  expect(tooEarly.error?.message).toBe('variance is submitted; allowed: under-review, rejected, withdrawn');
  expect((await admin.strategic.POST('/variances/{varianceId}/review', { params: theVariance })).response.status).toBe(200);
  expect(
    (
      await admin.strategic.POST('/variances/{varianceId}/decide', {
        params: theVariance,
        body: { outcome: 'approved', reason: 'Compensating controls are enough' },
      })
    ).response.status,
  ).toBe(200);
  await eventually(async () => {
    const requests = await admin.program.GET('/programs/{programId}/variances', { params: inProgram });
    expect(dataOf(requests)[0].state).toBe('approved');
    expect(await stateIn('program')).toBe('variance-approved');
    expect(await stateIn('strategic')).toBe('variance-approved');
  });

  // Separation of duties: the admin requests one himself, and may then neither review nor decide it.
  const own = await admin.program.POST('/programs/{programId}/variances', {
    params: inProgram,
    body: { ...request, projectIds: [otherProject], justification: 'Own request' },
  });
  expect(own.response.status).toBe(201);
  const ownVariance = { path: { varianceId: dataOf(own).id } };
  await eventually(async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: ownVariance })).response.status).toBe(200));
  const selfReview = await admin.strategic.POST('/variances/{varianceId}/review', { params: ownVariance });
  expect(selfReview.response.status).toBe(403);
  expect(selfReview.error?.code).toBe('VARIANCE.OWN_REQUEST');

  // A month on: the approval has ended (the project reverts, and its deadline has passed: overdue) and the
  // undecided request is past its decision due date (escalated once, flagged late).
  const moveClocks = async (now: string) => {
    for (const moveClock of [() => platform.strategic.PUT('/clock', { body: { now } }), () => platform.program.PUT('/clock', { body: { now } })])
      expect((await moveClock()).response.status).toBe(200);
  };
  try {
    await moveClocks(`${new Date(Date.parse(`${deadline}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`);
    await eventually(async () => {
      const requests = await admin.program.GET('/programs/{programId}/variances', { params: inProgram });
      expect(dataOf(requests).find((r) => r.id === firstId)?.state).toBe('expired');
      expect(await stateIn('program')).toBe('overdue');
      expect(await stateIn('strategic')).toBe('overdue');
      const cases = await admin.strategic.GET('/variances');
      expect(dataOf(cases).find((c) => c.id === ownVariance.path.varianceId)).toMatchObject({ late: true, escalatedAt: expect.any(String) });
    });
    // The queue filters on the server: by program, state, standard and the flags of the strategic clock.
    const ids = async (query: Record<string, string | boolean>) => dataOf(await admin.strategic.GET('/variances', { params: { query } })).map((c) => c.id);
    const ownId = ownVariance.path.varianceId;
    expect(await ids({ programId: program, late: true })).toEqual([ownId]);
    expect(await ids({ programId: program, late: false })).toEqual([firstId]);
    expect(await ids({ programId: program, state: 'expired' })).toEqual([firstId]);
    expect(await ids({ standardId: standard, needsReview: false })).toEqual([ownId, firstId]);
    expect(await ids({ standardId: standard, state: 'approved' })).toEqual([]);
    const badFilter = await admin.strategic.GET('/variances', { params: { query: { state: 'pending' as 'submitted', late: 'maybe' as unknown as boolean } } });
    expect(badFilter.response.status).toBe(400);
    expect(badFilter.error?.message).toContain('state must be equal to one of the allowed values');
    expect(badFilter.error?.message).toContain('late must be boolean');
  } finally {
    await moveClocks(new Date().toISOString());
  }
}
