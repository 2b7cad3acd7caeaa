import { randomUUID } from 'node:crypto';
// The untyped callApi on purpose: this table sends what the typed clients forbid (missing, extra and mistyped fields, malformed ids).
import { callApi } from '../http-client';
import type { ServiceUrls } from './walking-skeleton.scenario';

interface BadInputCase {
  endpoint: string;
  url: (urls: ServiceUrls) => string;
  /** Lists whose length must not change when the request is refused. */
  listUrl: (urls: ServiceUrls) => string;
  valid: (programId: string) => Record<string, unknown>;
  field: string;
  required: boolean;
  wrongValue: unknown;
}

const CASES: BadInputCase[] = [
  {
    endpoint: 'POST /programs (program-pmo)',
    url: (u) => `${u.program}/programs`,
    listUrl: (u) => `${u.program}/programs`,
    valid: () => ({ name: `Valid ${randomUUID()}`, tags: ['ok'] }),
    field: 'name',
    required: true,
    wrongValue: 42,
  },
  {
    endpoint: 'POST /programs (program-pmo)',
    url: (u) => `${u.program}/programs`,
    listUrl: (u) => `${u.program}/programs`,
    valid: () => ({ name: `Valid ${randomUUID()}`, tags: ['ok'] }),
    field: 'tags',
    required: false,
    wrongValue: 'regulated',
  },
  {
    endpoint: 'POST /projects (project-pmo)',
    url: (u) => `${u.project}/projects`,
    listUrl: (u) => `${u.project}/projects`,
    valid: (programId) => ({ programId, name: 'Valid project' }),
    field: 'programId',
    required: true,
    wrongValue: 'not-a-uuid',
  },
  {
    endpoint: 'POST /standards (strategic-pmo)',
    url: (u) => `${u.strategic}/standards`,
    listUrl: (u) => `${u.strategic}/standards?limit=100`,
    valid: () => ({ key: `valid-${randomUUID().slice(0, 8)}`, title: 'Valid', kind: 'standard', owner: 'PMO' }),
    field: 'kind',
    required: true,
    wrongValue: 'policy',
  },
  {
    endpoint: 'POST /standards (strategic-pmo)',
    url: (u) => `${u.strategic}/standards`,
    listUrl: (u) => `${u.strategic}/standards?limit=100`,
    valid: () => ({ key: `valid-${randomUUID().slice(0, 8)}`, title: 'Valid', kind: 'standard', owner: 'PMO' }),
    field: 'key',
    required: true,
    wrongValue: 'Not A Slug',
  },
  {
    endpoint: 'POST /projects (project-pmo)',
    url: (u) => `${u.project}/projects`,
    listUrl: (u) => `${u.project}/projects`,
    valid: (programId) => ({ programId, name: 'Valid project' }),
    field: 'name',
    required: true,
    wrongValue: ['a list'],
  },
  {
    endpoint: 'POST /projects (project-pmo)',
    url: (u) => `${u.project}/projects`,
    listUrl: (u) => `${u.project}/projects`,
    valid: (programId) => ({ programId, name: 'Valid project', percentComplete: 40 }),
    field: 'percentComplete',
    required: false,
    wrongValue: 101,
  },
];

async function countOf(url: string, token: string): Promise<number> {
  const answer = await callApi<unknown[] | { items: unknown[] }>('GET', url, token);
  return Array.isArray(answer.body) ? answer.body.length : answer.body.items.length;
}

/**
 * For every endpoint that takes a body: a missing, an extra and a wrongly typed field each get 400 naming
 * the field, and nothing is stored.
 */
