import ICAL from 'ical.js';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Roadmap: a project's planned dates and milestones, set in project-pmo (bad ones refused, nothing kept),
 * reach the strategic PMO's roadmap as `project.schedule-changed`; a moved milestone moves there, keeping the
 * UID its calendar export carries; a closed project leaves the roadmap.
 */
export async function runRoadmapScenario(urls: ServiceUrls, tokens: { admin: string }): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const api = pmoClients(urls, tokens.admin);
  const today = dataOf(await api.strategic.GET('/clock')).now.slice(0, 10);
  const program = dataOf(await api.program.POST('/programs', { body: { name: `Roadmap program ${suffix}`, tags: [] } })).id;
  const project = await eventually(async () => {
    const answer = await api.project.POST('/projects', {
      body: { programId: program, name: `Billing ${suffix}`, startDate: addDays(today, 10), endDate: addDays(today, 200) },
    });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  });
  const ofProject = { path: { projectId: project } };
  const add = (body: object) => api.project.POST('/projects/{projectId}/milestones', { params: ofProject, body: body as { name: string; dueOn: string } });

  const badDay = await add({ name: 'Go-live', kind: 'go-live', dueOn: '2031-02-30' });
  expect([badDay.response.status, badDay.error?.message]).toEqual([400, expect.stringContaining('dueOn')]);
  const badKind = await add({ name: 'Go-live', kind: 'launch-party', dueOn: addDays(today, 150) });
  expect([badKind.response.status, badKind.error?.message]).toEqual([400, expect.stringContaining('kind')]);
  const unknown = randomUUID();
  const moveUnknown = await api.project.PATCH('/projects/{projectId}/milestones/{milestoneId}', {
    params: { path: { projectId: project, milestoneId: unknown } },
    body: { dueOn: addDays(today, 20) },
  });
  expect([moveUnknown.response.status, moveUnknown.error?.message]).toEqual([404, `milestone ${unknown} not found in project ${project}`]);
  expect(dataOf(await api.project.GET('/projects/{projectId}/milestones', { params: ofProject }))).toEqual([]);

  const goLive = dataOf(await add({ name: 'Billing go-live', kind: 'go-live', dueOn: addDays(today, 150) }));
  const design = dataOf(await add({ name: 'Design signed off', dueOn: addDays(today, 60) }));
  const dropped = dataOf(await add({ name: 'Vendor chosen', dueOn: addDays(today, 30) }));
  expect(design.kind).toBe('milestone');
  const moved = await api.project.PATCH('/projects/{projectId}/milestones/{milestoneId}', {
    params: { path: { projectId: project, milestoneId: design.id } },
    body: { dueOn: addDays(today, 90) },
  });
  expect([moved.response.status, dataOf(moved).dueOn]).toEqual([200, addDays(today, 90)]);
  const removed = await api.project.DELETE('/projects/{projectId}/milestones/{milestoneId}', {
    params: { path: { projectId: project, milestoneId: dropped.id } },
  });
  expect(removed.response.status).toBe(204);
  expect(dataOf(await api.project.GET('/projects/{projectId}/milestones', { params: ofProject })).map((m) => [m.name, m.dueOn])).toEqual([
    ['Design signed off', addDays(today, 90)],
    ['Billing go-live', addDays(today, 150)],
  ]);

  const roadmapOfProgram = async () =>
    dataOf(await api.strategic.GET('/roadmap', { params: { query: { program } } })).entries.map((e) => [e.date, e.kind, e.title, e.project?.projectId]);
  await eventually(async () => {
    expect(await roadmapOfProgram()).toEqual([
      [addDays(today, 10), 'project-start', `Billing ${suffix} starts`, project],
      [addDays(today, 90), 'milestone', `Billing ${suffix}: Design signed off`, project],
      [addDays(today, 150), 'go-live', `Billing ${suffix}: Billing go-live`, project],
      [addDays(today, 200), 'project-end', `Billing ${suffix} ends`, project],
    ]);
  });

  // The planned end moves in project-pmo: the roadmap follows, and the calendar keeps the go-live's UID.
  expect((await api.project.PATCH('/projects/{projectId}', { params: ofProject, body: { endDate: addDays(today, 220) } })).response.status).toBe(200);
  await eventually(async () => expect((await roadmapOfProgram()).at(-1)).toEqual([addDays(today, 220), 'project-end', `Billing ${suffix} ends`, project]));
  const calendar = await fetch(`${urls.strategic}/roadmap/calendar?program=${program}`, { headers: { authorization: `Bearer ${tokens.admin}` } });
  expect(calendar.headers.get('content-type')).toContain('text/calendar');
  const events = new ICAL.Component(ICAL.parse(await calendar.text())).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  expect(events.map((e) => [e.uid, e.startDate.toString()])).toEqual([
    [`project-start.${project}@roadmap.pmo`, addDays(today, 10)],
    [`milestone.${design.id}@roadmap.pmo`, addDays(today, 90)],
    [`go-live.${goLive.id}@roadmap.pmo`, addDays(today, 150)],
    [`project-end.${project}@roadmap.pmo`, addDays(today, 220)],
  ]);

  // A closed project's plan no longer changes, and it leaves the roadmap.
  expect((await api.project.POST('/projects/{projectId}/close', { params: ofProject, body: { reason: 'Cancelled by the sponsor' } })).response.status).toBe(
    200,
  );
  const late = await add({ name: 'Too late', dueOn: addDays(today, 40) });
  expect([late.response.status, late.error?.message]).toEqual([409, `project ${project} is closed and can no longer change`]);
  await eventually(async () => expect(await roadmapOfProgram()).toEqual([]));
}
