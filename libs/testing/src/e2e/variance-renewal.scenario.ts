import { latestVarianceExpiry } from '@pmo/contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
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

interface Renewal {
  renewal: number;
  expiresOn: string;
  previousExpiresOn: string;
  state: string;
  decisionDueOn?: string;
  decisionReason: string | null;
}

interface Variance {
  id: string;
  state: string;
  expiresOn: string;
  decidedAt: string | null;
  decisionReason: string | null;
  renewals: Renewal[];
}

interface Rows {
  rows: { projectId: string; standardKey: string; state: string }[];
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
  const as =
    (token: string) =>
    <T>(method: string, url: string, body?: unknown) =>
      callApi<T>(method, url, token, body);
  const [admin, reviewer, pm, auditor] = [as(tokens.admin), as(tokens.reviewer), as(tokens.programManager), as(tokens.auditor)];

  const program = (await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Renewals ${suffix}`, code: tokens.programCode, tags: [tag] })).body
    .id;
  const registerProject = (name: string) =>
    eventually(async () => {
      const answer = await admin<{ id: string }>('POST', `${urls.project}/projects`, { programId: program, name, phase: 'execution' });
      expect(answer.status).toBe(201);
      return answer.body.id;
    });
  const [p1, p2, p3] = [await registerProject('Renewed'), await registerProject('Renewal refused'), await registerProject('Renewal by the admin')];
  const today = (await admin<{ now: string }>('GET', `${urls.strategic}/clock`)).body.now.slice(0, 10);
  const deadline = day(today, 30);

  // A standard that allows variances of at most 6 months.
  const key = `renewal-${suffix}`;
  const standard = (
    await admin<{ id: string }>('POST', `${urls.strategic}/standards`, {
      key,
      title: 'Renewal cadence',
      kind: 'standard',
      owner: 'PMO',
      variancePolicy: { longestVarianceMonths: 6, decisionSlaBusinessDays: 5 },
    })
  ).body.id;
  const base = `${urls.strategic}/standards/${standard}/versions`;
  await admin('POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: deadline,
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [{ id: 'RENEWAL-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  });
  await admin('POST', `${base}/1.0.0/submit`);
  const versionId = (
    await admin<{ id: string }>('POST', `${base}/1.0.0/publish`, {
      rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }],
    })
  ).body.id;
  await eventually(async () => {
    const standards = await pm<{ versionId: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${program}/standards`);
    expect(standards.body.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });
  expect(
    (
      await pm('POST', `${urls.program}/programs/${program}/adoptions`, {
        versionId,
        projectIds: [p1, p2, p3],
        decision: 'variance-needed',
        reason: 'the regulator sets a monthly cadence',
      })
    ).status,
  ).toBe(201);

  const variancesUrl = `${urls.program}/programs/${program}/variances`;
  const caseUrl = (id: string) => `${urls.strategic}/variances/${id}`;
  const request = (projectId: string) => ({
    versionId,
    requirementIds: ['RENEWAL-CADENCE'],
    projectIds: [projectId],
    justification: 'Monthly steering while the regulator reviews',
    risk: { likelihood: 2, impact: 2 },
    expiresOn: day(today, 30),
  });
  const approve = async (id: string) => {
    await eventually(async () => expect((await admin('GET', caseUrl(id))).status).toBe(200));
    expect((await reviewer('POST', `${caseUrl(id)}/review`)).status).toBe(200);
    expect((await admin('POST', `${caseUrl(id)}/decide`, { outcome: 'approved', reason: 'Monthly is enough for now' })).status).toBe(200);
    return eventually(async () => {
      const seen = await pm<Variance>('GET', `${variancesUrl}/${id}`);
      expect(seen.body.state).toBe('approved');
      return seen.body;
    });
  };
  const first = await pm<Variance>('POST', variancesUrl, request(p1));
  expect(first.body.renewals).toEqual([]);
  const [v1, v2, v3] = [
    first.body.id,
    (await pm<{ id: string }>('POST', variancesUrl, request(p2))).body.id,
    (await pm<{ id: string }>('POST', variancesUrl, request(p3))).body.id,
  ];

  // Not approved yet: nothing to renew.
  const renewUrl = (id: string) => `${variancesUrl}/${id}/renewals`;
  const early = await pm<{ message: string; code: string }>('POST', renewUrl(v1), { expiresOn: day(today, 60), justification: 'Too early' });
  expect(early.status).toBe(409);
  expect(early.body.message).toBe('variance is submitted; only an approval in force (approved, approved-with-conditions) can be renewed');

  const approved = await approve(v1);
  await approve(v2);
  await approve(v3);
  const firstApprovedOn = (approved.decidedAt ?? '').slice(0, 10);
  const limit = latestVarianceExpiry(firstApprovedOn, 6);

  // Bad input is refused naming the field, and nothing is stored.
  const noJustification = await pm<{ message: string }>('POST', renewUrl(v1), { expiresOn: day(today, 60) });
  expect(noJustification.status).toBe(400);
  expect(noJustification.body.message).toContain('justification');
  const badDate = await pm<{ message: string }>('POST', renewUrl(v1), { expiresOn: 'next spring', justification: 'x' });
  expect(badDate.status).toBe(400);
  expect(badDate.body.message).toContain('expiresOn');
  // Past the limit counted from the first approval: 422 naming it.
  const tooLong = await pm<{ message: string }>('POST', renewUrl(v1), { expiresOn: day(limit, 1), justification: 'A long while' });
  expect(tooLong.status).toBe(422);
  expect(tooLong.body.message).toBe(
    `expiresOn ${day(limit, 1)} is later than ${limit}: this standard allows a variance of at most 6 months from its first approval on ${firstApprovedOn}`,
  );
  const shorter = await pm<{ message: string }>('POST', renewUrl(v1), { expiresOn: day(today, 20), justification: 'Shorter' });
  expect(shorter.status).toBe(422);
  expect(shorter.body.message).toBe(`expiresOn ${day(today, 20)} must be after the current end date ${day(today, 30)}`);
  expect((await pm<Variance>('GET', `${variancesUrl}/${v1}`)).body.renewals).toEqual([]);

  // Within the limit: submitted, and the approval stands with its own end date meanwhile.
  const renewed = await pm<Variance>('POST', renewUrl(v1), { expiresOn: day(today, 120), justification: 'The regulator extended its review' });
  expect(renewed.status).toBe(201);
  expect(renewed.body).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
  expect(renewed.body.renewals).toEqual([
    expect.objectContaining({ renewal: 1, expiresOn: day(today, 120), previousExpiresOn: day(today, 30), state: 'submitted' }),
  ]);
  const twice = await pm<{ message: string }>('POST', renewUrl(v1), { expiresOn: day(today, 100), justification: 'Again' });
  expect(twice.status).toBe(409);
  expect(twice.body.message).toBe('variance already has a renewal waiting for its decision');
  const opened = await eventually(async () => {
    const seen = await admin<Variance>('GET', caseUrl(v1));
    expect(seen.body.renewals).toHaveLength(1);
    return seen.body;
  });
  expect(opened).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
  expect(opened.renewals[0]).toMatchObject({ state: 'submitted', expiresOn: day(today, 120) });
  expect(opened.renewals[0].decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Review, then decision, like a first request.
  expect((await admin('POST', `${caseUrl(v1)}/renewal/decide`, { outcome: 'approved', reason: 'not reviewed yet' })).status).toBe(409);
  expect((await admin('POST', `${caseUrl(v1)}/renewal/decide`, { outcome: 'approved-with-conditions', reason: 'x' })).status).toBe(400);
  const underReview = await reviewer<Variance>('POST', `${caseUrl(v1)}/renewal/review`);
  expect(underReview.status).toBe(200);
  expect(underReview.body.renewals[0].state).toBe('under-review');
  const decided = await admin<Variance>('POST', `${caseUrl(v1)}/renewal/decide`, { outcome: 'approved', reason: 'The controls held; one more quarter' });
  expect(decided.status).toBe(200);
  // The first decision stays; the renewal's is beside it; the end date moved.
  expect(decided.body).toMatchObject({ state: 'approved', expiresOn: day(today, 120), decisionReason: 'Monthly is enough for now' });
  expect(decided.body.renewals[0]).toMatchObject({ state: 'approved', decisionReason: 'The controls held; one more quarter' });
  expect((await admin('POST', `${caseUrl(v1)}/renewal/decide`, { outcome: 'rejected', reason: 'again' })).status).toBe(409);
  await eventually(async () => {
    const seen = await pm<Variance>('GET', `${variancesUrl}/${v1}`);
    expect(seen.body).toMatchObject({ state: 'approved', expiresOn: day(today, 120), decisionReason: 'Monthly is enough for now' });
    expect(seen.body.renewals).toEqual([
      expect.objectContaining({ renewal: 1, state: 'approved', expiresOn: day(today, 120), decisionReason: 'The controls held; one more quarter' }),
    ]);
    const notices = await pm<{ varianceId: string; kind: string; message: string }[]>('GET', `${urls.program}/programs/${program}/variance-notices`);
    expect(notices.body).toContainEqual(
      expect.objectContaining({
        varianceId: v1,
        kind: 'renewed',
        message: `renewal 1 approved: the variance now ends on ${day(today, 120)} (was ${day(today, 30)})`,
      }),
    );
  });

  // A rejected renewal leaves the approval to end on its own date.
  expect((await pm('POST', renewUrl(v2), { expiresOn: day(today, 90), justification: 'Another quarter' })).status).toBe(201);
  await eventually(async () => expect((await admin<Variance>('GET', caseUrl(v2))).body.renewals).toHaveLength(1));
  expect((await reviewer('POST', `${caseUrl(v2)}/renewal/review`)).status).toBe(200);
  expect((await admin('POST', `${caseUrl(v2)}/renewal/decide`, { outcome: 'rejected', reason: 'Report monthly as the standard says' })).status).toBe(200);
  await eventually(async () => {
    const seen = await pm<Variance>('GET', `${variancesUrl}/${v2}`);
    expect(seen.body).toMatchObject({ state: 'approved', expiresOn: day(today, 30) });
    expect(seen.body.renewals[0]).toMatchObject({ state: 'rejected', decisionReason: 'Report monthly as the standard says' });
  });

  // Whoever asked for a renewal neither reviews nor decides it.
  expect((await admin('POST', renewUrl(v3), { expiresOn: day(today, 90), justification: 'Asked by the admin' })).status).toBe(201);
  await eventually(async () => expect((await admin<Variance>('GET', caseUrl(v3))).body.renewals).toHaveLength(1));
  const ownReview = await admin<{ code: string; message: string }>('POST', `${caseUrl(v3)}/renewal/review`);
  expect(ownReview.status).toBe(403);
  expect(ownReview.body).toMatchObject({
    code: 'VARIANCE.OWN_REQUEST',
    message: `you asked for renewal 1 of variance ${v3}, so you cannot review or decide it`,
  });
  expect((await reviewer('POST', `${caseUrl(v3)}/renewal/review`)).status).toBe(200);
  expect((await admin('POST', `${caseUrl(v3)}/renewal/decide`, { outcome: 'approved', reason: 'mine' })).status).toBe(403);

  // The audit log keeps the first approval and the renewal decision.
  const actions = (await auditor<{ entries: { action: string }[] }>('GET', `${urls.strategic}/audit?entityType=variance&entityId=${v1}`)).body.entries.map(
    (e) => e.action,
  );
  expect(actions).toEqual(expect.arrayContaining(['variance.approved', 'variance.renewal-under-review', 'variance.renewal-approved']));
  const programActions = (await auditor<{ entries: { action: string }[] }>('GET', `${urls.program}/audit?entityType=variance&entityId=${v1}`)).body.entries.map(
    (e) => e.action,
  );
  expect(programActions).toEqual(expect.arrayContaining(['variance.requested', 'variance.renewal-requested']));

  // Past the old end date: the renewed approval holds, the others expired; compliance follows `expiresOn`.
  const stateOf = (compliance: Rows, projectId: string) => compliance.rows.find((r) => r.projectId === projectId && r.standardKey === key)?.state;
  const moveClocks = async (now: string) => {
    for (const service of [urls.strategic, urls.program]) expect((await callApi('PUT', `${service}/clock`, tokens.platform, { now })).status).toBe(200);
  };
  try {
    await moveClocks(`${day(today, 60)}T09:00:00Z`);
    await eventually(async () => {
      expect((await admin<Variance>('GET', caseUrl(v2))).body.state).toBe('expired');
      expect((await admin<Variance>('GET', caseUrl(v3))).body.state).toBe('expired');
      expect((await admin<Variance>('GET', caseUrl(v1))).body.state).toBe('approved');
      expect((await pm<Variance>('GET', `${variancesUrl}/${v2}`)).body.state).toBe('expired');
      const programRows = (await pm<Rows>('GET', `${urls.program}/programs/${program}/compliance`)).body;
      const portfolioRows = (await admin<Rows>('GET', `${urls.strategic}/portfolio/compliance`)).body;
      expect([stateOf(programRows, p1), stateOf(portfolioRows, p1)]).toEqual(['variance-approved', 'variance-approved']);
      expect(stateOf(programRows, p2)).not.toBe('variance-approved');
      expect(stateOf(portfolioRows, p2)).not.toBe('variance-approved');
    });
    // An expired approval has nothing left to renew or decide.
    const expiredDecision = await admin<{ message: string }>('POST', `${caseUrl(v3)}/renewal/decide`, { outcome: 'approved', reason: 'late' });
    expect(expiredDecision.status).toBe(409);
    expect(expiredDecision.body.message).toBe(`variance ${v3} is expired; a renewal is reviewed and decided only while the approval is in force`);
    const lateRenewal = await pm<{ message: string }>('POST', renewUrl(v2), { expiresOn: day(today, 90), justification: 'Too late' });
    expect(lateRenewal.status).toBe(409);
    expect(lateRenewal.body.message).toBe('variance is expired; only an approval in force (approved, approved-with-conditions) can be renewed');
  } finally {
    await moveClocks(new Date().toISOString());
  }
}
