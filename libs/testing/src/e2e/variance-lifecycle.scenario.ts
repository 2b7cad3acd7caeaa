import { decisionDueOn } from '@pmo/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, jsonOf, pmoClients } from '../typed-clients';
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
  const [admin, reviewer, pm, project, platform] = [tokens.admin, tokens.reviewer, tokens.programManager, tokens.projectManager, tokens.platform].map((token) =>
    pmoClients(urls, token),
  );

  const program = dataOf(await admin.program.POST('/programs', { body: { name: `Variance lifecycle ${suffix}`, code: tokens.programCode, tags: [tag] } })).id;
  const inProgram = { path: { programId: program } };
  const registerProject = (name: string, code?: string) =>
    eventually(async () => {
      const answer = await admin.project.POST('/projects', { body: { programId: program, name, code, phase: 'execution' } });
      expect(answer.response.status).toBe(201);
      return dataOf(answer).id;
    });
  const [p1, p2, p3] = [
    await registerProject('Ledger cut-over', tokens.projectCode),
    await registerProject('Payments interface'),
    await registerProject('Archive'),
  ];
  const ofP1 = { path: { projectId: p1 } };
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const deadline = day(today, 30);

  // A standard that allows variances of at most 6 months, decided within 5 business days.
  const key = `lifecycle-${suffix}`;
  const created = dataOf(
    await admin.strategic.POST('/standards', {
      body: { key, title: 'Steering cadence', kind: 'standard', owner: 'PMO', variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: 5 } },
    }),
  );
  expect(created.variancePolicy).toEqual({ longestVarianceMonths: 6, decisionSlaBusinessDays: 5 });
  const ofStandard = { path: { standardId: created.id } };
  const badPolicy = await admin.strategic.PUT('/standards/{standardId}/variance-policy', {
    params: ofStandard,
    body: { longestVarianceMonths: 0, decisionSlaBusinessDays: 5 },
  });
  expect(badPolicy.response.status).toBe(400);
  expect(badPolicy.error?.message).toContain('longestVarianceMonths');
  const ofVersion = (version: string) => ({ path: { standardId: created.id, version } });
  const requirement = {
    id: 'STEERING-CADENCE',
    text: 'Steering review every 7 to 14 days',
    leeway: { kind: 'range' as const, min: 7, max: 14, unit: 'days' as const },
  };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: deadline,
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [requirement],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion('1.0.0') });
  const versionId = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion('1.0.0'),
      body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }] },
    }),
  ).id;
  await eventually(async () => {
    const requirements = dataOf(await project.project.GET('/projects/{projectId}/requirements', { params: ofP1 }));
    expect(requirements.map((r) => r.versionId)).toContain(versionId);
  });
  // program-pmo learns of the projects and of the version on two topics, in either order: it decides
  // adoptions only for projects it knows under a version it holds in force.
  await eventually(async () => {
    const rows = jsonOf(await pm.program.GET('/programs/{programId}/compliance', { params: { ...inProgram, query: { standard: key } } })).rows;
    expect(rows.map((r) => r.projectId).sort()).toEqual([p1, p2, p3].sort());
  });
  expect(
    (
      await pm.program.POST('/programs/{programId}/adoptions', {
        params: inProgram,
        body: { versionId, projectIds: [p1, p2], decision: 'variance-needed', reason: 'the regulator sets a monthly cadence' },
      })
    ).response.status,
  ).toBe(201);
  expect(
    (
      await pm.program.POST('/programs/{programId}/adoptions', {
        params: inProgram,
        body: { versionId, projectIds: [p3], decision: 'adopt', reason: 'as published' },
      })
    ).response.status,
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
  const propose = (body: typeof proposal, idempotencyKey?: string) =>
    project.project.POST('/projects/{projectId}/variance-proposals', {
      params: { ...ofP1, ...(idempotencyKey && { header: { 'idempotency-key': idempotencyKey } }) },
      body,
    });
  const proposedAnswer = await propose(proposal, `proposal-${suffix}`);
  expect(proposedAnswer.response.status).toBe(201);
  const proposed = dataOf(proposedAnswer);
  expect(dataOf(await propose(proposal, `proposal-${suffix}`)).id).toBe(proposed.id);
  // The same key with another proposal is a client's mistake: refused, not answered with the first one.
  const reusedKey = await propose({ ...proposal, justification: 'Another reason altogether' }, `proposal-${suffix}`);
  expect(reusedKey.response.status).toBe(422);
  expect(reusedKey.error?.message).toBe(`Idempotency-Key proposal-${suffix} was already used for a different request; a new request needs a new key`);
  const unknownRequirement = await propose({ ...proposal, requirementIds: ['NO-SUCH'] });
  expect(unknownRequirement.response.status).toBe(422);
  const secondProposal = dataOf(await propose({ ...proposal, justification: 'Quarterly would suit us better', expiresOn: day(today, 60) }));
  await eventually(async () => {
    const proposals = dataOf(await pm.program.GET('/programs/{programId}/variance-proposals', { params: inProgram }));
    expect(proposals.map((p) => p.id).sort()).toEqual([proposed.id, secondProposal.id].sort());
  });
  const ofProposal = (proposalId: string) => ({ path: { programId: program, proposalId } });
  const reject = (proposalId: string, body: { reason: string }) =>
    pm.program.POST('/programs/{programId}/variance-proposals/{proposalId}/reject', { params: ofProposal(proposalId), body });
  const forward = (proposalId: string) => pm.program.POST('/programs/{programId}/variance-proposals/{proposalId}/forward', { params: ofProposal(proposalId) });
  // No reason, on purpose.
  const noReason = await reject(secondProposal.id, {} as { reason: string });
  expect(noReason.response.status).toBe(400);
  expect(noReason.error?.message).toContain('reason');
  expect((await reject(secondProposal.id, { reason: 'Quarterly is too far apart' })).response.status).toBe(200);
  expect((await forward(secondProposal.id)).response.status).toBe(409);
  expect((await forward(randomUUID())).response.status).toBe(404);
  const forwardedAnswer = await forward(proposed.id);
  expect(forwardedAnswer.response.status).toBe(201);
  const forwarded = dataOf(forwardedAnswer);
  expect(forwarded.proposalId).toBe(proposed.id);
  const varianceId = forwarded.id;
  const proposalsSeen = async () => dataOf(await project.project.GET('/projects/{projectId}/variance-proposals', { params: ofP1 }));
  await eventually(async () => {
    const seen = await proposalsSeen();
    expect(seen.find((p) => p.id === secondProposal.id)).toMatchObject({ state: 'rejected', answerReason: 'Quarterly is too far apart' });
    expect(seen.find((p) => p.id === proposed.id)).toMatchObject({ state: 'forwarded', varianceId });
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
  const requestVariance = (body: typeof request, idempotencyKey?: string) =>
    pm.program.POST('/programs/{programId}/variances', {
      params: { ...inProgram, ...(idempotencyKey && { header: { 'idempotency-key': idempotencyKey } }) },
      body,
    });
  const tooLong = await requestVariance(request);
  expect(tooLong.response.status).toBe(422);
  expect(tooLong.error?.message).toContain('at most 6 months');
  const stateOf = (compliance: { rows: { projectId: string; standardKey: string; state: string }[] }, projectId: string) =>
    compliance.rows.find((r) => r.projectId === projectId && r.standardKey === key)?.state;
  const caseOf = (id: string) => ({ path: { varianceId: id } });
  const theCase = (id: string) => admin.strategic.GET('/variances/{varianceId}', { params: caseOf(id) });
  const inProgramOf = (id: string) => ({ path: { programId: program, varianceId: id } });
  const requestSeen = async (id: string) => dataOf(await pm.program.GET('/programs/{programId}/variances/{varianceId}', { params: inProgramOf(id) }));
  const opened = await eventually(async () => {
    const answer = await theCase(varianceId);
    expect(answer.response.status).toBe(200);
    return dataOf(answer);
  });
  expect(opened.decisionDueOn).toBe(decisionDueOn(new Date(opened.submittedAt), 5));
  expect(opened.proposalId).toBe(proposed.id);

  // Impact before the decision, then the decision, then the compliance it predicted.
  const compliance = async () => ({
    program: jsonOf(await admin.program.GET('/programs/{programId}/compliance', { params: inProgram })),
    portfolio: jsonOf(await admin.strategic.GET('/portfolio/compliance')),
  });
  await eventually(async () => {
    const observed = await compliance();
    expect([stateOf(observed.program, p1), stateOf(observed.portfolio, p1)]).toEqual(['variance-pending', 'variance-pending']);
  });
  const impactOf = (id: string) => reviewer.strategic.GET('/variances/{varianceId}/impact', { params: caseOf(id) });
  const impactAnswer = await impactOf(varianceId);
  expect(impactAnswer.response.status).toBe(200);
  const impact = dataOf(impactAnswer);
  expect(impact.changes).toEqual([expect.objectContaining({ projectId: p1, before: 'variance-pending', after: 'variance-approved' })]);
  // The program follows other (organisation-wide) standards too: one more compliant row of all of them.
  expect(impact.program.compliantAfter).toBe(impact.program.compliantBefore + 1);
  expect(impact.portfolio.compliantAfter).toBe(impact.portfolio.compliantBefore + 1);
  expect(impact).toMatchObject({ otherActiveVariances: [], programVariancesOnStandard: 0 });
  const observedBefore = await compliance();
  expect(observedBefore.program.summary.percentCompliant).toBe(impact.program.percentBefore);
  expect(observedBefore.portfolio.summary.percentCompliant).toBe(impact.portfolio.percentBefore);
  expect((await reviewer.strategic.POST('/variances/{varianceId}/review', { params: caseOf(varianceId) })).response.status).toBe(200);
  const conditions = [
    { text: 'Share each regulator report with the PMO', owner: 'Program PMO lead', dueOn: day(today, 3) },
    { text: 'Name a deputy for the steering review', owner: 'Project sponsor', dueOn: day(today, 5) },
  ];
  const decided = await admin.strategic.POST('/variances/{varianceId}/decide', {
    params: caseOf(varianceId),
    body: { outcome: 'approved-with-conditions', reason: 'Controls cover the gap', conditions },
  });
  expect(decided.response.status).toBe(200);
  expect(dataOf(decided).conditions.map((c) => [c.id, c.metAt])).toEqual([
    ['C1', null],
    ['C2', null],
  ]);
  expect((await impactOf(varianceId)).response.status).toBe(409);
  await eventually(async () => {
    const observed = await compliance();
    expect(stateOf(observed.program, p1)).toBe('variance-approved');
    expect(stateOf(observed.portfolio, p1)).toBe('variance-approved');
    expect(observed.program.summary.percentCompliant).toBe(impact.program.percentAfter);
    expect(observed.portfolio.summary.percentCompliant).toBe(impact.portfolio.percentAfter);
    expect((await proposalsSeen()).find((p) => p.id === proposed.id)?.varianceState).toBe('approved-with-conditions');
  });

  // Conditions: done once (409 twice, 404 unknown, 400 malformed), the program sees it.
  const done = (who: typeof admin, conditionId: string) =>
    who.strategic.POST('/variances/{varianceId}/conditions/{conditionId}/done', { params: { path: { varianceId, conditionId } } });
  expect((await done(reviewer, 'C1')).response.status).toBe(200);
  expect((await done(reviewer, 'C1')).response.status).toBe(409);
  expect((await done(reviewer, 'C9')).response.status).toBe(404);
  expect((await done(reviewer, 'first')).response.status).toBe(400);
  expect((await done(pm, 'C2')).response.status).toBe(403);
  await eventually(async () => {
    const seen = await requestSeen(varianceId);
    expect(seen.conditions.map((c) => [c.id, c.metAt !== null])).toEqual([
      ['C1', true],
      ['C2', false],
    ]);
  });

  // Withdrawal: only the requester, only before the decision.
  const toWithdrawAnswer = await requestVariance({ ...request, expiresOn: day(today, 100) }, `withdraw-${suffix}`);
  expect(toWithdrawAnswer.response.status).toBe(201);
  const toWithdraw = dataOf(toWithdrawAnswer);
  const withdraw = (who: typeof admin, body: { reason: string }) =>
    who.program.POST('/programs/{programId}/variances/{varianceId}/withdraw', { params: inProgramOf(toWithdraw.id), body });
  expect((await withdraw(admin, { reason: 'not mine' })).response.status).toBe(403);
  // No reason, on purpose.
  expect((await withdraw(pm, {} as { reason: string })).response.status).toBe(400);
  expect((await withdraw(pm, { reason: 'The regulator accepted the standard cadence' })).response.status).toBe(200);
  const again = await withdraw(pm, { reason: 'twice' });
  expect(again.response.status).toBe(409);
  expect(again.error?.message).toBe('variance is withdrawn; allowed: none');
  await eventually(async () => expect(dataOf(await theCase(toWithdraw.id)).state).toBe('withdrawn'));

  // Rejected, then revised and resubmitted as a new version linked to it.
  const toReject = dataOf(await requestVariance({ ...request, expiresOn: day(today, 120) }));
  await eventually(async () => expect((await theCase(toReject.id)).response.status).toBe(200));
  const revise = (body: typeof request, idempotencyKey?: string) =>
    pm.program.POST('/programs/{programId}/variances/{varianceId}/revisions', {
      params: { ...inProgramOf(toReject.id), ...(idempotencyKey && { header: { 'idempotency-key': idempotencyKey } }) },
      body,
    });
  expect((await revise(request)).response.status).toBe(409); // not rejected yet
  expect(
    (
      await admin.strategic.POST('/variances/{varianceId}/decide', {
        params: caseOf(toReject.id),
        body: { outcome: 'rejected', reason: 'Risk 12 needs a second control' },
      })
    ).response.status,
  ).toBe(200);
  const noticesSeen = async () => dataOf(await pm.program.GET('/programs/{programId}/variance-notices', { params: inProgram }));
  await eventually(async () => {
    expect((await requestSeen(toReject.id)).state).toBe('rejected');
    expect(await noticesSeen()).toContainEqual(expect.objectContaining({ varianceId: toReject.id, kind: 'rejected' }));
  });
  const revision = { ...request, compensatingControls: ['Weekly interface stand-up', 'Monthly risk review with the regulator'], expiresOn: day(today, 120) };
  const revisedAnswer = await revise(revision, `revise-${suffix}`);
  expect(revisedAnswer.response.status).toBe(201);
  const revised = dataOf(revisedAnswer);
  expect(revised).toMatchObject({ revisionOf: toReject.id, revision: 2 });
  expect(dataOf(await revise(revision, `revise-${suffix}`)).id).toBe(revised.id);
  // A key used for a revision is refused for a fresh request (another operation), even with the same body.
  expect((await requestVariance(revision, `revise-${suffix}`)).response.status).toBe(422);
  expect((await revise(revision)).response.status).toBe(409); // already revised
  await eventually(async () => expect(dataOf(await theCase(revised.id)).revisionOf).toBe(toReject.id));
  const secondImpact = dataOf(await impactOf(revised.id));
  expect(secondImpact.otherActiveVariances.map((o) => o.id)).toEqual([varianceId]);
  expect(secondImpact.programVariancesOnStandard).toBe(1);

  // The ground moves: the project enters its closing phase (grandfathering would now apply).
  expect((await project.project.PATCH('/projects/{projectId}', { params: ofP1, body: { phase: 'closing' } })).response.status).toBe(200);
  await eventually(async () => {
    const flagged = dataOf(await theCase(varianceId));
    expect(flagged.needsReview).toBe(true);
    expect(flagged.reviewReasons).toEqual(['project Ledger cut-over moved from execution at 0% to closing at 0%: grandfathering now applies']);
    expect(await requestSeen(varianceId)).toMatchObject({ needsReview: true, reviewReasons: flagged.reviewReasons });
  });
  const confirm = (id: string, reason: string) => reviewer.strategic.POST('/variances/{varianceId}/confirm', { params: caseOf(id), body: { reason } });
  expect((await confirm(toWithdraw.id, 'x')).response.status).toBe(409); // withdrawn: nothing to confirm
  expect((await confirm(varianceId, 'Closing soon; the variance still covers the last reports')).response.status).toBe(200);
  expect((await confirm(varianceId, 'again')).response.status).toBe(409);
  await eventually(async () => expect((await requestSeen(varianceId)).reviewReasons).toBeNull());

  // Time passes beyond C2's due date undone: the approval is flagged and its project no longer counts as compliant.
  const clockSetters = [
    (now: string) => platform.strategic.PUT('/clock', { body: { now } }),
    (now: string) => platform.program.PUT('/clock', { body: { now } }),
  ];
  const moveClocks = async (now: string) => {
    for (const setClock of clockSetters) expect((await setClock(now)).response.status).toBe(200);
  };
  try {
    await moveClocks(`${day(today, 10)}T09:00:00Z`);
    await eventually(async () => {
      const cases = dataOf(await admin.strategic.GET('/variances'));
      expect(cases.find((c) => c.id === varianceId)?.conditionsOverdue).toBe(true);
      expect(await noticesSeen()).toContainEqual(expect.objectContaining({ varianceId, kind: 'conditions-overdue' }));
      const requests = dataOf(await pm.program.GET('/programs/{programId}/variances', { params: inProgram }));
      expect(requests.find((r) => r.id === varianceId)?.conditionsOverdue).toBe(true);
      // The revised request, still undecided past its 5 business days, was escalated and is late.
      expect(requests.find((r) => r.id === revised.id)?.late).toBe(true);
      expect(stateOf((await compliance()).program, p1)).toBe('non-compliant');
      expect(stateOf((await compliance()).portfolio, p1)).toBe('non-compliant');
    });
  } finally {
    await moveClocks(new Date().toISOString());
  }

  // A new major version, for regulated programs only, is new ground again: the project leaves its scope.
  // This time the reviewer revokes the approval.
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '2.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: deadline,
      applicability: { scope: 'tags', tags: [`${tag}-regulated`] },
      requirements: [{ ...requirement, leeway: { kind: 'range', min: 7, max: 10, unit: 'days' } }],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion('2.0.0') });
  expect(
    (
      await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
        params: ofVersion('2.0.0'),
        body: { rollout: [{ name: 'regulated', programIds: [], programTags: [`${tag}-regulated`], opensOn: today, adoptionDeadline: deadline }] },
      })
    ).response.status,
  ).toBe(200);
  const flaggedAgain = dataOf(await theCase(varianceId));
  // A variant for regulated programs leaves this program on the version it has, so the approval's ground holds.
  expect(flaggedAgain).toMatchObject({ needsReview: false, reviewReasons: null });
  const revoke = (body: { reason: string }) => reviewer.strategic.POST('/variances/{varianceId}/revoke', { params: caseOf(varianceId), body });
  // No reason, on purpose.
  expect((await revoke({} as { reason: string })).response.status).toBe(400);
  expect(dataOf(await revoke({ reason: 'The 2.0.0 cadence leaves no room for monthly reviews' })).state).toBe('revoked');
  const revokeAgain = await revoke({ reason: 'again' });
  expect(revokeAgain.response.status).toBe(409);
  expect(revokeAgain.error?.message).toBe('variance is revoked; allowed: none');
  await eventually(async () => {
    expect((await requestSeen(varianceId)).state).toBe('revoked');
    expect(await noticesSeen()).toContainEqual(expect.objectContaining({ varianceId, kind: 'revoked' }));
    expect((await proposalsSeen()).find((p) => p.id === proposed.id)?.varianceState).toBe('revoked');
  });
}
