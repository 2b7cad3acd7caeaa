import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
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
  const admin = <T>(method: string, url: string, body?: unknown) => callApi<T>(method, url, tokens.admin, body);
  const program = (await admin<{ id: string }>('POST', `${urls.program}/programs`, { name: `Grandfathering ${suffix}`, tags: [tag] })).body.id;
  const project = await eventually(async () => {
    const answer = await admin<{ id: string }>('POST', `${urls.project}/projects`, { programId: program, name: 'Sixty percent', phase: 'execution' });
    expect(answer.status).toBe(201);
    return answer.body.id;
  });
  expect((await admin('PATCH', `${urls.project}/projects/${project}`, { percentComplete: 60 })).status).toBe(200);
  const today = (await admin<{ now: string }>('GET', `${urls.strategic}/clock`)).body.now.slice(0, 10);
  const created = await admin<{ id: string; grandfatheringPolicy: { thresholdPercent: number } }>('POST', `${urls.strategic}/standards`, {
    key: `grandfather-${suffix}`,
    title: 'Grandfathering threshold',
    kind: 'standard',
    owner: 'PMO',
  });
  expect(created.body.grandfatheringPolicy).toEqual({ thresholdPercent: 90 });
  const standard = created.body.id;
  const base = `${urls.strategic}/standards/${standard}/versions`;
  await admin('POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: day(today, 30),
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [{ id: 'GF-1', text: 'Something to adopt' }],
  });
  await admin('POST', `${base}/1.0.0/submit`);
  const versionId = (
    await admin<{ id: string }>('POST', `${base}/1.0.0/publish`, {
      rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: day(today, 30) }],
    })
  ).body.id;
  const viewOf = async () =>
    (
      await admin<{ versionId: string; inForce: boolean; grandfatheringThresholdPercent: number }[]>('GET', `${urls.program}/programs/${program}/standards`)
    ).body.find((s) => s.versionId === versionId);
  await eventually(async () => {
    expect(await viewOf()).toMatchObject({ inForce: true, grandfatheringThresholdPercent: 90 });
    const projects = await admin<{ projectId: string; percentComplete: number }[]>('GET', `${urls.program}/programs/${program}/projects`);
    expect(projects.body.find((p) => p.projectId === project)?.percentComplete).toBe(60);
  });
  const grandfather = () =>
    admin<{ message: string }>('POST', `${urls.program}/programs/${program}/adoptions`, {
      versionId,
      projectIds: [project],
      decision: 'grandfather',
      reason: 'nearly done',
    });

  // The default 90 refuses a 60% project.
  const refused = await grandfather();
  expect(refused.status).toBe(422);
  expect(refused.body.message).toContain('project is 60% complete in phase execution; grandfathering needs 90% or the closing phase');

  // Out of range: 400 naming the field, nothing changed.
  for (const thresholdPercent of [101, -1, 50.5]) {
    const bad = await admin<{ message: string }>('PUT', `${urls.strategic}/standards/${standard}/grandfathering-policy`, { thresholdPercent });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('thresholdPercent');
  }
  expect((await admin<{ grandfatheringPolicy: unknown }>('GET', `${urls.strategic}/standards/${standard}`)).body.grandfatheringPolicy).toEqual({
    thresholdPercent: 90,
  });

  // The standard's threshold set to 50: visible on both sides, and the 60% project may be grandfathered.
  const set = await admin<{ grandfatheringPolicy: unknown }>('PUT', `${urls.strategic}/standards/${standard}/grandfathering-policy`, { thresholdPercent: 50 });
  expect(set.status).toBe(200);
  expect(set.body.grandfatheringPolicy).toEqual({ thresholdPercent: 50 });
  expect((await admin<{ grandfatheringPolicy: unknown }>('GET', `${urls.strategic}/standards/${standard}`)).body.grandfatheringPolicy).toEqual({
    thresholdPercent: 50,
  });
  await eventually(async () => expect((await viewOf())?.grandfatheringThresholdPercent).toBe(50));
  expect((await grandfather()).status).toBe(201);
}
