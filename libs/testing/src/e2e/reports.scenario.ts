import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { callApi } from '../http-client';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Status reports in a published format (valid stored, invalid refused with every path), implementation
 * status per requirement, the reporting cadence counting in compliance when reports stop, and closing.
 */
export async function runReportsScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `reports-${suffix}`;
  const post = <T>(url: string, body?: unknown) => callApi<T>('POST', url, tokens.admin, body);
  const program = (await post<{ id: string }>(`${urls.program}/programs`, { name: `Reporting program ${suffix}`, tags: [tag] })).body.id;
  const project = await eventually(async () => {
    const answer = await post<{ id: string }>(`${urls.project}/projects`, { programId: program, name: 'Reporting project' });
    expect(answer.status).toBe(201);
    return answer.body.id;
  });
  const today = (await callApi<{ now: string }>('GET', `${urls.strategic}/clock`, tokens.admin)).body.now.slice(0, 10);
  const publish = async (key: string, kind: string, requirements: unknown[], body?: unknown) => {
    const standard = (await post<{ id: string }>(`${urls.strategic}/standards`, { key, title: key, kind, owner: 'PMO' })).body.id;
    const base = `${urls.strategic}/standards/${standard}/versions`;
    expect((await post(base, { version: '1.0.0', level: 'mandatory', effectiveDate: today, adoptionDeadline: daysFrom(today, 30), applicability: { scope: 'tags', tags: [tag] }, requirements, ...(body ? { body } : {}) })).status).toBe(201);
    expect((await post(`${base}/1.0.0/submit`)).status).toBe(200);
    return (await post<{ id: string }>(`${base}/1.0.0/publish`, { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 30) }] })).body.id;
  };
  const format = await publish(`report-${suffix}`, 'report-format', [], { schema: { type: 'object', required: ['health'], properties: { health: { enum: ['green', 'amber', 'red'] }, percentComplete: { type: 'number', maximum: 100 } } } });
  const cadenceKey = `cadence-${suffix}`;
  const cadence = await publish(cadenceKey, 'standard', [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }]);
  await eventually(async () => {
    const requirements = await callApi<{ versionId: string }[]>('GET', `${urls.project}/projects/${project}/requirements`, tokens.admin);
    expect(requirements.body.map((r) => r.versionId)).toContain(cadence);
    const standards = await callApi<{ versionId: string; inForce: boolean }[]>('GET', `${urls.program}/programs/${program}/standards`, tokens.admin);
    // Other organisation-wide standards may apply too (demo data, other tests); these two must be in force.
    expect(standards.body.filter((s) => s.inForce).map((s) => s.versionId)).toEqual(expect.arrayContaining([cadence, format]));
  });
  expect((await post(`${urls.program}/programs/${program}/adoptions`, { versionId: cadence, projectIds: [project], decision: 'adopt', reason: 'scenario' })).status).toBe(201);

  // Reports: an invalid one is refused with every error's path, and nothing is stored.
  const reportsUrl = `${urls.project}/projects/${project}/status-reports`;
  const invalid = await post<{ code: string; details: { path: string }[] }>(reportsUrl, { formatVersionId: format, report: { health: 'purple', percentComplete: 120 } });
  expect(invalid.status).toBe(422);
  expect(invalid.body.code).toBe('REPORT.INVALID');
  expect(invalid.body.details.map((d) => d.path).sort()).toEqual(['/health', '/percentComplete']);
  expect((await callApi<unknown[]>('GET', reportsUrl, tokens.admin)).body).toEqual([]);
  expect((await post(reportsUrl, { formatVersionId: format, report: { health: 'green', percentComplete: 20 } })).status).toBe(201);

  // Implementation status: not-applicable needs a reason.
  const statusUrl = `${urls.project}/projects/${project}/requirements/STATUS-CADENCE/status`;
  const noReason = await callApi<{ message: string }>('PUT', statusUrl, tokens.admin, { versionId: cadence, status: 'not-applicable' });
  expect(noReason.status).toBe(400);
  expect(noReason.body.message).toContain('reason');
  expect((await callApi('PUT', statusUrl, tokens.admin, { versionId: cadence, status: 'implemented', evidenceLinks: ['https://wiki.example/reports'] })).status).toBe(200);
  const requirements = await callApi<{ requirementId: string; implementation: string }[]>('GET', `${urls.project}/projects/${project}/requirements`, tokens.admin);
  expect(requirements.body.find((r) => r.requirementId === 'STATUS-CADENCE')?.implementation).toBe('implemented');

  // The cadence: no report for 15 days counts against the project; a new report restores it.
  const stateOf = async (service: 'program' | 'strategic') => {
    const url = service === 'program' ? `${urls.program}/programs/${program}/compliance?standard=${cadenceKey}` : `${urls.strategic}/portfolio/compliance?standard=${cadenceKey}`;
    return (await callApi<{ rows: { projectId: string; state: string }[] }>('GET', url, tokens.admin)).body.rows.find((r) => r.projectId === project)?.state;
  };
  await eventually(async () => {
    expect(await stateOf('program')).toBe('adopted');
    expect(await stateOf('strategic')).toBe('adopted');
  });
  const moveClocks = async (now: string) => {
    for (const service of [urls.strategic, urls.program, urls.project]) expect((await callApi('PUT', `${service}/clock`, tokens.platform, { now })).status).toBe(200);
  };
  try {
    await moveClocks(`${daysFrom(today, 16)}T12:00:00Z`);
    await eventually(async () => {
      expect(await stateOf('program')).toBe('non-compliant');
      expect(await stateOf('strategic')).toBe('non-compliant');
    });
    expect((await post(reportsUrl, { formatVersionId: format, report: { health: 'amber' } })).status).toBe(201);
    await eventually(async () => {
      expect(await stateOf('program')).toBe('adopted');
      expect(await stateOf('strategic')).toBe('adopted');
    });
  } finally {
    await moveClocks(new Date().toISOString());
  }

  // Closed: the project leaves every compliance view, and can no longer change.
  expect((await post(`${urls.project}/projects/${project}/close`, { reason: 'Delivered' })).status).toBe(200);
  expect((await post(`${urls.project}/projects/${project}/close`, { reason: 'again' })).status).toBe(409);
  expect((await callApi('PATCH', `${urls.project}/projects/${project}`, tokens.admin, { percentComplete: 100 })).status).toBe(409);
  await eventually(async () => {
    expect(await stateOf('program')).toBeUndefined();
    expect(await stateOf('strategic')).toBeUndefined();
  });
}
