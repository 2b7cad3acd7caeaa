import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Rule 10: each standard's grandfathering threshold. A 60%-complete project cannot be grandfathered under
 * the default 90; once the strategic PMO sets the standard's threshold to 50 it can, and program-pmo shows
 * the threshold in its view of the standard. Thresholds outside 0–100 are refused naming the field.
 */
export async function runGrandfatheringThresholdScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `grandfather-${suffix}`;
  const admin = pmoClients(urls, tokens.admin);
  const program = dataOf(await admin.program.POST('/programs', { body: { name: `Grandfathering ${suffix}`, tags: [tag] } })).id;
  const inProgram = { path: { programId: program } };
  const project = await eventually(async () => {
    const answer = await admin.project.POST('/projects', { body: { programId: program, name: 'Sixty percent', phase: 'execution' } });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  });
  expect(
    (await admin.project.PATCH('/projects/{projectId}', { params: { path: { projectId: project } }, body: { percentComplete: 60 } })).response.status,
  ).toBe(200);
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const created = dataOf(
    await admin.strategic.POST('/standards', { body: { key: `grandfather-${suffix}`, title: 'Grandfathering threshold', kind: 'standard', owner: 'PMO' } }),
  );
  expect(created.grandfatheringPolicy).toEqual({ thresholdPercent: 90 });
  const standard = created.id;
  const ofStandard = { path: { standardId: standard } };
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: ofStandard,
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: day(today, 30),
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [{ id: 'GF-1', text: 'Something to adopt' }],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion });
  const versionId = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion,
      body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: day(today, 30) }] },
    }),
  ).id;
  const viewOf = async () => dataOf(await admin.program.GET('/programs/{programId}/standards', { params: inProgram })).find((s) => s.versionId === versionId);
  await eventually(async () => {
    expect(await viewOf()).toMatchObject({ inForce: true, grandfatheringThresholdPercent: 90 });
    const projects = dataOf(await admin.program.GET('/programs/{programId}/projects', { params: inProgram }));
    expect(projects.find((p) => p.projectId === project)?.percentComplete).toBe(60);
  });
  const grandfather = () =>
    admin.program.POST('/programs/{programId}/adoptions', {
      params: inProgram,
      body: { versionId, projectIds: [project], decision: 'grandfather', reason: 'nearly done' },
    });

  // The default 90 refuses a 60% project.
  const refused = await grandfather();
  expect(refused.response.status).toBe(422);
  expect(refused.error?.message).toContain('project is 60% complete in phase execution; grandfathering needs 90% or the closing phase');

  // Out of range: 400 naming the field, nothing changed.
  const setPolicy = (thresholdPercent: number) =>
    admin.strategic.PUT('/standards/{standardId}/grandfathering-policy', { params: ofStandard, body: { thresholdPercent } });
  for (const thresholdPercent of [101, -1, 50.5]) {
    const bad = await setPolicy(thresholdPercent);
    expect(bad.response.status).toBe(400);
    expect(bad.error?.message).toContain('thresholdPercent');
  }
  expect(dataOf(await admin.strategic.GET('/standards/{standardId}', { params: ofStandard })).grandfatheringPolicy).toEqual({
    thresholdPercent: 90,
  });

  // The standard's threshold set to 50: visible on both sides, and the 60% project may be grandfathered.
  const set = await setPolicy(50);
  expect(set.response.status).toBe(200);
  expect(dataOf(set).grandfatheringPolicy).toEqual({ thresholdPercent: 50 });
  expect(dataOf(await admin.strategic.GET('/standards/{standardId}', { params: ofStandard })).grandfatheringPolicy).toEqual({
    thresholdPercent: 50,
  });
  await eventually(async () => expect((await viewOf())?.grandfatheringThresholdPercent).toBe(50));
  expect((await grandfather()).response.status).toBe(201);
}