export function describeBadInput(getUrls: () => ServiceUrls, getToken: () => string, getProgramId: () => string): void {
  it.each(CASES.filter((c) => c.required))('$endpoint answers 400 naming the missing required field $field, and stores nothing', async (c) => {
    const urls = getUrls();
    const before = await countOf(c.listUrl(urls), getToken());
    const body = c.valid(getProgramId());
    delete body[c.field];
    const answer = await callApi<{ message: string; code: string }>('POST', c.url(urls), getToken(), body);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('REQUEST.VALIDATION');
    expect(answer.body.message).toContain(c.field);
    expect(await countOf(c.listUrl(urls), getToken())).toBe(before);
  });

  describe.each(CASES)('$endpoint, field $field', (c) => {
    it('answers 400 naming an extra field, and stores nothing', async () => {
      const urls = getUrls();
      const before = await countOf(c.listUrl(urls), getToken());
      const answer = await callApi<{ message: string }>('POST', c.url(urls), getToken(), { ...c.valid(getProgramId()), [`${c.field}Extra`]: 1 });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(`property ${c.field}Extra should not exist`);
      expect(await countOf(c.listUrl(urls), getToken())).toBe(before);
    });

    it('answers 400 naming a wrongly typed field, and stores nothing', async () => {
      const urls = getUrls();
      const before = await countOf(c.listUrl(urls), getToken());
      const answer = await callApi<{ message: string }>('POST', c.url(urls), getToken(), { ...c.valid(getProgramId()), [c.field]: c.wrongValue });
      expect(answer.status).toBe(400);
      expect(answer.body.message).toContain(c.field);
      expect(await countOf(c.listUrl(urls), getToken())).toBe(before);
    });
  });

  it('answers 400 to a body that is not JSON, and stores nothing', async () => {
    const urls = getUrls();
    const before = await countOf(`${urls.program}/programs`, getToken());
    const answer = await callApi<{ code: string }>('POST', `${urls.program}/programs`, getToken(), '{"name": ');
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('REQUEST.MALFORMED_JSON');
    expect(await countOf(`${urls.program}/programs`, getToken())).toBe(before);
  });

  it.each([
    ['program-pmo GET /programs/:programId', (u: ServiceUrls) => `${u.program}/programs/not-a-uuid`],
    ['program-pmo GET /programs/:programId/projects', (u: ServiceUrls) => `${u.program}/programs/not-a-uuid/projects`],
    ['project-pmo GET /projects/:projectId', (u: ServiceUrls) => `${u.project}/projects/not-a-uuid`],
    ['project-pmo GET /programs/:programId', (u: ServiceUrls) => `${u.project}/programs/not-a-uuid`],
  ])('%s answers 400 to an id that is not a UUID', async (_name, url) => {
    const answer = await callApi<{ message: string }>('GET', url(getUrls()), getToken());
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/uuid is expected/);
  });

  it.each([
    ['program-pmo GET /programs/:programId', (u: ServiceUrls) => `${u.program}/programs/${randomUUID()}`],
    ['project-pmo GET /projects/:projectId', (u: ServiceUrls) => `${u.project}/projects/${randomUUID()}`],
  ])('%s answers 404 to an unknown id', async (_name, url) => {
    const answer = await callApi<{ code: string }>('GET', url(getUrls()), getToken());
    expect(answer.status).toBe(404);
    expect(answer.body.code).toMatch(/NOT_FOUND$/);
  });

  it('answers 422 to a project in a program project-pmo does not know, and stores nothing', async () => {
    const urls = getUrls();
    const before = await countOf(`${urls.project}/projects`, getToken());
    const answer = await callApi<{ code: string }>('POST', `${urls.project}/projects`, getToken(), { programId: randomUUID(), name: 'Orphan' });
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('PROJECT.UNKNOWN_PROGRAM');
    expect(await countOf(`${urls.project}/projects`, getToken())).toBe(before);
  });

  it('answers 400 to a project that ends before it starts, and stores nothing', async () => {
    const urls = getUrls();
    const before = await countOf(`${urls.project}/projects`, getToken());
    const answer = await callApi<{ code: string; message: string }>('POST', `${urls.project}/projects`, getToken(), {
      programId: getProgramId(),
      name: 'Backwards',
      startDate: '2027-06-01',
      endDate: '2027-01-01',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('endDate 2027-01-01 is before startDate 2027-06-01');
    expect(await countOf(`${urls.project}/projects`, getToken())).toBe(before);
  });

  it('answers 409 to a second program with the same name', async () => {
    const urls = getUrls();
    const name = `Duplicate ${randomUUID()}`;
    expect((await callApi('POST', `${urls.program}/programs`, getToken(), { name })).status).toBe(201);
    const second = await callApi<{ code: string }>('POST', `${urls.program}/programs`, getToken(), { name });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PROGRAM.NAME_TAKEN');
  });
}
