import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
import type { VarianceTokens } from './variances.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

/**
 * The seed's own story: a program in a regulated division reports that the life-cycle methodology does not
 * meet its regulator's demands; the strategic PMO accepts it, drafts a revision with a regulated variant,
 * publishes it to the regulated programs only, and the feedback closes for its sender.
 */
export async function runRegulatedFeedbackScenario(urls: ServiceUrls, tokens: Pick<VarianceTokens, 'admin' | 'programManager' | 'programCode'>): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const regulated = `regulated-${suffix}`;
  const admin = <T>(method: string, url: string, body?: unknown) => callApi<T>(method, url, tokens.admin, body);
  const programR = (await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Regulated division ${suffix}`, code: tokens.programCode, tags: [regulated, `division-${suffix}`] })).body.id;
  const programN = (await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Unregulated division ${suffix}`, tags: [`division-${suffix}`] })).body.id;
  const today = (await admin<{ now: string }>('GET', `${urls.strategic}/clock`)).body.now.slice(0, 10);
  const standard = (await admin<{ id: string }>('POST', `${urls.strategic}/standards`, { key: `lifecycle-${suffix}`, title: 'Migration life cycle', kind: 'standard', owner: 'PMO' })).body.id;
  const base = `${urls.strategic}/standards/${standard}/versions`;
  const charter = { id: 'PMO-CHARTER', text: 'Keep a Program Charter with a defined scope' };
  await admin('POST', base, { version: '1.0.0', level: 'mandatory', effectiveDate: today, adoptionDeadline: today, applicability: { scope: 'tags', tags: [`division-${suffix}`] }, requirements: [charter] });
  await admin('POST', `${base}/1.0.0/submit`);
  const v1 = (await admin<{ id: string }>('POST', `${base}/1.0.0/publish`, { rollout: [{ name: 'all', programIds: [], programTags: [`division-${suffix}`], opensOn: today, adoptionDeadline: today }] })).body.id;
  await eventually(async () => {
    const standards = await admin<{ versionId: string }[]>('GET', `${urls.program}/programs/${programR}/standards`);
    expect(standards.body.map((s) => s.versionId)).toContain(v1);
  });

  const feedback = { versionId: v1, category: 'conflicts-with-regulation', text: 'The life cycle has no independent review that our regulator demands', about: ['PMO-CHARTER'] };
  const sent = await callApi<{ id: string }>('POST', `${urls.program}/programs/${programR}/feedback`, tokens.programManager, feedback, { 'idempotency-key': `fb-${suffix}` });
  expect(sent.status).toBe(201);
  const again = await callApi<{ id: string }>('POST', `${urls.program}/programs/${programR}/feedback`, tokens.programManager, feedback, { 'idempotency-key': `fb-${suffix}` });
  expect(again.body.id).toBe(sent.body.id);
  await eventually(async () => expect((await admin<{ id: string }[]>('GET', `${urls.strategic}/feedback`)).body.map((f) => f.id)).toContain(sent.body.id));

  const triageUrl = `${urls.strategic}/feedback/${sent.body.id}/triage`;
  const declineWithoutReason = await admin<{ message: string }>('POST', triageUrl, { outcome: 'declined' });
  expect(declineWithoutReason.status).toBe(400);
  expect(declineWithoutReason.body.message).toContain('reason');
  expect((await admin<{ code: string }>('POST', triageUrl, { outcome: 'accepted', revisionVersion: '1.1.0' })).status).toBe(422); // no such draft yet
  const independentReview = { id: 'IV-AND-V', text: 'An independent verification and validation plan, reviewed with the regulator' };
  await admin('POST', base, { version: '1.1.0', level: 'mandatory', effectiveDate: today, adoptionDeadline: today, applicability: { scope: 'tags', tags: [regulated] }, requirements: [charter, independentReview], changeSummary: 'Regulated variant' });
  expect((await admin('POST', triageUrl, { outcome: 'accepted', revisionVersion: '1.1.0', reason: 'A regulated variant is planned' })).status).toBe(200);
  await eventually(async () => {
    const sentView = await admin<{ id: string; state: string }[]>('GET', `${urls.program}/programs/${programR}/feedback`);
    expect(sentView.body.find((f) => f.id === sent.body.id)?.state).toBe('accepted');
  });

  await admin('POST', `${base}/1.1.0/submit`);
  const published = await admin<{ id: string; changeSummary: string }>('POST', `${base}/1.1.0/publish`, { rollout: [{ name: 'regulated', programIds: [], programTags: [regulated], opensOn: today, adoptionDeadline: today }] });
  expect(published.status).toBe(200);
  expect(published.body.changeSummary).toContain(sent.body.id);
  await eventually(async () => {
    const sentView = await admin<{ id: string; state: string }[]>('GET', `${urls.program}/programs/${programR}/feedback`);
    expect(sentView.body.find((f) => f.id === sent.body.id)?.state).toBe('closed');
    const forR = await admin<{ versionId: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${programR}/standards`);
    expect(forR.body.find((s) => s.versionId === published.body.id)?.inForce).toBe(true);
    const forN = await admin<{ versionId: string }[]>('GET', `${urls.program}/programs/${programN}/standards`);
    expect(forN.body.map((s) => s.versionId)).not.toContain(published.body.id);
  });
}
