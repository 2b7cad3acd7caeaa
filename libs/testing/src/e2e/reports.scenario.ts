import type { StrategicPmoOperations } from '@pmo/api-contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, freeForm, jsonOf, pmoClients } from '../typed-clients';
import type { ScenarioTokens } from './standards.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

type NewVersion = StrategicPmoOperations['StandardVersionsController_createDraft']['requestBody']['content']['application/json'];

function daysFrom(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Status reports in a published format (valid stored, invalid refused with every path), implementation
 * status per requirement, the reporting cadence counting in compliance when reports stop, and closing;
 * with the typed clients of @pmo/api-contracts.
 */
export async function runReportsScenario(urls: ServiceUrls, tokens: ScenarioTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `reports-${suffix}`;
  const api = pmoClients(urls, tokens.admin);
  const platform = pmoClients(urls, tokens.platform);
  const program = dataOf(await api.program.POST('/programs', { body: { name: `Reporting program ${suffix}`, tags: [tag] } })).id;
  const project = await eventually(async () => {
    const answer = await api.project.POST('/projects', { body: { programId: program, name: 'Reporting project' } });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  });
  const ofProject = { path: { projectId: project } };
  const today = dataOf(await api.strategic.GET('/clock')).now.slice(0, 10);
  const publish = async (key: string, kind: 'standard' | 'report-format', requirements: NewVersion['requirements'], body?: object) => {
    const standard = dataOf(await api.strategic.POST('/standards', { body: { key, title: key, kind, owner: 'PMO' } })).id;
    const version = { path: { standardId: standard, version: '1.0.0' } };
    // The document gives a version's body (a report format's JSON Schema) no properties: it is sent as it is.
    const draft = {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: daysFrom(today, 30),
      applicability: { scope: 'tags', tags: [tag] },
      requirements,
      ...(body ? { body: freeForm(body) } : {}),
    } satisfies NewVersion;
    expect((await api.strategic.POST('/standards/{standardId}/versions', { params: { path: { standardId: standard } }, body: draft })).response.status).toBe(
      201,
    );
    expect((await api.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: version })).response.status).toBe(200);
    return dataOf(
      await api.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
        params: version,
        body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: daysFrom(today, 30) }] },
      }),
    ).id;
  };
  const format = await publish(`report-${suffix}`, 'report-format', [], {
    schema: {
      type: 'object',
      required: ['health'],
      properties: { health: { enum: ['green', 'amber', 'red'] }, percentComplete: { type: 'number', maximum: 100 } },
      additionalProperties: false,
    },
  });
  const cadenceKey = `cadence-${suffix}`;
  const cadence = await publish(cadenceKey, 'standard', [
    { id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } },
  ]);
  await eventually(async () => {
    const requirements = await api.project.GET('/projects/{projectId}/requirements', { params: ofProject });
    expect(dataOf(requirements).map((r) => r.versionId)).toContain(cadence);
    const standards = await api.program.GET('/programs/{programId}/standards', { params: { path: { programId: program } } });
    // Other organisation-wide standards may apply too (demo data, other tests); these two must be in force.
    expect(
      dataOf(standards)
        .filter((s) => s.inForce)
        .map((s) => s.versionId),
    ).toEqual(expect.arrayContaining([cadence, format]));
  });
  expect(
    (
      await api.program.POST('/programs/{programId}/adoptions', {
        params: { path: { programId: program } },
        body: { versionId: cadence, projectIds: [project], decision: 'adopt', reason: 'scenario' },
      })
    ).response.status,
  ).toBe(201);

  // Reports: an invalid one is refused with every error's path, and nothing is stored.
  const invalid = await api.project.POST('/projects/{projectId}/status-reports', {
    params: ofProject,
    body: { formatVersionId: format, report: freeForm({ health: 'purple', percentComplete: 120 }) },
  });
  expect(invalid.response.status).toBe(422);
  expect(invalid.error?.code).toBe('REPORT.INVALID');
  expect((invalid.error?.details as { path: string }[]).map((d) => d.path).sort()).toEqual(['/health', '/percentComplete']);
  // A missing or an extra property is named by its own path, not the report's root.
  const misshapen = await api.project.POST('/projects/{projectId}/status-reports', {
    params: ofProject,
    body: { formatVersionId: format, report: freeForm({ percentComplete: 20, budget: 3 }) },
  });
  expect(misshapen.response.status).toBe(422);
  expect(misshapen.error?.details).toEqual([
    { path: '/health', message: 'is required' },
    { path: '/budget', message: 'is not part of the report format' },
  ]);
  expect(misshapen.error?.message).toBe('the status report does not match its format: /health is required; /budget is not part of the report format');
  expect(dataOf(await api.project.GET('/projects/{projectId}/status-reports', { params: ofProject }))).toEqual([]);
  expect(
    (
      await api.project.POST('/projects/{projectId}/status-reports', {
        params: ofProject,
        body: { formatVersionId: format, report: freeForm({ health: 'green', percentComplete: 20 }) },
      })
    ).response.status,
  ).toBe(201);

  // Implementation status: not-applicable needs a reason.
  const status = { path: { projectId: project, requirementId: 'STATUS-CADENCE' } };
  const noReason = await api.project.PUT('/projects/{projectId}/requirements/{requirementId}/status', {
    params: status,
    body: { versionId: cadence, status: 'not-applicable' },
  });
  expect(noReason.response.status).toBe(400);
  expect(noReason.error?.message).toContain('reason');
  expect(
    (
      await api.project.PUT('/projects/{projectId}/requirements/{requirementId}/status', {
        params: status,
        body: { versionId: cadence, status: 'implemented', evidenceLinks: ['https://wiki.example/reports'] },
      })
    ).response.status,
  ).toBe(200);
  const requirements = await api.project.GET('/projects/{projectId}/requirements', { params: ofProject });
  expect(dataOf(requirements).find((r) => r.requirementId === 'STATUS-CADENCE')?.implementation).toBe('implemented');

  // The cadence: no report for 15 days counts against the project; a new report restores it.
  const stateOf = async (service: 'program' | 'strategic') => {
    const compliance =
      service === 'program'
        ? await api.program.GET('/programs/{programId}/compliance', { params: { path: { programId: program }, query: { standard: cadenceKey } } })
        : await api.strategic.GET('/portfolio/compliance', { params: { query: { standard: cadenceKey } } });
    return jsonOf(compliance).rows.find((r) => r.projectId === project)?.state;
  };
  await eventually(async () => {
    expect(await stateOf('program')).toBe('adopted');
    expect(await stateOf('strategic')).toBe('adopted');
  });
  const moveClocks = async (now: string) => {
    for (const moveClock of [
      () => platform.strategic.PUT('/clock', { body: { now } }),
      () => platform.program.PUT('/clock', { body: { now } }),
      () => platform.project.PUT('/clock', { body: { now } }),
    ])
      expect((await moveClock()).response.status).toBe(200);
  };
  try {
    await moveClocks(`${daysFrom(today, 16)}T12:00:00Z`);
    await eventually(async () => {
      expect(await stateOf('program')).toBe('non-compliant');
      expect(await stateOf('strategic')).toBe('non-compliant');
    });
    expect(
      (
        await api.project.POST('/projects/{projectId}/status-reports', {
          params: ofProject,
          body: { formatVersionId: format, report: freeForm({ health: 'amber' }) },
        })
      ).response.status,
    ).toBe(201);
    await eventually(async () => {
      expect(await stateOf('program')).toBe('adopted');
      expect(await stateOf('strategic')).toBe('adopted');
    });
  } finally {
    await moveClocks(new Date().toISOString());
  }

  // Closed: the project leaves every compliance view, and can no longer change.
  expect((await api.project.POST('/projects/{projectId}/close', { params: ofProject, body: { reason: 'Delivered' } })).response.status).toBe(200);
  expect((await api.project.POST('/projects/{projectId}/close', { params: ofProject, body: { reason: 'again' } })).response.status).toBe(409);
  expect((await api.project.PATCH('/projects/{projectId}', { params: ofProject, body: { percentComplete: 100 } })).response.status).toBe(409);
  await eventually(async () => {
    expect(await stateOf('program')).toBeUndefined();
    expect(await stateOf('strategic')).toBeUndefined();
  });
}
