import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

/**
 * Close-out: a project closes with its post-implementation review (bad reviews refused, the project left
 * open); a lesson about the methodology goes upward and lands in the strategic PMO's feedback inbox,
 * linked to the project and lesson, where it is triaged like any feedback.
 */
export async function runCloseoutScenario(urls: ServiceUrls, tokens: { admin: string }): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `closeout-${suffix}`;
  const api = pmoClients(urls, tokens.admin);
  const today = dataOf(await api.strategic.GET('/clock')).now.slice(0, 10);
  const program = dataOf(await api.program.POST('/programs', { body: { name: `Close-out program ${suffix}`, tags: [tag] } })).id;
  const standard = dataOf(
    await api.strategic.POST('/standards', { body: { key: `cutover-${suffix}`, title: 'Cut-over method', kind: 'standard', owner: 'PMO' } }),
  ).id;
  const v1 = { path: { standardId: standard, version: '1.0.0' } };
  await api.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId: standard } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: today,
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [{ id: 'CUTOVER-GATE', text: 'Hold a go/no-go gate before cut-over' }],
    },
  });
  await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: v1 });
  const versionId = dataOf(
    await api.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: v1,
      body: { rollout: [{ name: 'all', programIds: [], programTags: [tag], opensOn: today, adoptionDeadline: today }] },
    }),
  ).id;
  const project = await eventually(async () => {
    const answer = await api.project.POST('/projects', { body: { programId: program, name: `Ledger cut-over ${suffix}` } });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  });
  const ofProject = { path: { projectId: project } };
  await eventually(async () => {
    expect(dataOf(await api.project.GET('/projects/{projectId}/requirements', { params: ofProject })).map((r) => r.versionId)).toContain(versionId);
  });

  const methodologyLesson = {
    category: 'methodology' as const,
    whatHappened: 'The go/no-go gate came after the data freeze, too late to stop the cut-over',
    recommendation: 'Hold the gate before the data freeze',
    versionId,
    about: ['CUTOVER-GATE'],
  };
  const review = {
    outcome: 'delivered-with-changes' as const,
    objective: 'Move the general ledger to the new platform',
    delivered: 'Ledger migrated; one legacy interface kept for a quarter',
    lessons: [methodologyLesson, { category: 'stakeholders' as const, whatHappened: 'Finance joined late', recommendation: 'Name finance in the charter' }],
  };
  const close = (body: object) => api.project.POST('/projects/{projectId}/close', { params: ofProject, body: body as { reason: string } });

  const missingDelivered = await close({ reason: 'Delivered', review: { ...review, delivered: undefined } });
  expect([missingDelivered.response.status, missingDelivered.error?.message]).toEqual([400, expect.stringContaining('delivered')]);
  const unknownVersion = randomUUID();
  const foreignVersion = await close({ reason: 'Delivered', review: { ...review, lessons: [{ ...methodologyLesson, versionId: unknownVersion }] } });
  expect([foreignVersion.response.status, foreignVersion.error?.message]).toEqual([
    422,
    `review.lessons[0].versionId ${unknownVersion} is not a standard version known to the project's program`,
  ]);
  // Refused closings leave the project open and without a review.
  expect(dataOf(await api.project.GET('/projects/{projectId}', { params: ofProject })).closedAt).toBeNull();
  expect((await api.project.GET('/projects/{projectId}/review', { params: ofProject })).response.status).toBe(404);

  expect((await close({ reason: 'Delivered and handed over to operations', review })).response.status).toBe(200);
  const stored = dataOf(await api.project.GET('/projects/{projectId}/review', { params: ofProject }));
  expect(stored).toMatchObject({ outcome: 'delivered-with-changes', delivered: review.delivered, objective: review.objective });
  expect(stored.lessons.map((l) => [l.category, l.version, l.feedbackId])).toEqual([
    ['methodology', '1.0.0', null],
    ['stakeholders', null, null],
  ]);
  const [methodology, stakeholders] = stored.lessons;

  const send = (lessonId: string, body: object) =>
    api.project.POST('/projects/{projectId}/review/lessons/{lessonId}/send-as-feedback', {
      params: { path: { projectId: project, lessonId } },
      body: body as { category: 'insufficient' },
    });
  const badCategory = await send(methodology.id, { category: 'late' });
  expect([badCategory.response.status, badCategory.error?.message]).toEqual([400, expect.stringContaining('category')]);
  const noVersion = await send(stakeholders.id, { category: 'other' });
  expect([noVersion.response.status, noVersion.error?.message]).toEqual([
    422,
    `lesson ${stakeholders.id} names no standard version; only a lesson about a standard goes upward as feedback`,
  ]);
  const sent = dataOf(await send(methodology.id, { category: 'insufficient' }));
  expect(sent.feedbackId).not.toBeNull();
  const again = await send(methodology.id, { category: 'insufficient' });
  expect([again.response.status, again.error?.message]).toEqual([409, `lesson ${methodology.id} was already sent as feedback ${sent.feedbackId}`]);

  const inbox = await eventually(async () => {
    const item = dataOf(await api.strategic.GET('/feedback')).find((f) => f.id === sent.feedbackId);
    expect(item).toBeDefined();
    return item as NonNullable<typeof item>;
  });
  expect(inbox).toMatchObject({
    programId: program,
    versionId,
    version: '1.0.0',
    category: 'insufficient',
    about: ['CUTOVER-GATE'],
    state: 'submitted',
    originProjectId: project,
    originLessonId: methodology.id,
  });
  expect(inbox.text).toContain('Hold the gate before the data freeze');
  const declined = await api.strategic.POST('/feedback/{feedbackId}/triage', {
    params: { path: { feedbackId: inbox.id } },
    body: { outcome: 'declined', reason: 'The gate is already required before the freeze in 1.0.0' },
  });
  expect([declined.response.status, dataOf(declined).state]).toEqual([200, 'declined']);
}
