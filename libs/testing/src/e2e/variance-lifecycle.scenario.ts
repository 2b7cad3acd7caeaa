import { decisionDueOn } from '@pmo/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface VarianceLifecycleTokens {
  /** strategic-admin: catalog, decisions */
  admin: string;
  /** strategic-reviewer: reviews, conditions, confirmations */
  reviewer: string;
  /** program-manager: requests, forwards, withdraws, revises */
  programManager: string;
  /** project-manager: proposes */
  projectManager: string;
  /** The managers' groups are `program-<programCode>` and `project-<projectCode>`: the scenario's program and first project get these codes. */
  programCode: string;
  projectCode: string;
  /** platform-admin: moves the clocks */
  platform: string;
}

interface Rows {
  summary: { percentCompliant: number; total: number };
  rows: { projectId: string; standardKey: string; state: string }[];
}

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The variance loop past the first approval: a standard's own variance policy; a project PMO's proposals
 * (idempotent), one rejected by the program with a reason and one forwarded; the impact of approving it,
 * equal to the compliance observed after; conditions tracked to done, an undone one flagging the approval
 * and its project when overdue; withdrawal by the requester only; a rejected request revised as a new
 * version; an approval whose ground changes (the project's phase, a new major version) flagged for review,
 * confirmed once and then revoked; and the program's notices of all of it.
 */
export async function runVarianceLifecycleScenario(urls: ServiceUrls, tokens: VarianceLifecycleTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `lifecycle-${suffix}`;
  const as =
    (token: string) =>
    <T>(method: string, url: string, body?: unknown, headers?: Record<string, string>) =>
      callApi<T>(method, url, token, body, headers);
  const [admin, reviewer, pm, project] = [as(tokens.admin), as(tokens.reviewer), as(tokens.programManager), as(tokens.projectManager)];

  const program = (
    await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Variance lifecycle ${suffix}`, code: tokens.programCode, tags: [tag] })
  ).body.id;
  const registerProject = (name: string, code?: string) =>
    eventually(async () => {
      const answer = await admin<{ id: string }>('POST', `${urls.project}/projects`, { programId: program, name, code, phase: 'execution' });
      expect(answer.status).toBe(201);
      return answer.body.id;
    });
  const [p1, p2, p3] = [
    await registerProject('Ledger cut-over', tokens.projectCode),
    await registerProject('Payments interface'),
    await registerProject('Archive'),
  ];
  const today = (await admin<{ now: string }>('GET', `${urls.strategic}/clock`)).body.now.slice(0, 10);
  const deadline = day(today, 30);

  // A standard that allows variances of at most 6 months, decided within 5 business days.
  const key = `lifecycle-${suffix}`;
  const created = await admin<{ id: string; variancePolicy: unknown }>('POST', `${urls.strategic}/standards`, {
    key,
    title: 'Steering cadence',
    kind: 'standard',
    owner: 'PMO',
    variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: 5 },
  });
  expect(created.body.variancePolicy).toEqual({ longestVarianceMonths: 6, decisionSlaBusinessDays: 5 });
  const badPolicy = await admin<{ message: string }>('PUT', `${urls.strategic}/standards/${created.body.id}/variance-policy`, {
    longestVarianceMonths: 0,
    decisionSlaBusinessDays: 5,
  });
  expect(badPolicy.status).toBe(400);
  expect(badPolicy.body.message).toContain('longestVarianceMonths');
  const base = `${urls.strategic}/standards/${created.body.id}/versions`;
  const requirement = { id: 'STEERING-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } };
  await admin('POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: deadline,
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [requirement],
  });
  await admin('POST', `${base}/1.0.0/submit`);
  const versionId = (
    await admin<{ id: string }>('POST', `${base}/1.0.0/publish`, {
      rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }],
    })
  ).body.id;
  await eventually(async () => {
    const requirements = await project<{ versionId: string }[]>('GET', `${urls.project}/projects/${p1}/requirements`);
    expect(requirements.body.map((r) => r.versionId)).toContain(versionId);
  });
  // program-pmo learns of the projects and of the version on two topics, in either order: it decides
  // adoptions only for projects it knows under a version it holds in force.
  await eventually(async () => {
    const rows = (await pm<Rows>('GET', `${urls.program}/programs/${program}/compliance?standard=${key}`)).body.rows;
    expect(rows.map((r) => r.projectId).sort()).toEqual([p1, p2, p3].sort());
  });
  expect(
    (
      await pm('POST', `${urls.program}/programs/${program}/adoptions`, {
        versionId,
        projectIds: [p1, p2],
        decision: 'variance-needed',
        reason: 'the regulator sets a monthly cadence',
      })
    ).status,
  ).toBe(201);
  expect(
    (await pm('POST', `${urls.program}/programs/${program}/adoptions`, { versionId, projectIds: [p3], decision: 'adopt', reason: 'as published' })).status,
  ).toBe(201);

  // The project PMO proposes; a retry with the same key gives the first proposal back.
  const proposal = {
    versionId,
    requirementIds: ['STEERING-CADENCE'],
    justification: 'The regulator reviews monthly',
    risk: { likelihood: 2, impact: 3 },
    compensatingControls: ['Fortnightly sponsor call'],
    expiresOn: day(today, 90),
  };
  const proposed = await project<{ id: string; state: string }>('POST', `${urls.project}/projects/${p1}/variance-proposals`, proposal, {
    'idempotency-key': `proposal-${suffix}`,
  });
  expect(proposed.status).toBe(201);
  expect(
    (await project<{ id: string }>('POST', `${urls.project}/projects/${p1}/variance-proposals`, proposal, { 'idempotency-key': `proposal-${suffix}` })).body.id,
  ).toBe(proposed.body.id);
  const unknownRequirement = await project<{ message: string }>('POST', `${urls.project}/projects/${p1}/variance-proposals`, {
    ...proposal,
    requirementIds: ['NO-SUCH'],
  });
  expect(unknownRequirement.status).toBe(422);
  const secondProposal = await project<{ id: string }>('POST', `${urls.project}/projects/${p1}/variance-proposals`, {
    ...proposal,
    justification: 'Quarterly would suit us better',
    expiresOn: day(today, 60),
  });
  await eventually(async () => {
    const proposals = await pm<{ id: string; state: string }[]>('GET', `${urls.program}/programs/${program}/variance-proposals`);
    expect(proposals.body.map((p) => p.id).sort()).toEqual([proposed.body.id, secondProposal.body.id].sort());
  });
  const proposalsUrl = `${urls.program}/programs/${program}/variance-proposals`;
  const noReason = await pm<{ message: string }>('POST', `${proposalsUrl}/${secondProposal.body.id}/reject`, {});
  expect(noReason.status).toBe(400);
  expect(noReason.body.message).toContain('reason');
  expect((await pm('POST', `${proposalsUrl}/${secondProposal.body.id}/reject`, { reason: 'Quarterly is too far apart' })).status).toBe(200);
  expect((await pm('POST', `${proposalsUrl}/${secondProposal.body.id}/forward`)).status).toBe(409);
  expect((await pm('POST', `${proposalsUrl}/${randomUUID()}/forward`)).status).toBe(404);
  const forwarded = await pm<{ id: string; proposalId: string }>('POST', `${proposalsUrl}/${proposed.body.id}/forward`);
  expect(forwarded.status).toBe(201);
  expect(forwarded.body.proposalId).toBe(proposed.body.id);
  const varianceId = forwarded.body.id;
  await eventually(async () => {
    const seen = await project<{ id: string; state: string; answerReason: string | null; varianceId: string | null }[]>(
      'GET',
      `${urls.project}/projects/${p1}/variance-proposals`,
    );
    expect(seen.body.find((p) => p.id === secondProposal.body.id)).toMatchObject({ state: 'rejected', answerReason: 'Quarterly is too far apart' });
    expect(seen.body.find((p) => p.id === proposed.body.id)).toMatchObject({ state: 'forwarded', varianceId });
  });

  // The standard's own limit and SLA.
  const request = {
    versionId,
    requirementIds: ['STEERING-CADENCE'],
    projectIds: [p2],
    justification: 'Monthly steering for the interface',
    risk: { likelihood: 3, impact: 4 },
    compensatingControls: ['Weekly interface stand-up'],
    expiresOn: day(today, 200),
  };
  const tooLong = await pm<{ message: string }>('POST', `${urls.program}/programs/${program}/variances`, request);
  expect(tooLong.status).toBe(422);
  expect(tooLong.body.message).toContain('at most 6 months');
  const stateOf = (compliance: Rows, projectId: string) => compliance.rows.find((r) => r.projectId === projectId && r.standardKey === key)?.state;
  const caseUrl = (id: string) => `${urls.strategic}/variances/${id}`;
  const opened = await eventually(async () => {
    const answer = await admin<{ state: string; decisionDueOn: string; submittedAt: string; proposalId: string }>('GET', caseUrl(varianceId));
    expect(answer.status).toBe(200);
    return answer.body;
  });
  expect(opened.decisionDueOn).toBe(decisionDueOn(new Date(opened.submittedAt), 5));
  expect(opened.proposalId).toBe(proposed.body.id);

  // Impact before the decision, then the decision, then the compliance it predicted.
  const compliance = async () => ({
    program: (await admin<Rows>('GET', `${urls.program}/programs/${program}/compliance`)).body,
    portfolio: (await admin<Rows>('GET', `${urls.strategic}/portfolio/compliance`)).body,
  });
  await eventually(async () => {
    const observed = await compliance();
    expect([stateOf(observed.program, p1), stateOf(observed.portfolio, p1)]).toEqual(['variance-pending', 'variance-pending']);
  });
  const impact = await reviewer<{
    changes: { projectId: string; before: string; after: string }[];
    program: { compliantBefore: number; compliantAfter: number; percentBefore: number; percentAfter: number };
    portfolio: { compliantBefore: number; compliantAfter: number; percentBefore: number; percentAfter: number };
    otherActiveVariances: unknown[];
    programVariancesOnStandard: number;
  }>('GET', `${caseUrl(varianceId)}/impact`);
  expect(impact.status).toBe(200);
  expect(impact.body.changes).toEqual([expect.objectContaining({ projectId: p1, before: 'variance-pending', after: 'variance-approved' })]);
  // The program follows other (organisation-wide) standards too: one more compliant row of all of them.
  expect(impact.body.program.compliantAfter).toBe(impact.body.program.compliantBefore + 1);
  expect(impact.body.portfolio.compliantAfter).toBe(impact.body.portfolio.compliantBefore + 1);
  expect(impact.body).toMatchObject({ otherActiveVariances: [], programVariancesOnStandard: 0 });
  const observedBefore = await compliance();
  expect(observedBefore.program.summary.percentCompliant).toBe(impact.body.program.percentBefore);
  expect(observedBefore.portfolio.summary.percentCompliant).toBe(impact.body.portfolio.percentBefore);
  expect((await reviewer('POST', `${caseUrl(varianceId)}/review`)).status).toBe(200);
  const conditions = [
    { text: 'Share each regulator report with the PMO', owner: 'Program PMO lead', dueOn: day(today, 3) },
    { text: 'Name a deputy for the steering review', owner: 'Project sponsor', dueOn: day(today, 5) },
  ];
  const decided = await admin<{ conditions: { id: string; metAt: string | null }[] }>('POST', `${caseUrl(varianceId)}/decide`, {
    outcome: 'approved-with-conditions',
    reason: 'Controls cover the gap',
    conditions,
  });
  expect(decided.status).toBe(200);
  expect(decided.body.conditions.map((c) => [c.id, c.metAt])).toEqual([
    ['C1', null],
    ['C2', null],
  ]);
  expect((await reviewer('GET', `${caseUrl(varianceId)}/impact`)).status).toBe(409);
  await eventually(async () => {
    const observed = await compliance();
    expect(stateOf(observed.program, p1)).toBe('variance-approved');
    expect(stateOf(observed.portfolio, p1)).toBe('variance-approved');
    expect(observed.program.summary.percentCompliant).toBe(impact.body.program.percentAfter);
    expect(observed.portfolio.summary.percentCompliant).toBe(impact.body.portfolio.percentAfter);
    const seen = await project<{ id: string; varianceState: string }[]>('GET', `${urls.project}/projects/${p1}/variance-proposals`);
    expect(seen.body.find((p) => p.id === proposed.body.id)?.varianceState).toBe('approved-with-conditions');
  });

  // Conditions: done once (409 twice, 404 unknown, 400 malformed), the program sees it.
  expect((await reviewer('POST', `${caseUrl(varianceId)}/conditions/C1/done`)).status).toBe(200);
  expect((await reviewer('POST', `${caseUrl(varianceId)}/conditions/C1/done`)).status).toBe(409);
  expect((await reviewer('POST', `${caseUrl(varianceId)}/conditions/C9/done`)).status).toBe(404);
  expect((await reviewer('POST', `${caseUrl(varianceId)}/conditions/first/done`)).status).toBe(400);
  expect((await pm('POST', `${caseUrl(varianceId)}/conditions/C2/done`)).status).toBe(403);
  await eventually(async () => {
    const seen = await pm<{ conditions: { id: string; metAt: string | null }[] }>('GET', `${urls.program}/programs/${program}/variances/${varianceId}`);
    expect(seen.body.conditions.map((c) => [c.id, c.metAt !== null])).toEqual([
      ['C1', true],
      ['C2', false],
    ]);
  });

  // Withdrawal: only the requester, only before the decision.
  const toWithdraw = await pm<{ id: string }>(
    'POST',
    `${urls.program}/programs/${program}/variances`,
    { ...request, expiresOn: day(today, 100) },
    { 'idempotency-key': `withdraw-${suffix}` },
  );
  expect(toWithdraw.status).toBe(201);
  const withdrawUrl = `${urls.program}/programs/${program}/variances/${toWithdraw.body.id}/withdraw`;
  expect((await admin('POST', withdrawUrl, { reason: 'not mine' })).status).toBe(403);
  expect((await pm('POST', withdrawUrl, {})).status).toBe(400);
  expect((await pm('POST', withdrawUrl, { reason: 'The regulator accepted the standard cadence' })).status).toBe(200);
  const again = await pm<{ message: string }>('POST', withdrawUrl, { reason: 'twice' });
  expect(again.status).toBe(409);
  expect(again.body.message).toBe('variance is withdrawn; allowed: none');
  await eventually(async () => expect((await admin<{ state: string }>('GET', caseUrl(toWithdraw.body.id))).body.state).toBe('withdrawn'));

  // Rejected, then revised and resubmitted as a new version linked to it.
  const toReject = await pm<{ id: string }>('POST', `${urls.program}/programs/${program}/variances`, { ...request, expiresOn: day(today, 120) });
  await eventually(async () => expect((await admin('GET', caseUrl(toReject.body.id))).status).toBe(200));
  const reviseUrl = `${urls.program}/programs/${program}/variances/${toReject.body.id}/revisions`;
  expect((await pm('POST', reviseUrl, request)).status).toBe(409); // not rejected yet
  expect((await admin('POST', `${caseUrl(toReject.body.id)}/decide`, { outcome: 'rejected', reason: 'Risk 12 needs a second control' })).status).toBe(200);
  await eventually(async () => {
    expect((await pm<{ state: string }>('GET', `${urls.program}/programs/${program}/variances/${toReject.body.id}`)).body.state).toBe('rejected');
    const notices = await pm<{ varianceId: string; kind: string }[]>('GET', `${urls.program}/programs/${program}/variance-notices`);
    expect(notices.body).toContainEqual(expect.objectContaining({ varianceId: toReject.body.id, kind: 'rejected' }));
  });
  const revision = { ...request, compensatingControls: ['Weekly interface stand-up', 'Monthly risk review with the regulator'], expiresOn: day(today, 120) };
  const revised = await pm<{ id: string; revisionOf: string; revision: number }>('POST', reviseUrl, revision, { 'idempotency-key': `revise-${suffix}` });
  expect(revised.status).toBe(201);
  expect(revised.body).toMatchObject({ revisionOf: toReject.body.id, revision: 2 });
  expect((await pm<{ id: string }>('POST', reviseUrl, revision, { 'idempotency-key': `revise-${suffix}` })).body.id).toBe(revised.body.id);
  expect((await pm('POST', reviseUrl, revision)).status).toBe(409); // already revised
  await eventually(async () => expect((await admin<{ revisionOf: string }>('GET', caseUrl(revised.body.id))).body.revisionOf).toBe(toReject.body.id));
  const secondImpact = await reviewer<{ otherActiveVariances: { id: string }[]; programVariancesOnStandard: number }>(
    'GET',
    `${caseUrl(revised.body.id)}/impact`,
  );
  expect(secondImpact.body.otherActiveVariances.map((o) => o.id)).toEqual([varianceId]);
  expect(secondImpact.body.programVariancesOnStandard).toBe(1);

  // The ground moves: the project enters its closing phase (grandfathering would now apply).
  expect((await project('PATCH', `${urls.project}/projects/${p1}`, { phase: 'closing' })).status).toBe(200);
  await eventually(async () => {
    const flagged = await admin<{ needsReview: boolean; reviewReasons: string[] }>('GET', caseUrl(varianceId));
    expect(flagged.body.needsReview).toBe(true);
    expect(flagged.body.reviewReasons).toEqual(['project Ledger cut-over moved from execution at 0% to closing at 0%: grandfathering now applies']);
    const seen = await pm<{ reviewReasons: string[] | null; needsReview: boolean }>('GET', `${urls.program}/programs/${program}/variances/${varianceId}`);
    expect(seen.body).toMatchObject({ needsReview: true, reviewReasons: flagged.body.reviewReasons });
  });
  expect((await reviewer('POST', `${caseUrl(toWithdraw.body.id)}/confirm`, { reason: 'x' })).status).toBe(409); // withdrawn: nothing to confirm
  expect((await reviewer('POST', `${caseUrl(varianceId)}/confirm`, { reason: 'Closing soon; the variance still covers the last reports' })).status).toBe(200);
  expect((await reviewer('POST', `${caseUrl(varianceId)}/confirm`, { reason: 'again' })).status).toBe(409);
  await eventually(async () =>
    expect((await pm<{ reviewReasons: string[] | null }>('GET', `${urls.program}/programs/${program}/variances/${varianceId}`)).body.reviewReasons).toBeNull(),
  );

  // Time passes beyond C2's due date undone: the approval is flagged and its project no longer counts as compliant.
  const moveClocks = async (now: string) => {
    for (const service of [urls.strategic, urls.program]) expect((await callApi('PUT', `${service}/clock`, tokens.platform, { now })).status).toBe(200);
  };
  try {
    await moveClocks(`${day(today, 10)}T09:00:00Z`);
    await eventually(async () => {
      const cases = await admin<{ id: string; conditionsOverdue: boolean }[]>('GET', `${urls.strategic}/variances`);
      expect(cases.body.find((c) => c.id === varianceId)?.conditionsOverdue).toBe(true);
      const notices = await pm<{ varianceId: string; kind: string; message: string }[]>('GET', `${urls.program}/programs/${program}/variance-notices`);
      expect(notices.body).toContainEqual(expect.objectContaining({ varianceId, kind: 'conditions-overdue' }));
      const requests = await pm<{ id: string; conditionsOverdue: boolean; late: boolean }[]>('GET', `${urls.program}/programs/${program}/variances`);
      expect(requests.body.find((r) => r.id === varianceId)?.conditionsOverdue).toBe(true);
      // The revised request, still undecided past its 5 business days, was escalated and is late.
      expect(requests.body.find((r) => r.id === revised.body.id)?.late).toBe(true);
      expect(stateOf((await compliance()).program, p1)).toBe('non-compliant');
      expect(stateOf((await compliance()).portfolio, p1)).toBe('non-compliant');
    });
  } finally {
    await moveClocks(new Date().toISOString());
  }

  // A new major version, for regulated programs only, is new ground again: the project leaves its scope.
  // This time the reviewer revokes the approval.
  await admin('POST', base, {
    version: '2.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: deadline,
    applicability: { scope: 'tags', tags: [`${tag}-regulated`] },
    requirements: [{ ...requirement, leeway: { kind: 'range', min: 7, max: 10, unit: 'days' } }],
  });
  await admin('POST', `${base}/2.0.0/submit`);
  expect(
    (
      await admin('POST', `${base}/2.0.0/publish`, {
        rollout: [{ name: 'regulated', programIds: [], programTags: [`${tag}-regulated`], opensOn: today, adoptionDeadline: deadline }],
      })
    ).status,
  ).toBe(200);
  const flaggedAgain = await admin<{ needsReview: boolean; reviewReasons: string[] }>('GET', caseUrl(varianceId));
  // A variant for regulated programs leaves this program on the version it has, so the approval's ground holds.
  expect(flaggedAgain.body).toMatchObject({ needsReview: false, reviewReasons: null });
  expect((await reviewer('POST', `${caseUrl(varianceId)}/revoke`, {})).status).toBe(400);
  expect(
    (await reviewer<{ state: string }>('POST', `${caseUrl(varianceId)}/revoke`, { reason: 'The 2.0.0 cadence leaves no room for monthly reviews' })).body.state,
  ).toBe('revoked');
  const revokeAgain = await reviewer<{ message: string }>('POST', `${caseUrl(varianceId)}/revoke`, { reason: 'again' });
  expect(revokeAgain.status).toBe(409);
  expect(revokeAgain.body.message).toBe('variance is revoked; allowed: none');
  await eventually(async () => {
    expect((await pm<{ state: string }>('GET', `${urls.program}/programs/${program}/variances/${varianceId}`)).body.state).toBe('revoked');
    const notices = await pm<{ varianceId: string; kind: string }[]>('GET', `${urls.program}/programs/${program}/variance-notices`);
    expect(notices.body).toContainEqual(expect.objectContaining({ varianceId, kind: 'revoked' }));
    const seen = await project<{ id: string; varianceState: string }[]>('GET', `${urls.project}/projects/${p1}/variance-proposals`);
    expect(seen.body.find((p) => p.id === proposed.body.id)?.varianceState).toBe('revoked');
  });
}
