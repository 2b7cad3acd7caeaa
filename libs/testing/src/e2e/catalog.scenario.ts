import type { StrategicPmoOperations } from '@pmo/api-contracts';
import { randomUUID } from 'node:crypto';
import { dataOf, freeForm, jsonOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

const KEY_TASK_12 = `---
layout: m3/keyTask
phase: 1
keyTask: 2
name: Establish Initial Customer Program Management Office (PMO) Processes
objective: Establish a customer PMO structure to manage and oversee program activities.
responsibleParty: customer
category: programManagement
activities:
  - text: Develop Program Charter
    responsibleParty: customer
  - text: Agree on the “shared” PMO roles, with the provider
    responsibleParty: shared
inputs:
  - Vision
outputs:
  - Program Charter
stakeholders:
  - text: PMO Lead
    responsibleParty: customer
bestPractice:
  - Maintain the same key personnel throughout the program
reviewCycle: quarterly
---
`;

type NewVersion = StrategicPmoOperations['StandardVersionsController_createDraft']['requestBody']['content']['application/json'];

function versionBody(version: string, requirements: NewVersion['requirements'], body?: object): NewVersion {
  const today = new Date().toISOString().slice(0, 10);
  return {
    version,
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: today,
    applicability: { scope: 'organisation' },
    requirements,
    ...(body ? { body: freeForm(body) } : {}),
  };
}

async function putPlaybook(url: string, token: string, body: string, file: string): Promise<{ status: number; body: { code?: string; details?: unknown[] } }> {
  const response = await fetch(`${url}?file=${file}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
    body,
  });
  return { status: response.status, body: (await response.json()) as { code?: string; details?: unknown[] } };
}

/** The catalog through strategic-pmo's API: listing, methodology import/export/RACI, diff, report formats, tools. */
export function describeCatalog(getUrls: () => ServiceUrls, getToken: () => string): void {
  const suffix = randomUUID().slice(0, 8);
  const std = (name: string) => `catalog-${suffix}-${name}`;

  const api = () => pmoClients(getUrls(), getToken()).strategic;
  const ofStandard = (standardId: string) => ({ path: { standardId } });
  const ofVersion = (standardId: string, version: string) => ({ path: { standardId, version } });

  it('lists the catalog with filters, sorting and cursor pagination', async () => {
    for (const [name, kind] of [
      ['alpha', 'standard'],
      ['bravo', 'tool'],
      ['charlie', 'standard'],
      ['delta', 'standard'],
    ] as const) {
      expect(
        (await api().POST('/standards', { body: { key: std(name), title: `Catalog ${name}`, kind, owner: 'PMO', tags: [`t-${suffix}`] } })).response.status,
      ).toBe(201);
    }
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const after: { cursor?: string } = cursor ? { cursor } : {};
      const page = await api().GET('/standards', { params: { query: { tag: `t-${suffix}`, kind: 'standard', sort: '-key', limit: 2, ...after } } });
      expect(page.response.status).toBe(200);
      const { items, nextCursor } = dataOf(page);
      pages.push(items.map((i) => i.key));
      cursor = nextCursor;
    } while (cursor);
    expect(pages).toEqual([[std('delta'), std('charlie')], [std('alpha')]]);
    const text = dataOf(await api().GET('/standards', { params: { query: { q: `${suffix}-brav` } } }));
    expect(text.items.map((i) => i.key)).toEqual([std('bravo')]);
    expect((await api().GET('/standards', { params: { query: { cursor: 'bogus' } } })).response.status).toBe(400);
    // A sort key the document does not allow, sent on purpose.
    const badSort = await api().GET('/standards', { params: { query: { sort: 'owner' as 'key' } } });
    expect(badSort.response.status).toBe(400);
    expect(badSort.error?.message).toContain('sort');
  });

  it('imports a methodology playbook, keeps unknown keys and curly quotes, exports it back, and gives the RACI view', async () => {
    const { strategic } = getUrls();
    const standard = dataOf(await api().POST('/standards', { body: { key: std('lifecycle'), title: 'Life cycle', kind: 'methodology', owner: 'PMO' } })).id;
    const base = `${strategic}/standards/${standard}/versions`;
    expect((await api().POST('/standards/{standardId}/versions', { params: ofStandard(standard), body: versionBody('1.0.0', []) })).response.status).toBe(201);

    const wrongParty = await putPlaybook(
      `${base}/1.0.0/playbook`,
      getToken(),
      KEY_TASK_12.replace('responsibleParty: shared', 'responsibleParty: vendor'),
      '1.2.md',
    );
    expect(wrongParty.status).toBe(422);
    expect(wrongParty.body.code).toBe('PLAYBOOK.INVALID_STRUCTURE');
    expect(wrongParty.body.details).toEqual([expect.objectContaining({ file: '1.2.md', path: '/activities/1/responsibleParty' })]);
    expect(dataOf(await api().GET('/standards/{standardId}/versions/{version}', { params: ofVersion(standard, '1.0.0') })).body).toBeNull();

    expect((await putPlaybook(`${base}/1.0.0/playbook`, getToken(), KEY_TASK_12, '1.2.md')).status).toBe(200);
    const exported = await fetch(`${base}/1.0.0/playbook`, { headers: { authorization: `Bearer ${getToken()}` } });
    const yaml = await exported.text();
    expect(exported.headers.get('content-type')).toMatch(/application\/yaml/);
    expect(yaml).toContain('reviewCycle: quarterly');
    expect(yaml).toContain('“shared”');

    const raci = jsonOf(
      await api().GET('/standards/{standardId}/versions/{version}/playbook/key-tasks/{keyTask}/raci', {
        params: { path: { standardId: standard, version: '1.0.0', keyTask: '1.2' } },
      }),
    );
    expect(raci).toEqual([
      { activity: 'Develop Program Charter', customer: 'R', provider: '', shared: '' },
      { activity: 'Agree on the “shared” PMO roles, with the provider', customer: 'R', provider: 'R', shared: 'R' },
    ]);
    const csv = await fetch(`${base}/1.0.0/playbook/key-tasks/1.2/raci?format=csv`, { headers: { authorization: `Bearer ${getToken()}` } });
    expect(await csv.text()).toBe(
      'Activity,Customer,Provider,Shared\r\nDevelop Program Charter,R,,\r\n"Agree on the “shared” PMO roles, with the provider",R,R,R\r\n',
    );

    // Export → import gives the same playbook.
    expect((await api().POST('/standards/{standardId}/versions', { params: ofStandard(standard), body: versionBody('2.0.0', []) })).response.status).toBe(201);
    expect((await putPlaybook(`${base}/2.0.0/playbook`, getToken(), yaml, 'exported.yaml')).status).toBe(200);
    const first = dataOf(await api().GET('/standards/{standardId}/versions/{version}', { params: ofVersion(standard, '1.0.0') }));
    const second = dataOf(await api().GET('/standards/{standardId}/versions/{version}', { params: ofVersion(standard, '2.0.0') }));
    expect(second.body).toEqual(first.body);
  });

  it('diffs two versions and classifies the change', async () => {
    const standard = dataOf(await api().POST('/standards', { body: { key: std('diffed'), title: 'Diffed', kind: 'standard', owner: 'PMO' } })).id;
    const cadence = (max: number) => ({ id: 'STATUS-CADENCE', text: 'Report status', leeway: { kind: 'range' as const, min: 7, max, unit: 'days' as const } });
    const draft = (body: NewVersion) => api().POST('/standards/{standardId}/versions', { params: ofStandard(standard), body });
    await draft(versionBody('1.0.0', [cadence(14)]));
    await draft(versionBody('1.1.0', [cadence(14), { id: 'RISK-REVIEW', text: 'Review risks monthly' }]));
    await draft(versionBody('2.0.0', [cadence(10)]));
    const diff = async (from: string, to: string) =>
      dataOf(await api().GET('/standards/{standardId}/diff', { params: { path: { standardId: standard }, query: { from, to } } }));
    const minor = await diff('1.0.0', '1.1.0');
    expect(minor.classification).toBe('minor');
    const major = await diff('1.0.0', '2.0.0');
    expect(major.classification).toBe('major');
    expect(major.changes).toEqual([expect.objectContaining({ area: 'leeway', impact: 'major' })]);
  });

  it('diffs two editions of a methodology: the key task renumbered, an output renamed, an activity added', async () => {
    const { strategic } = getUrls();
    const standard = dataOf(
      await api().POST('/standards', { body: { key: std('methodology-diffed'), title: 'Methodology diffed', kind: 'methodology', owner: 'PMO' } }),
    ).id;
    const base = `${strategic}/standards/${standard}`;
    const edition2 = KEY_TASK_12.replace('keyTask: 2', 'keyTask: 3')
      .replace('activities:\n', 'activities:\n  - text: Document roles in a RACI\n    responsibleParty: customer\n')
      .replace('  - Program Charter\n', '  - Signed Program Charter\n');
    for (const [version, yaml] of [
      ['1.0.0', KEY_TASK_12],
      ['1.1.0', edition2],
    ] as const) {
      expect((await api().POST('/standards/{standardId}/versions', { params: ofStandard(standard), body: versionBody(version, []) })).response.status).toBe(
        201,
      );
      expect((await putPlaybook(`${base}/versions/${version}/playbook`, getToken(), yaml, `${version}.md`)).status).toBe(200);
    }
    const diff = await api().GET('/standards/{standardId}/diff', { params: { path: { standardId: standard }, query: { from: '1.0.0', to: '1.1.0' } } });
    expect(diff.response.status).toBe(200);
    expect(dataOf(diff)).toEqual({
      classification: 'minor',
      changes: [
        { kind: 'renumbered', area: 'key-task', path: 'key task 1.2', before: '1.2', after: '1.3', impact: 'patch' },
        {
          kind: 'added',
          area: 'activity',
          path: 'key task 1.3 / activity "Document roles in a RACI"',
          after: { text: 'Document roles in a RACI', responsibleParty: 'customer' },
          impact: 'minor',
        },
        {
          kind: 'renamed',
          area: 'output',
          path: 'key task 1.3 / output "Program Charter"',
          before: 'Program Charter',
          after: 'Signed Program Charter',
          impact: 'patch',
        },
      ],
    });
  });

  it('keeps a report format in draft until its schema compiles, and validates sample reports with every error path', async () => {
    const standard = dataOf(await api().POST('/standards', { body: { key: std('report'), title: 'Status report', kind: 'report-format', owner: 'PMO' } })).id;
    const v1 = ofVersion(standard, '1.0.0');
    await api().POST('/standards/{standardId}/versions', { params: ofStandard(standard), body: versionBody('1.0.0', [], { schema: { type: 'objekt' } }) });
    const submit = () => api().POST('/standards/{standardId}/versions/{version}/submit', { params: v1 });
    const refused = await submit();
    expect(refused.response.status).toBe(422);
    expect(refused.error?.code).toBe('STANDARD.NOT_PUBLISHABLE');
    const schema = {
      type: 'object',
      required: ['health'],
      properties: { health: { enum: ['green', 'amber', 'red'] }, percentComplete: { type: 'number', maximum: 100 } },
    };
    expect((await api().PATCH('/standards/{standardId}/versions/{version}', { params: v1, body: { body: freeForm({ schema }) } })).response.status).toBe(200);
    expect((await submit()).response.status).toBe(200);
    const validate = async (report: object) =>
      dataOf(await api().POST('/standards/{standardId}/versions/{version}/validate', { params: v1, body: { report: freeForm(report) } }));
    const invalid = await validate({ health: 'purple', percentComplete: 120 });
    expect(invalid).toEqual({
      valid: false,
      errors: [expect.objectContaining({ path: '/health' }), expect.objectContaining({ path: '/percentComplete' })],
    });
    const missing = await validate({ percentComplete: 5 });
    expect(missing).toEqual({ valid: false, errors: [{ path: '/health', message: 'is required' }] });
    const valid = await validate({ health: 'green' });
    expect(valid.valid).toBe(true);
  });

  it('refuses a tool version without its licence, naming the missing field', async () => {
    const standard = dataOf(await api().POST('/standards', { body: { key: std('tool'), title: 'Scheduler', kind: 'tool', owner: 'PMO' } })).id;
    const answer = await api().POST('/standards/{standardId}/versions', {
      params: ofStandard(standard),
      body: versionBody('1.0.0', [], { name: 'Scheduler', url: 'https://tools.example/scheduler', supportsRequirements: [] }),
    });
    expect(answer.response.status).toBe(422);
    expect(answer.error?.message).toContain("must have required property 'licence'");
  });
}
