import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { VarianceTokens } from './variances.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

/**
 * The seed's own story, with the typed clients of @pmo/api-contracts: a program in a regulated division
 * reports that the life-cycle methodology does not meet its regulator's demands; the strategic PMO accepts
 * it, drafts a revision with a regulated variant, publishes it to the regulated programs only, and the
 * feedback closes for its sender.
 */
export async function runRegulatedFeedbackScenario(urls: ServiceUrls, tokens: Pick<VarianceTokens, 'admin' | 'programManager' | 'programCode'>): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const regulated = `regulated-${suffix}`;
  const admin = pmoClients(urls, tokens.admin);
  const manager = pmoClients(urls, tokens.programManager);
  const programR = dataOf(
    await admin.program.POST('/programs', {
      body: { name: `Regulated division ${suffix}`, code: tokens.programCode, tags: [regulated, `division-${suffix}`] },
    }),
  ).id;
  const programN = dataOf(await admin.program.POST('/programs', { body: { name: `Unregulated division ${suffix}`, tags: [`division-${suffix}`] } })).id;
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const standard = dataOf(
    await admin.strategic.POST('/standards', { body: { key: `lifecycle-${suffix}`, title: 'Migration life cycle', kind: 'standard', owner: 'PMO' } }),
  ).id;
  const ofStandard = { path: { standardId: standard } };
  const version = (v: string) => ({ path: { standardId: standard, version: v } });
  const charter = { id: 'PMO-CHARTER', text: 'Keep a Program Charter with a defined scope' };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: today,
      applicability: { scope: 'tags', tags: [`division-${suffix}`] },
      requirements: [charter],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version('1.0.0') });
  const v1 = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: version('1.0.0'),
      body: { rollout: [{ name: 'all', programIds: [], programTags: [`division-${suffix}`], opensOn: today, adoptionDeadline: today }] },
    }),
  ).id;
  await eventually(async () => {
    const standards = await admin.program.GET('/programs/{programId}/standards', { params: { path: { programId: programR } } });
    expect(dataOf(standards).map((s) => s.versionId)).toContain(v1);
  });

  const feedback = {
    versionId: v1,
    category: 'conflicts-with-regulation' as const,
    text: 'The life cycle has no independent review that our regulator demands',
    about: ['PMO-CHARTER'],
  };
  const withKey = { path: { programId: programR }, header: { 'idempotency-key': `fb-${suffix}` } };
  const sent = await manager.program.POST('/programs/{programId}/feedback', { params: withKey, body: feedback });
  expect(sent.response.status).toBe(201);
  const sentId = dataOf(sent).id;
  const again = await manager.program.POST('/programs/{programId}/feedback', { params: withKey, body: feedback });
  expect(dataOf(again).id).toBe(sentId);
  await eventually(async () => expect(dataOf(await admin.strategic.GET('/feedback')).map((f) => f.id)).toContain(sentId));

  const triage = { path: { feedbackId: sentId } };
  const declineWithoutReason = await admin.strategic.POST('/feedback/{feedbackId}/triage', { params: triage, body: { outcome: 'declined' } });
  expect(declineWithoutReason.response.status).toBe(400);
  expect(declineWithoutReason.error?.message).toContain('reason');
  expect(
    (await admin.strategic.POST('/feedback/{feedbackId}/triage', { params: triage, body: { outcome: 'accepted', revisionVersion: '1.1.0' } })).response.status,
  ).toBe(422); // no such draft yet
  const independentReview = { id: 'IV-AND-V', text: 'An independent verification and validation plan, reviewed with the regulator' };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '1.1.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: today,
      applicability: { scope: 'tags', tags: [regulated] },
      requirements: [charter, independentReview],
      changeSummary: 'Regulated variant',
    },
  });
  expect(
    (
      await admin.strategic.POST('/feedback/{feedbackId}/triage', {
        params: triage,
        body: { outcome: 'accepted', revisionVersion: '1.1.0', reason: 'A regulated variant is planned' },
      })
    ).response.status,
  ).toBe(200);
  const sentView = async () => dataOf(await admin.program.GET('/programs/{programId}/feedback', { params: { path: { programId: programR } } }));
  await eventually(async () => {
    expect((await sentView()).find((f) => f.id === sentId)?.state).toBe('accepted');
  });

  // The draft the accepted feedback waits for cannot be deleted under it.
  const deleteAnswering = await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: version('1.1.0') });
  expect(deleteAnswering.response.status).toBe(409);
  expect(deleteAnswering.error?.code).toBe('STANDARD.DRAFT_ANSWERS_FEEDBACK');
  expect(deleteAnswering.error?.message).toContain(sentId);
  expect((await admin.strategic.GET('/standards/{standardId}/versions/{version}', { params: version('1.1.0') })).response.status).toBe(200);
  // An abandoned draft is deleted (audited: the audit spec runs this scenario); its version number is free again.
  const abandoned = version('1.2.0');
  const draftBody = {
    version: '1.2.0',
    level: 'recommended' as const,
    effectiveDate: today,
    adoptionDeadline: today,
    applicability: { scope: 'organisation' as const },
    requirements: [charter],
  };
  expect((await admin.strategic.POST('/standards/{standardId}/versions', { params: ofStandard, body: draftBody })).response.status).toBe(201);
  expect((await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: abandoned })).response.status).toBe(204);
  expect((await admin.strategic.GET('/standards/{standardId}/versions/{version}', { params: abandoned })).response.status).toBe(404);
  expect((await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: abandoned })).response.status).toBe(404);
  expect((await admin.strategic.POST('/standards/{standardId}/versions', { params: ofStandard, body: draftBody })).response.status).toBe(201);
  expect((await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: abandoned })).response.status).toBe(204);

  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version('1.1.0') });
  const inReview = await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: version('1.1.0') });
  expect([inReview.response.status, inReview.error?.message]).toEqual([409, 'version 1.1.0 is in-review; only a draft can be deleted']);
  const published = await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
    params: version('1.1.0'),
    body: { rollout: [{ name: 'regulated', programIds: [], programTags: [regulated], opensOn: today, adoptionDeadline: today }] },
  });
  expect(published.response.status).toBe(200);
  expect(dataOf(published).changeSummary).toContain(sentId);
  expect((await admin.strategic.DELETE('/standards/{standardId}/versions/{version}', { params: version('1.0.0') })).error?.message).toBe(
    'version 1.0.0 is published; only a draft can be deleted',
  );
  await eventually(async () => {
    expect((await sentView()).find((f) => f.id === sentId)?.state).toBe('closed');
    const forR = await admin.program.GET('/programs/{programId}/standards', { params: { path: { programId: programR } } });
    expect(dataOf(forR).find((s) => s.versionId === dataOf(published).id)?.inForce).toBe(true);
    const forN = await admin.program.GET('/programs/{programId}/standards', { params: { path: { programId: programN } } });
    expect(dataOf(forN).map((s) => s.versionId)).not.toContain(dataOf(published).id);
  });
}
