import { latestVarianceExpiry } from '@pmo/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import type { PmoClients } from '@pmo/api-contracts';
import { dataOf, jsonOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface VarianceRenewalTokens {
  /** strategic-admin: catalog, decisions; asks for one renewal itself to meet separation of duties */
  admin: string;
  /** strategic-reviewer: reviews */
  reviewer: string;
  /** program-manager of `program-<programCode>`: requests and renewals */
  programManager: string;
  programCode: string;
  /** platform-admin: moves the clocks */
  platform: string;
  /** auditor: reads the audit logs */
  auditor: string;
}

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Renewal of approved variances (rule 9): a renewal past the standard's longest variance counted from the
 * first approval is refused naming the limit, a request not approved cannot be renewed; one within the
 * limit goes through review and decision at the strategic PMO while the approval keeps its own end date,
 * and once approved the new end date shows on both sides and compliance follows it past the old one. A
 * rejected renewal leaves its approval to expire as before; whoever asked for a renewal cannot review or
 * decide it; the audit log holds the first approval and the renewal decision.
 */
export async function runVarianceRenewalScenario(urls: ServiceUrls, tokens: VarianceRenewalTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `renewal-${suffix}`;
  const [admin, reviewer, pm, auditor, platform] = [tokens.admin, tokens.reviewer, tokens.programManager, tokens.auditor, tokens.platform].map((token) =>
    pmoClients(urls, token),
  );

  const program = dataOf(await admin.program.POST('/programs', { body: { name: `Renewals ${suffix}`, code: tokens.programCode, tags: [tag] } })).id;
  const inProgram = { path: { programId: program } };
  const registerProject = (name: string) =>
    eventually(async () => {
      const answer = await admin.project.POST('/projects', { body: { programId: program, name, phase: 'execution' } });
      expect(answer.response.status).toBe(201);
      return dataOf(answer).id;
    });
  const [p1, p2, p3] = [await registerProject('Renewed'), await registerProject('Renewal refused'), await registerProject('Renewal by the admin')];
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const deadline = day(today, 30);

  // A standard that allows variances of at most 6 months.
  const key = `renewal-${suffix}`;
  const standard = dataOf(
    await admin.strategic.POST('/standards', {
      body: { key, title: 'Renewal cadence', kind: 'standard', owner: 'PMO', variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: 5 } },
    }),
  ).id;
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId: standard } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: deadline,
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [{ id: 'RENEWAL-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
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
    const standards = dataOf(await pm.program.GET('/programs/{programId}/standards', { params: inProgram }));
    expect(standards.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });
  expect(
    (
      await pm.program.POST('/programs/{programId}/adoptions', {
        params: inProgram,
        body: { versionId, projectIds: [p1, p2, p3], decision: 'variance-needed', reason: 'the regulator sets a monthly cadence' },
      })
    ).response.status,
  ).toBe(201);

  const caseOf = (varianceId: string) => ({ path: { varianceId } });
  const inProgramOf = (varianceId: string) => ({ path: { programId: program, varianceId } });
  const caseSeenBy = (who: PmoClients, varianceId: string) => who.strategic.GET('/variances/{varianceId}', { params: caseOf(varianceId) });
  const requestSeenBy = (who: PmoClients, varianceId: string) =>
    who.program.GET('/programs/{programId}/variances/{varianceId}', { params: inProgramOf(varianceId) });
  const requestFor = (projectId: string) =>
    pm.program.POST('/programs/{programId}/variances', {
      params: inProgram,
      body: {
        versionId,
        requirementIds: ['RENEWAL-CADENCE'],
        projectIds: [projectId],
        justification: 'Monthly steering while the regulator reviews',
        risk: { likelihood: 2, impact: 2 },
        expiresOn: day(today, 30),
      },
    });
  const approve = async (id: string) => {
    await eventually(async () => expect((await caseSeenBy(admin, id)).response.status).toBe(200));
    expect((await reviewer.strategic.POST('/variances/{varianceId}/review', { params: caseOf(id) })).response.status).toBe(200);
    expect(
      (await admin.strategic.POST('/variances/{varianceId}/decide', { params: caseOf(id), body: { outcome: 'approved', reason: 'Monthly is enough for now' } }))
        .response.status,
    ).toBe(200);
    return eventually(async () => {
      const seen = dataOf(await requestSeenBy(pm, id));
      expect(seen.state).toBe('approved');
      return seen;
    });
  };
  const first = dataOf(await requestFor(p1));
  expect(first.renewals).toEqual([]);
  const [v1, v2, v3] = [first.id, dataOf(await requestFor(p2)).id, dataOf(await requestFor(p3)).id];

  // Not approved yet: nothing to renew.
  type Renewal = { expiresOn: string; justification: string };
  const renew = (who: PmoClients, id: string, body: Renewal) =>
    who.program.POST('/programs/{programId}/variances/{varianceId}/renewals', { params: inProgramOf(id), body });
  const reviewRenewal = (who: PmoClients, id: string) => who.strategic.POST('/variances/{varianceId}/renewal/review', { params: caseOf(id) });
  const decideRenewal = (who: PmoClients, id: string, body: { outcome: 'approved' | 'rejected'; reason: string }) =>
    who.strategic.POST('/variances/{varianceId}/renewal/decide', { params: caseOf(id), body });
  const early = await renew(pm, v1, { expiresOn: day(today, 60), justification: 'Too early' });
  expect(early.response.status).toBe(409);
  expect(early.error?.message).toBe('variance is submitted; only an approval in force (approved, approved-with-conditions) can be renewed');

  const approved = await approve(v1);
  await approve(v2);
  await approve(v3);
  const firstApprovedOn = (approved.decidedAt ?? '').slice(0, 10);
  const limit = latestVarianceExpiry(firstApprovedOn, 6);

  // Bad input is refused naming the field, and nothing is stored (the justification left out on purpose).
  const noJustification = await renew(pm, v1, { expiresOn: day(today, 60) } as Renewal);
  expect(noJustification.response.status).toBe(400);
  expect(noJustification.error?.message).toContain('justification');
  const badDate = await renew(pm, v1, { expiresOn: 'next spring', justification: 'x' });
  expect(badDate.response.status).toBe(400);
  expect(badDate.error?.message).toContain('expiresOn');
  // Past the limit counted from the first approval: 422 naming it.
  const tooLong = await renew(pm, v1, { expiresOn: day(limit, 1), justification: 'A long while' });
  expect(tooLong.response.status).toBe(422);
  expect(tooLong.error?.message).toBe(
    `expiresOn ${day(limit, 1)} is later than ${limit}: this standard allows a variance of at most 6 months from its first approval on ${firstApprovedOn}`,
  );
  const shorter = await renew(pm, v1, { expiresOn: day(today, 20), justification: 'Shorter' });
  expect(shorter.response.status).toBe(422);
  expect(shorter.error?.message).toBe(`expiresOn ${day(today, 20)} must be after the current end date ${day(today, 30)}`);
  expect(dataOf(await requestSeenBy(pm, v1)).renewals).toEqual([]);

  // Within the limit: submitted, and the approval stands with its own end date meanwhile.
  const renewed = await renew(pm, v1, { expiresOn: day(today, 120), justification: 'The regulator extended its review' });
  expect(renewed.response.status).toBe(201);
  expect(dataOf(renewed)).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
  expect(dataOf(renewed).renewals).toEqual([
    expect.objectContaining({ renewal: 1, expiresOn: day(today, 120), previousExpiresOn: day(today, 30), state: 'submitted' }),
  ]);
  const twice = await renew(pm, v1, { expiresOn: day(today, 100), justification: 'Again' });
  expect(twice.response.status).toBe(409);
  expect(twice.error?.message).toBe('variance already has a renewal waiting for its decision');
  const opened = await eventually(async () => {
    const seen = dataOf(await caseSeenBy(admin, v1));
    expect(seen.renewals).toHaveLength(1);
    return seen;
  });
  expect(opened).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
  expect(opened.renewals[0]).toMatchObject({ state: 'submitted', expiresOn: day(today, 120) });
  expect(opened.renewals[0].decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Review, then decision, like a first request.
  expect((await decideRenewal(admin, v1, { outcome: 'approved', reason: 'not reviewed yet' })).response.status).toBe(409);
  // An outcome a renewal does not have, sent on purpose.
  expect((await decideRenewal(admin, v1, { outcome: 'approved-with-conditions' as 'approved', reason: 'x' })).response.status).toBe(400);
  const underReview = await reviewRenewal(reviewer, v1);
  expect(underReview.response.status).toBe(200);
  expect(dataOf(underReview).renewals[0].state).toBe('under-review');
  const decided = await decideRenewal(admin, v1, { outcome: 'approved', reason: 'The controls held; one more quarter' });
  expect(decided.response.status).toBe(200);
  // The first decision stays; the renewal's is beside it; the end date moved.
  expect(dataOf(decided)).toMatchObject({ state: 'approved', expiresOn: day(today, 120), decisionReason: 'Monthly is enough for now' });
  expect(dataOf(decided).renewals[0]).toMatchObject({ state: 'approved', decisionReason: 'The controls held; one more quarter' });
  expect((await decideRenewal(admin, v1, { outcome: 'rejected', reason: 'again' })).response.status).toBe(409);
  await eventually(async () => {
    const seen = dataOf(await requestSeenBy(pm, v1));
    expect(seen).toMatchObject({ state: 'approved', expiresOn: day(today, 120), decisionReason: 'Monthly is enough for now' });
    expect(seen.renewals).toEqual([
      expect.objectContaining({ renewal: 1, state: 'approved', expiresOn: day(today, 120), decisionReason: 'The controls held; one more quarter' }),
    ]);
    const notices = dataOf(await pm.program.GET('/programs/{programId}/variance-notices', { params: inProgram }));
    expect(notices).toContainEqual(
      expect.objectContaining({
        varianceId: v1,
        kind: 'renewed',
        message: `renewal 1 approved: the variance now ends on ${day(today, 120)} (was ${day(today, 30)})`,
      }),
    );
  });

  // A rejected renewal leaves the approval to end on its own date.
  expect((await renew(pm, v2, { expiresOn: day(today, 90), justification: 'Another quarter' })).response.status).toBe(201);
  await eventually(async () => expect(dataOf(await caseSeenBy(admin, v2)).renewals).toHaveLength(1));
  expect((await reviewRenewal(reviewer, v2)).response.status).toBe(200);
  expect((await decideRenewal(admin, v2, { outcome: 'rejected', reason: 'Report monthly as the standard says' })).response.status).toBe(200);
  await eventually(async () => {
    const seen = dataOf(await requestSeenBy(pm, v2));
    expect(seen).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
    expect(seen.renewals[0]).toMatchObject({ state: 'rejected', decisionReason: 'Report monthly as the standard says' });
  });

  // Whoever asked for a renewal neither reviews nor decides it.
  expect((await renew(admin, v3, { expiresOn: day(today, 90), justification: 'Asked by the admin' })).response.status).toBe(201);
  await eventually(async () => expect(dataOf(await caseSeenBy(admin, v3)).renewals).toHaveLength(1));
  const ownReview = await reviewRenewal(admin, v3);
  expect(ownReview.response.status).toBe(403);
  expect(ownReview.error).toMatchObject({
    code: 'VARIANCE.OWN_REQUEST',
    message: `you asked for renewal 1 of variance ${v3}, so you cannot review or decide it`,
  });
  expect((await reviewRenewal(reviewer, v3)).response.status).toBe(200);
  expect((await decideRenewal(admin, v3, { outcome: 'approved', reason: 'mine' })).response.status).toBe(403);

  // The audit log keeps the first approval and the renewal decision.
  const ofV1 = { query: { entityType: 'variance', entityId: v1 } };
  const actions = jsonOf(await auditor.strategic.GET('/audit', { params: ofV1 })).entries.map((e) => e.action);
  expect(actions).toEqual(expect.arrayContaining(['variance.approved', 'variance.renewal-under-review', 'variance.renewal-approved']));
  const programActions = jsonOf(await auditor.program.GET('/audit', { params: ofV1 })).entries.map((e) => e.action);
  expect(programActions).toEqual(expect.arrayContaining(['variance.requested', 'variance.renewal-requested']));

  // Past the old end date: the renewed approval holds, the others expired; compliance follows `expiresOn`.
  const stateOf = (compliance: { rows: { projectId: string; standardKey: string; state: string }[] }, projectId: string) =>
    compliance.rows.find((r) => r.projectId === projectId && r.standardKey === key)?.state;
  const clockSetters = [
    (now: string) => platform.strategic.PUT('/clock', { body: { now } }),
    (now: string) => platform.program.PUT('/clock', { body: { now } }),
  ];
  const moveClocks = async (now: string) => {
    for (const setClock of clockSetters) expect((await setClock(now)).response.status).toBe(200);
  };
  try {
    await moveClocks(`${day(today, 60)}T09:00:00Z`);
    await eventually(async () => {
      expect(dataOf(await caseSeenBy(admin, v2)).state).toBe('expired');
      expect(dataOf(await caseSeenBy(admin, v3)).state).toBe('expired');
      expect(dataOf(await caseSeenBy(admin, v1)).state).toBe('approved');
      expect(dataOf(await requestSeenBy(pm, v2)).state).toBe('expired');
      const programRows = jsonOf(await pm.program.GET('/programs/{programId}/compliance', { params: inProgram }));
      const portfolioRows = jsonOf(await admin.strategic.GET('/portfolio/compliance'));
      expect([stateOf(programRows, p1), stateOf(portfolioRows, p1)]).toEqual(['variance-approved', 'variance-approved']);
      expect(stateOf(programRows, p2)).not.toBe('variance-approved');
      expect(stateOf(portfolioRows, p2)).not.toBe('variance-approved');
    });
    // An expired approval has nothing left to renew or decide.
    const expiredDecision = await decideRenewal(admin, v3, { outcome: 'approved', reason: 'late' });
    expect(expiredDecision.response.status).toBe(409);
    expect(expiredDecision.error?.message).toBe(`variance ${v3} is expired; a renewal is reviewed and decided only while the approval is in force`);
    const lateRenewal = await renew(pm, v2, { expiresOn: day(today, 90), justification: 'Too late' });
    expect(lateRenewal.response.status).toBe(409);
    expect(lateRenewal.error?.message).toBe('variance is expired; only an approval in force (approved, approved-with-conditions) can be renewed');
  } finally {
    await moveClocks(new Date().toISOString());
  }
}
