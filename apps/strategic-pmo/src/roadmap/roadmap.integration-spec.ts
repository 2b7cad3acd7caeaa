import { callApi, eventually, keycloakToken, startServiceAlone, uniqueSuffix, type ServiceAlone } from '@pmo/testing';
import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';

// strategic-pmo alone on real PostgreSQL: the roadmap built from project plans (as project-pmo sends them)
// and from the rollouts it publishes itself; filters, pages, scope, and exports a calendar library reads back.
let service: ServiceAlone;
let admin: string;
let paula: string;
let projectManager: string;
const fsm = randomUUID();
const hr = randomUUID();
const ledger = randomUUID();
const payroll = randomUUID();
const goLive = randomUUID();
const dataMigration = randomUUID();
const tag = `roadmap-${uniqueSuffix()}`;
let versionId: string;

interface Entry {
  uid: string;
  kind: string;
  date: string;
  title: string;
  programs: { programId: string; code: string }[];
  project: { projectId: string; code: string } | null;
  versionId: string | null;
}
interface Page {
  from: string;
  to: string;
  total: number;
  limit: number;
  offset: number;
  entries: Entry[];
}

const get = <T>(path: string, token = admin) => callApi<T>('GET', `${service.url}${path}`, token);
const plan = (
  projectId: string,
  programId: string,
  startDate: string | null,
  endDate: string | null,
  milestones: { milestoneId: string; name: string; kind: 'milestone' | 'go-live'; dueOn: string }[],
) => service.publish('pmo.project.schedule-changed.v1', { projectId, programId, startDate, endDate, milestones, changedAt: new Date().toISOString() });
const brief = (entries: Entry[]) => entries.map((e) => [e.date, e.kind, e.title]);

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_roadmap_${uniqueSuffix()}`, startStrategicPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, paula, projectManager] = await Promise.all([keycloakToken('sam.strategic'), keycloakToken('paula.program'), keycloakToken('pete.project')]);
  expect((await callApi('PUT', `${service.url}/clock`, await keycloakToken('pat.platform'), { now: '2031-01-05T09:00:00Z' })).status).toBe(200);
  const registeredAt = '2031-01-01T00:00:00Z';
  await service.publish('pmo.program.registered.v1', { programId: fsm, name: 'Finance', description: '', tags: [tag], registeredAt, code: 'fsm' });
  await service.publish('pmo.program.registered.v1', { programId: hr, name: 'People', description: '', tags: [], registeredAt, code: 'hr' });
  await service.publish('pmo.project.registered.v1', {
    projectId: ledger,
    programId: fsm,
    name: 'Ledger',
    phase: 'execution',
    tags: [],
    registeredAt,
    code: 'fsm-ledger',
  });
  await service.publish('pmo.project.registered.v1', {
    projectId: payroll,
    programId: hr,
    name: 'Payroll',
    phase: 'planning',
    tags: [],
    registeredAt,
    code: 'hr-payroll',
  });
  await plan(ledger, fsm, '2031-01-10', '2031-06-30', [
    { milestoneId: goLive, name: 'Ledger go-live', kind: 'go-live', dueOn: '2031-05-31' },
    { milestoneId: dataMigration, name: 'Data migrated', kind: 'milestone', dueOn: '2031-03-15' },
  ]);
  await plan(payroll, hr, '2030-11-01', '2031-04-30', [{ milestoneId: randomUUID(), name: 'Parallel run', kind: 'milestone', dueOn: '2031-02-20' }]);

  const standard = (
    await callApi<{ id: string }>('POST', `${service.url}/standards`, admin, { key: tag, title: 'Status reporting', kind: 'standard', owner: 'PMO' })
  ).body.id;
  const versions = `${service.url}/standards/${standard}/versions`;
  await callApi('POST', versions, admin, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: '2031-02-01',
    adoptionDeadline: '2031-04-30',
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'STATUS-CADENCE', text: 'Report status every two weeks' }],
  });
  await callApi('POST', `${versions}/1.0.0/submit`, admin);
  const published = await callApi<{ id: string }>('POST', `${versions}/1.0.0/publish`, admin, {
    rollout: [
      { name: 'Finance first', programIds: [], programTags: [tag], opensOn: '2031-02-01', adoptionDeadline: '2031-03-31' },
      { name: 'Everyone else', programIds: [hr], programTags: [], opensOn: '2031-04-01', adoptionDeadline: '2031-04-30' },
    ],
  });
  expect(published.status).toBe(200);
  versionId = published.body.id;
  // Events reach the service through its transport: wait until both plans are in.
  await eventually(async () => expect((await get<Page>('/roadmap?kind=project-end')).body.total).toBe(2));
});

afterAll(() => service.stop());

describe('the portfolio roadmap', () => {
  it('merges project plans and rollout waves from today on, in date order, labelled with programs and projects', async () => {
    const { status, body } = await get<Page>('/roadmap');
    expect(status).toBe(200);
    expect([body.from, body.to, body.total, body.limit, body.offset]).toEqual(['2031-01-05', '2032-01-05', 10, 100, 0]);
    // Payroll started before today: its start is not on the running calendar.
    expect(brief(body.entries)).toEqual([
      ['2031-01-10', 'project-start', 'Ledger starts'],
      ['2031-02-01', 'wave-opening', 'Status reporting 1.0.0, wave "Finance first" opens'],
      ['2031-02-20', 'milestone', 'Payroll: Parallel run'],
      ['2031-03-15', 'milestone', 'Ledger: Data migrated'],
      ['2031-03-31', 'adoption-deadline', 'Status reporting 1.0.0, wave "Finance first": adoption deadline'],
      ['2031-04-01', 'wave-opening', 'Status reporting 1.0.0, wave "Everyone else" opens'],
      ['2031-04-30', 'adoption-deadline', 'Status reporting 1.0.0, wave "Everyone else": adoption deadline'],
      ['2031-04-30', 'project-end', 'Payroll ends'],
      ['2031-05-31', 'go-live', 'Ledger: Ledger go-live'],
      ['2031-06-30', 'project-end', 'Ledger ends'],
    ]);
    expect(body.entries.find((e) => e.kind === 'go-live')).toMatchObject({
      uid: `go-live.${goLive}`,
      programs: [{ programId: fsm, code: 'fsm' }],
      project: { projectId: ledger, code: 'fsm-ledger' },
      versionId: null,
    });
    expect(body.entries.find((e) => e.title.includes('"Finance first" opens'))).toMatchObject({ programs: [{ programId: fsm }], project: null, versionId });
  });

  it('filters by window, program and kind, and pages in the same order', async () => {
    const march = await get<Page>('/roadmap?from=2031-03-01&to=2031-03-31');
    expect(brief(march.body.entries).map(([date]) => date)).toEqual(['2031-03-15', '2031-03-31']);
    const people = await get<Page>(`/roadmap?program=${hr}`);
    expect(brief(people.body.entries).map(([, kind, title]) => `${kind} ${title}`)).toEqual([
      'milestone Payroll: Parallel run',
      'wave-opening Status reporting 1.0.0, wave "Everyone else" opens',
      'adoption-deadline Status reporting 1.0.0, wave "Everyone else": adoption deadline',
      'project-end Payroll ends',
    ]);
    const golives = await get<Page>('/roadmap?kind=go-live,wave-opening');
    expect(golives.body.entries.map((e) => e.kind)).toEqual(['wave-opening', 'wave-opening', 'go-live']);
    const all = (await get<Page>('/roadmap')).body.entries.map((e) => e.uid);
    const pages = [0, 4, 8].map((offset) => get<Page>(`/roadmap?limit=4&offset=${offset}`));
    const paged = (await Promise.all(pages)).map((p) => p.body);
    expect(paged.map((p) => [p.total, p.entries.length])).toEqual([
      [10, 4],
      [10, 4],
      [10, 2],
    ]);
    expect(paged.flatMap((p) => p.entries.map((e) => e.uid))).toEqual(all);
  });

  it("shows a program manager his programs' entries only, and refuses a project manager", async () => {
    const own = await get<Page>('/roadmap', paula);
    expect(own.status).toBe(200);
    expect(new Set(own.body.entries.flatMap((e) => e.programs.map((p) => p.code)))).toEqual(new Set(['fsm']));
    expect(own.body.total).toBe(6);
    expect((await get<Page>(`/roadmap?program=${hr}`, paula)).body.total).toBe(0);
    const refused = await get<{ statusCode: number }>('/roadmap', projectManager);
    expect(refused.status).toBe(403);
  });

  it('answers 400 naming the problem for a bad window or filter', async () => {
    for (const [query, message] of [
      ['from=2031-03-01&to=2031-02-01', 'to 2031-02-01 is before from 2031-03-01'],
      ['from=2031-01-01&to=2040-01-01', 'a roadmap window spans at most 1830'],
      ['kind=go-live,party', 'kind must be kinds separated by commas'],
      ['from=2031-02-30', 'from'],
      ['limit=0', 'limit'],
      ['program=fsm', 'program'],
    ]) {
      for (const path of ['/roadmap', '/roadmap/calendar', '/roadmap/csv']) {
        if (path !== '/roadmap' && query.startsWith('limit')) continue;
        const answer = await get<{ message: string }>(`${path}?${query}`);
        expect([path, query, answer.status]).toEqual([path, query, 400]);
        expect(answer.body.message).toContain(message);
      }
    }
  });

  it('exports an iCalendar that a calendar library reads back, with stable UIDs across exports', async () => {
    const response = await fetch(`${service.url}/roadmap/calendar`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.headers.get('content-disposition')).toContain('roadmap.ics');
    const events = readCalendar(await response.text());
    expect(events).toHaveLength(10);
    const live = events.find((e) => e.uid === `go-live.${goLive}@roadmap.pmo`);
    expect(live).toEqual({
      uid: `go-live.${goLive}@roadmap.pmo`,
      summary: 'Ledger: Ledger go-live',
      start: '2031-05-31',
      allDay: true,
      description: expect.stringContaining('Project: Ledger (fsm-ledger)'),
    });

    // The go-live moves: the next export carries the same UID on the new day, and no event is added.
    await plan(ledger, fsm, '2031-01-10', '2031-06-30', [
      { milestoneId: goLive, name: 'Ledger go-live', kind: 'go-live', dueOn: '2031-06-14' },
      { milestoneId: dataMigration, name: 'Data migrated', kind: 'milestone', dueOn: '2031-03-15' },
    ]);
    // The event reaches the service through its transport: read until it has.
    const again = await eventually(async () => {
      const moved = readCalendar((await get<string>('/roadmap/calendar')).body);
      expect(moved.find((e) => e.uid === live?.uid)?.start).toBe('2031-06-14');
      return moved;
    });
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it('exports CSV with a header row, one row per entry, in the same order as the page', async () => {
    const response = await fetch(`${service.url}/roadmap/csv?program=${fsm}&kind=go-live,milestone`, { headers: { authorization: `Bearer ${admin}` } });
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'date,kind,title,program_codes,program_names,project_code,project_name,version_id,uid',
      `2031-03-15,milestone,Ledger: Data migrated,fsm,Finance,fsm-ledger,Ledger,,milestone.${dataMigration}`,
      `2031-06-14,go-live,Ledger: Ledger go-live,fsm,Finance,fsm-ledger,Ledger,,go-live.${goLive}`,
    ]);
  });

  it('drops a closed project from the roadmap', async () => {
    await service.publish('pmo.project.closed.v1', { projectId: payroll, programId: hr, reason: 'Cancelled', closedAt: new Date().toISOString() });
    await eventually(async () => {
      const page = await get<Page>(`/roadmap?program=${hr}`);
      expect(page.body.entries.map((e) => e.kind)).toEqual(['wave-opening', 'adoption-deadline']);
    });
  });

  it("shows a steering committee's meetings on the days they are scheduled, for the programs it steers", async () => {
    const committee = await callApi<{ id: string }>('POST', `${service.url}/committees`, admin, {
      name: 'Finance steering',
      cadence: 'monthly',
      programIds: [fsm],
      members: [{ username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' }],
    });
    expect(committee.status).toBe(201);
    const meeting = await callApi<{ id: string }>('POST', `${service.url}/committees/${committee.body.id}/meetings`, admin, { scheduledOn: '2031-02-12' });
    expect(meeting.status).toBe(201);
    const meetings = await get<Page>('/roadmap?kind=committee-meeting');
    expect(meetings.body.entries).toEqual([
      expect.objectContaining({
        uid: `committee-meeting.${meeting.body.id}`,
        date: '2031-02-12',
        title: 'Finance steering meets',
        programs: [expect.objectContaining({ programId: fsm })],
      }),
    ]);
    expect((await get<Page>(`/roadmap?kind=committee-meeting&program=${hr}`)).body.total).toBe(0);
  });
});

/** The VEVENTs of an iCalendar document, as ical.js parses them. */
function readCalendar(text: string): { uid: string; summary: string; start: string; allDay: boolean; description: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, start: event.startDate.toString(), allDay: event.startDate.isDate, description: event.description };
  });
}
