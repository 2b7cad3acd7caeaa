import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
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
 * A variance end to end: a project needs one, its program requests it (a retry with the same
 * Idempotency-Key gives the first request back), the strategic PMO reviews and approves it, and the
 * project turns variance-approved in the program's and the portfolio's compliance. Whoever requested a
 * variance can never review or decide it. At its end date an approval expires and the project reverts; a
 * request left undecided past its due date is escalated.
 */
export async function runVarianceScenario(urls: ServiceUrls, tokens: VarianceTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `variance-${suffix}`;
  const admin = <T>(method: string, url: string, body?: unknown) => callApi<T>(method, url, tokens.admin, body);
  const program = (await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Regulated program ${suffix}`, code: tokens.programCode, tags: [tag] })).body.id;
  const registerProject = (name: string) =>
    eventually(async () => {
      const answer = await admin<{ id: string }>('POST', `${urls.project}/projects`, { programId: program, name });
      expect(answer.status).toBe(201);
      return answer.body.id;
    });
  const project = await registerProject('Regulator-facing project');
  const otherProject = await registerProject('Second regulator-facing project');
  const today = (await admin<{ now: string }>('GET', `${urls.strategic}/clock`)).body.now.slice(0, 10);
  const key = `regulated-cadence-${suffix}`;
  const standard = (await admin<{ id: string }>('POST', `${urls.strategic}/standards`, { key, title: 'Cadence', kind: 'standard', owner: 'PMO' })).body.id;
  const base = `${urls.strategic}/standards/${standard}/versions`;
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await admin('POST', base, { version: '1.0.0', level: 'mandatory', effectiveDate: today, adoptionDeadline: deadline, applicability: { scope: 'tags', tags: [tag] }, requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }] });
  await admin('POST', `${base}/1.0.0/submit`);
  const versionId = (await admin<{ id: string }>('POST', `${base}/1.0.0/publish`, { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }] })).body.id;
  await eventually(async () => {
    const standards = await admin<{ versionId: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${program}/standards`);
    expect(standards.body.find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });

  const stateIn = async (service: 'program' | 'strategic') => {
    const url = service === 'program' ? `${urls.program}/programs/${program}/compliance?standard=${key}` : `${urls.strategic}/portfolio/compliance?standard=${key}`;
    return (await admin<{ rows: { projectId: string; state: string }[] }>('GET', url)).body.rows.find((r) => r.projectId === project)?.state;
  };
  expect((await callApi('POST', `${urls.program}/programs/${program}/adoptions`, tokens.programManager, { versionId, projectIds: [project], decision: 'variance-needed', reason: 'the regulator sets a monthly cadence' })).status).toBe(201);
  await eventually(async () => {
    expect(await stateIn('program')).toBe('variance-pending');
    expect(await stateIn('strategic')).toBe('variance-pending');
  });

  const request = { versionId, requirementIds: ['REVIEW-CADENCE'], projectIds: [project], justification: 'Monthly review required by the regulator', risk: { likelihood: 2, impact: 3 }, compensatingControls: ['Fortnightly call with the sponsor'], expiresOn: deadline };
  const idempotencyKey = `request-${suffix}`;
  const first = await callApi<{ id: string }>('POST', `${urls.program}/programs/${program}/variances`, tokens.programManager, request, { 'idempotency-key': idempotencyKey });
  expect(first.status).toBe(201);
  const retry = await callApi<{ id: string }>('POST', `${urls.program}/programs/${program}/variances`, tokens.programManager, request, { 'idempotency-key': idempotencyKey });
  expect(retry.body.id).toBe(first.body.id);
  expect((await admin<unknown[]>('GET', `${urls.program}/programs/${program}/variances`)).body).toHaveLength(1);
  const tooLong = await callApi<{ code: string }>('POST', `${urls.program}/programs/${program}/variances`, tokens.programManager, { ...request, expiresOn: '2099-01-01' });
  expect(tooLong.status).toBe(422);

  const varianceUrl = `${urls.strategic}/variances/${first.body.id}`;
  await eventually(async () => expect((await admin<{ state: string }>('GET', varianceUrl)).body.state).toBe('submitted'));
  const noConditions = await admin<{ message: string }>('POST', `${varianceUrl}/decide`, { outcome: 'approved-with-conditions', reason: 'ok' });
  expect(noConditions.status).toBe(400);
  const tooEarly = await admin<{ message: string }>('POST', `${varianceUrl}/decide`, { outcome: 'approved', reason: 'ok' });
  expect(tooEarly.status).toBe(409);
  expect(tooEarly.body.message).toBe('variance is submitted; allowed: under-review, rejected, withdrawn');
  expect((await admin('POST', `${varianceUrl}/review`)).status).toBe(200);
  expect((await admin('POST', `${varianceUrl}/decide`, { outcome: 'approved', reason: 'Compensating controls are enough' })).status).toBe(200);
  await eventually(async () => {
    const requests = await admin<{ id: string; state: string }[]>('GET', `${urls.program}/programs/${program}/variances`);
    expect(requests.body[0].state).toBe('approved');
    expect(await stateIn('program')).toBe('variance-approved');
    expect(await stateIn('strategic')).toBe('variance-approved');
  });

  // Separation of duties: the admin requests one himself, and may then neither review nor decide it.
  const own = await admin<{ id: string }>('POST', `${urls.program}/programs/${program}/variances`, { ...request, projectIds: [otherProject], justification: 'Own request' });
  expect(own.status).toBe(201);
  await eventually(async () => expect((await admin('GET', `${urls.strategic}/variances/${own.body.id}`)).status).toBe(200));
  const selfReview = await admin<{ code: string }>('POST', `${urls.strategic}/variances/${own.body.id}/review`);
  expect(selfReview.status).toBe(403);
  expect(selfReview.body.code).toBe('VARIANCE.OWN_REQUEST');

  // A month on: the approval has ended (the project reverts, and its deadline has passed: overdue) and the
  // undecided request is past its decision due date (escalated once, flagged late).
  const moveClocks = async (now: string) => {
    for (const service of [urls.strategic, urls.program]) expect((await callApi('PUT', `${service}/clock`, tokens.platform, { now })).status).toBe(200);
  };
  try {
    await moveClocks(`${new Date(Date.parse(`${deadline}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10)}T09:00:00Z`);
    await eventually(async () => {
      const requests = await admin<{ id: string; state: string }[]>('GET', `${urls.program}/programs/${program}/variances`);
      expect(requests.body.find((r) => r.id === first.body.id)?.state).toBe('expired');
      expect(await stateIn('program')).toBe('overdue');
      expect(await stateIn('strategic')).toBe('overdue');
      const cases = await admin<{ id: string; late: boolean; escalatedAt: string | null }[]>('GET', `${urls.strategic}/variances`);
      expect(cases.body.find((c) => c.id === own.body.id)).toMatchObject({ late: true, escalatedAt: expect.any(String) });
    });
  } finally {
    await moveClocks(new Date().toISOString());
  }
}
