import { randomUUID } from 'node:crypto';
import { callApi } from '../http-client';
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

function versionBody(version: string, requirements: unknown[], body?: unknown) {
  const today = new Date().toISOString().slice(0, 10);
  return {
    version,
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: today,
    applicability: { scope: 'organisation' },
    requirements,
    ...(body ? { body } : {}),
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

  it('lists the catalog with filters, sorting and cursor pagination', async () => {
    const { strategic } = getUrls();
    for (const [name, kind] of [
      ['alpha', 'standard'],
      ['bravo', 'tool'],
      ['charlie', 'standard'],
      ['delta', 'standard'],
    ] as const) {
      expect(
        (await callApi('POST', `${strategic}/standards`, getToken(), { key: std(name), title: `Catalog ${name}`, kind, owner: 'PMO', tags: [`t-${suffix}`] }))
          .status,
      ).toBe(201);
    }
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query = `tag=t-${suffix}&kind=standard&sort=-key&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { status: number; body: { items: { key: string }[]; nextCursor: string | null } } = await callApi(
        'GET',
        `${strategic}/standards?${query}`,
        getToken(),
      );
      expect(page.status).toBe(200);
      pages.push(page.body.items.map((i) => i.key));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual([[std('delta'), std('charlie')], [std('alpha')]]);
    const text = await callApi<{ items: { key: string }[] }>('GET', `${strategic}/standards?q=${suffix}-brav`, getToken());
    expect(text.body.items.map((i) => i.key)).toEqual([std('bravo')]);
    expect((await callApi<{ message: string }>('GET', `${strategic}/standards?cursor=bogus`, getToken())).status).toBe(400);
    const badSort = await callApi<{ message: string }>('GET', `${strategic}/standards?sort=owner`, getToken());
    expect(badSort.status).toBe(400);
    expect(badSort.body.message).toContain('sort');
  });

  it('imports a methodology playbook, keeps unknown keys and curly quotes, exports it back, and gives the RACI view', async () => {
    const { strategic } = getUrls();
    const created = await callApi<{ id: string }>('POST', `${strategic}/standards`, getToken(), {
      key: std('lifecycle'),
      title: 'Life cycle',
      kind: 'methodology',
      owner: 'PMO',
    });
    const base = `${strategic}/standards/${created.body.id}/versions`;
    expect((await callApi('POST', base, getToken(), versionBody('1.0.0', []))).status).toBe(201);

    const wrongParty = await putPlaybook(
      `${base}/1.0.0/playbook`,
      getToken(),
      KEY_TASK_12.replace('responsibleParty: shared', 'responsibleParty: vendor'),
      '1.2.md',
    );
    expect(wrongParty.status).toBe(422);
    expect(wrongParty.body.code).toBe('PLAYBOOK.INVALID_STRUCTURE');
    expect(wrongParty.body.details).toEqual([expect.objectContaining({ file: '1.2.md', path: '/activities/1/responsibleParty' })]);
    expect((await callApi<{ body: unknown }>('GET', `${base}/1.0.0`, getToken())).body.body).toBeNull();

    expect((await putPlaybook(`${base}/1.0.0/playbook`, getToken(), KEY_TASK_12, '1.2.md')).status).toBe(200);
    const exported = await fetch(`${base}/1.0.0/playbook`, { headers: { authorization: `Bearer ${getToken()}` } });
    const yaml = await exported.text();
    expect(exported.headers.get('content-type')).toMatch(/application\/yaml/);
    expect(yaml).toContain('reviewCycle: quarterly');
    expect(yaml).toContain('“shared”');

    const raci = await callApi<{ activity: string; customer: string; provider: string; shared: string }[]>(
      'GET',
      `${base}/1.0.0/playbook/key-tasks/1.2/raci`,
      getToken(),
    );
    expect(raci.body).toEqual([
      { activity: 'Develop Program Charter', customer: 'R', provider: '', shared: '' },
      { activity: 'Agree on the “shared” PMO roles, with the provider', customer: 'R', provider: 'R', shared: 'R' },
    ]);
    const csv = await fetch(`${base}/1.0.0/playbook/key-tasks/1.2/raci?format=csv`, { headers: { authorization: `Bearer ${getToken()}` } });
    expect(await csv.text()).toBe(
      'Activity,Customer,Provider,Shared\r\nDevelop Program Charter,R,,\r\n"Agree on the “shared” PMO roles, with the provider",R,R,R\r\n',
    );

    // Export → import gives the same playbook.
    expect((await callApi('POST', base, getToken(), versionBody('2.0.0', []))).status).toBe(201);
    expect((await putPlaybook(`${base}/2.0.0/playbook`, getToken(), yaml, 'exported.yaml')).status).toBe(200);
    const first = await callApi<{ body: unknown }>('GET', `${base}/1.0.0`, getToken());
    const second = await callApi<{ body: unknown }>('GET', `${base}/2.0.0`, getToken());
    expect(second.body.body).toEqual(first.body.body);
  });

  it('diffs two versions and classifies the change', async () => {
    const { strategic } = getUrls();
    const created = await callApi<{ id: string }>('POST', `${strategic}/standards`, getToken(), {
      key: std('diffed'),
      title: 'Diffed',
      kind: 'standard',
      owner: 'PMO',
    });
    const base = `${strategic}/standards/${created.body.id}`;
    const cadence = (max: number) => ({ id: 'STATUS-CADENCE', text: 'Report status', leeway: { kind: 'range', min: 7, max, unit: 'days' } });
    await callApi('POST', `${base}/versions`, getToken(), versionBody('1.0.0', [cadence(14)]));
    await callApi('POST', `${base}/versions`, getToken(), versionBody('1.1.0', [cadence(14), { id: 'RISK-REVIEW', text: 'Review risks monthly' }]));
    await callApi('POST', `${base}/versions`, getToken(), versionBody('2.0.0', [cadence(10)]));
    const minor = await callApi<{ classification: string }>('GET', `${base}/diff?from=1.0.0&to=1.1.0`, getToken());
    expect(minor.body.classification).toBe('minor');
    const major = await callApi<{ classification: string; changes: { area: string; impact: string }[] }>('GET', `${base}/diff?from=1.0.0&to=2.0.0`, getToken());
    expect(major.body.classification).toBe('major');
    expect(major.body.changes).toEqual([expect.objectContaining({ area: 'leeway', impact: 'major' })]);
  });

  it('diffs two editions of a methodology: the key task renumbered, an output renamed, an activity added', async () => {
    const { strategic } = getUrls();
    const created = await callApi<{ id: string }>('POST', `${strategic}/standards`, getToken(), {
      key: std('methodology-diffed'),
      title: 'Methodology diffed',
      kind: 'methodology',
      owner: 'PMO',
    });
    const base = `${strategic}/standards/${created.body.id}`;
    const edition2 = KEY_TASK_12.replace('keyTask: 2', 'keyTask: 3')
      .replace('activities:\n', 'activities:\n  - text: Document roles in a RACI\n    responsibleParty: customer\n')
      .replace('  - Program Charter\n', '  - Signed Program Charter\n');
    for (const [version, yaml] of [
      ['1.0.0', KEY_TASK_12],
      ['1.1.0', edition2],
    ] as const) {
      expect((await callApi('POST', `${base}/versions`, getToken(), versionBody(version, []))).status).toBe(201);
      expect((await putPlaybook(`${base}/versions/${version}/playbook`, getToken(), yaml, `${version}.md`)).status).toBe(200);
    }
    const diff = await callApi<{ classification: string; changes: unknown[] }>('GET', `${base}/diff?from=1.0.0&to=1.1.0`, getToken());
    expect(diff.status).toBe(200);
    expect(diff.body).toEqual({
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
    const { strategic } = getUrls();
    const created = await callApi<{ id: string }>('POST', `${strategic}/standards`, getToken(), {
      key: std('report'),
      title: 'Status report',
      kind: 'report-format',
      owner: 'PMO',
    });
    const base = `${strategic}/standards/${created.body.id}/versions`;
    await callApi('POST', base, getToken(), versionBody('1.0.0', [], { schema: { type: 'objekt' } }));
    const refused = await callApi<{ code: string }>('POST', `${base}/1.0.0/submit`, getToken());
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('STANDARD.NOT_PUBLISHABLE');
    const schema = {
      type: 'object',
      required: ['health'],
      properties: { health: { enum: ['green', 'amber', 'red'] }, percentComplete: { type: 'number', maximum: 100 } },
    };
    expect((await callApi('PATCH', `${base}/1.0.0`, getToken(), { body: { schema } })).status).toBe(200);
    expect((await callApi('POST', `${base}/1.0.0/submit`, getToken())).status).toBe(200);
    const invalid = await callApi<{ valid: boolean; errors: { path: string }[] }>('POST', `${base}/1.0.0/validate`, getToken(), {
      report: { health: 'purple', percentComplete: 120 },
    });
    expect(invalid.body).toEqual({
      valid: false,
      errors: [expect.objectContaining({ path: '/health' }), expect.objectContaining({ path: '/percentComplete' })],
    });
    const missing = await callApi<{ valid: boolean; errors: { path: string }[] }>('POST', `${base}/1.0.0/validate`, getToken(), {
      report: { percentComplete: 5 },
    });
    expect(missing.body).toEqual({ valid: false, errors: [{ path: '/health', message: 'is required' }] });
    const valid = await callApi<{ valid: boolean }>('POST', `${base}/1.0.0/validate`, getToken(), { report: { health: 'green' } });
    expect(valid.body.valid).toBe(true);
  });

  it('refuses a tool version without its licence, naming the missing field', async () => {
    const { strategic } = getUrls();
    const created = await callApi<{ id: string }>('POST', `${strategic}/standards`, getToken(), {
      key: std('tool'),
      title: 'Scheduler',
      kind: 'tool',
      owner: 'PMO',
    });
    const answer = await callApi<{ message: string }>(
      'POST',
      `${strategic}/standards/${created.body.id}/versions`,
      getToken(),
      versionBody('1.0.0', [], { name: 'Scheduler', url: 'https://tools.example/scheduler', supportsRequirements: [] }),
    );
    expect(answer.status).toBe(422);
    expect(answer.body.message).toContain("must have required property 'licence'");
  });
}
