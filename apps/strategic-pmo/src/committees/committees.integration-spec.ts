import { callApi, eventually, keycloakToken, startServiceAlone, uniqueSuffix, type HttpAnswer, type ServiceAlone } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';

// strategic-pmo alone on real PostgreSQL with a controllable clock: a committee over one program, a meeting
// whose agenda is built from a late variance, accepted feedback and an overdue adoption, and its decisions.
let service: ServiceAlone;
let admin: string;
let reviewer: string;
let auditor: string;
let platform: string;
const suffix = uniqueSuffix();
const programId = randomUUID();
const otherProgramId = randomUUID();
const [adopting, silent] = [randomUUID(), randomUUID()];
const varianceId = randomUUID();
const feedbackId = randomUUID();
const T0 = Date.parse('2031-05-05T09:00:00Z');
const at = (days: number) => new Date(T0 + days * 86_400_000).toISOString();
let standardId: string;
let versionId: string;

type Problem = { message: string; code: string };
const api = <T = Problem>(token: string, method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> =>
  callApi<T>(method, `${service.url}${path}`, token, body);

interface Item {
  id: string;
  position: number;
  source: string;
  subjectKind: string;
  subjectId: string;
  state: string;
  title: string;
  decision: { outcome: string; effect: string; decidedByUsername: string } | null;
}
interface Meeting {
  id: string;
  state: string;
  items: Item[];
  attendance: { username: string; present: boolean }[];
}

/** What the committee part has stored, to show that a refusal changed nothing. */
async function stored(): Promise<number[]> {
  const [r] = (await service.dataSource.query(
    `SELECT (SELECT count(*) FROM steering_committees)::int AS c, (SELECT count(*) FROM committee_meetings)::int AS m,
            (SELECT count(*) FROM committee_agenda_items)::int AS i, (SELECT count(*) FROM committee_decisions)::int AS d,
            (SELECT count(*) FROM audit_log WHERE action LIKE 'committee.%')::int AS audited`,
  )) as { c: number; m: number; i: number; d: number; audited: number }[];
  return [r.c, r.m, r.i, r.d, r.audited];
}

const COMMITTEE = () => ({
  name: `Finance steering committee ${suffix}`,
  cadence: 'monthly',
  programIds: [programId],
  members: [
    { username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' },
    { username: 'rita.reviewer', name: 'Rita Reviewer', role: 'secretary' },
  ],
});

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_committees_${suffix}`, startStrategicPmo, { PMO_CONTROLLABLE_CLOCK: 'true' });
  [admin, reviewer, auditor, platform] = await Promise.all(['sam.strategic', 'rita.reviewer', 'ada.auditor', 'pat.platform'].map((u) => keycloakToken(u)));
  expect((await api(platform, 'PUT', '/clock', { now: at(0) })).status).toBe(200);
  const tag = `committee-${suffix}`;
  for (const [id, name] of [
    [programId, 'Finance'],
    [otherProgramId, 'HR'],
  ])
    await service.publish('pmo.program.registered.v1', {
      programId: id,
      name: `${name} ${suffix}`,
      description: '',
      tags: [tag],
      registeredAt: at(0),
      code: `${name.toLowerCase()}-${suffix}`,
    });
  for (const [id, name] of [
    [adopting, 'Ledger'],
    [silent, 'Payroll bridge'],
  ])
    await service.publish('pmo.project.registered.v1', { projectId: id, programId, name, phase: 'execution', tags: [], registeredAt: at(0) });
  standardId = (await api<{ id: string }>(admin, 'POST', '/standards', { key: tag, title: 'Steering cadence', kind: 'standard', owner: 'PMO' })).body.id;
  const base = `/standards/${standardId}/versions`;
  const version = (v: string) => ({
    version: v,
    level: 'mandatory',
    effectiveDate: at(0).slice(0, 10),
    adoptionDeadline: at(20).slice(0, 10),
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  });
  expect((await api(admin, 'POST', base, version('1.0.0'))).status).toBe(201);
  await api(admin, 'POST', `${base}/1.0.0/submit`);
  const published = await api<{ id: string }>(admin, 'POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'all', programIds: [programId, otherProgramId], programTags: [], opensOn: at(0).slice(0, 10), adoptionDeadline: at(20).slice(0, 10) }],
  });
  expect(published.status).toBe(200);
  versionId = published.body.id;
  expect((await api(admin, 'POST', base, version('1.1.0'))).status).toBe(201);
  await service.publish('pmo.adoption.decided.v1', {
    decisionId: randomUUID(),
    programId,
    projectId: adopting,
    standardId,
    versionId,
    version: '1.0.0',
    decision: 'variance-needed',
    choices: {},
    reason: 'the regulator sets a monthly cadence',
    actor: { subject: 'paula', name: 'Paula Program' },
    decidedAt: at(1),
  });
  await service.publish('pmo.variance.requested.v1', {
    varianceId,
    programId,
    requestedBy: { subject: 'paula', name: 'Paula Program' },
    standardId,
    versionId,
    version: '1.0.0',
    requirementIds: ['REVIEW-CADENCE'],
    projectIds: [adopting],
    justification: 'Monthly steering review required by the regulator',
    risk: { likelihood: 2, impact: 3 },
    compensatingControls: ['Fortnightly call with the sponsor'],
    expiresOn: at(120).slice(0, 10),
    submittedAt: at(1),
  });
  await service.publish('pmo.feedback.submitted.v1', {
    feedbackId,
    programId,
    standardId,
    versionId,
    version: '1.0.0',
    category: 'unclear',
    text: 'Which meetings count as a steering review?',
    about: ['REVIEW-CADENCE'],
    submittedBy: { subject: 'paula', name: 'Paula Program' },
    submittedAt: at(2),
  });
  await eventually(async () => expect((await api(admin, 'GET', `/variances/${varianceId}`)).status).toBe(200));
  await eventually(async () => expect((await api<{ id: string }[]>(reviewer, 'GET', '/feedback')).body.map((f) => f.id)).toContain(feedbackId));
  expect((await api(reviewer, 'POST', `/feedback/${feedbackId}/triage`, { outcome: 'accepted', revisionVersion: '1.1.0' })).status).toBe(200);
  // Day 25: the variance is past its decision due date (10 business days) and the silent project's deadline has passed.
  expect((await api(platform, 'PUT', '/clock', { now: at(25) })).status).toBe(200);
}, 120_000);

afterAll(async () => {
  await api(platform, 'PUT', '/clock', { now: new Date().toISOString() });
  await service.stop();
});

describe('steering committees', () => {
  let committeeId: string;
  let meeting: Meeting;
  const meetingPath = () => `/committees/${committeeId}/meetings/${meeting.id}`;

  it('refuses a committee without exactly one chair, with a member twice, an unknown program or a bad cadence, storing nothing', async () => {
    const before = await stored();
    const twoChairs = await api(admin, 'POST', '/committees', { ...COMMITTEE(), members: COMMITTEE().members.map((m) => ({ ...m, role: 'chair' })) });
    expect([twoChairs.status, twoChairs.body.message]).toEqual([422, 'a committee has exactly one chair; 2 given']);
    const twice = await api(admin, 'POST', '/committees', {
      ...COMMITTEE(),
      members: [...COMMITTEE().members, { username: 'rita.reviewer', name: 'Rita', role: 'member' }],
    });
    expect([twice.status, twice.body.message]).toEqual([422, 'rita.reviewer is listed twice among the members']);
    const stranger = randomUUID();
    const unknown = await api(admin, 'POST', '/committees', { ...COMMITTEE(), programIds: [programId, stranger] });
    expect([unknown.status, unknown.body.message]).toEqual([422, `unknown program ${stranger}: a committee steers registered programs`]);
    const bad = await api(admin, 'POST', '/committees', {
      ...COMMITTEE(),
      cadence: 'daily',
      members: [{ username: 'Sam Strategic', name: 'Sam', role: 'chair' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('cadence must be equal to one of the allowed values');
    expect(bad.body.message).toContain('must be a platform username such as sam.strategic');
    expect((await api(reviewer, 'POST', '/committees', COMMITTEE())).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('sets up a committee that members schedule meetings of, one a day', async () => {
    const created = await api<{ id: string; members: unknown[] }>(admin, 'POST', '/committees', COMMITTEE());
    expect(created.status).toBe(201);
    committeeId = created.body.id;
    expect((await api(admin, 'POST', '/committees', COMMITTEE())).status).toBe(409);
    expect((await api(auditor, 'POST', `/committees/${committeeId}/meetings`, { scheduledOn: at(25).slice(0, 10) })).status).toBe(403);
    // Sam sets up a second committee he does not sit on: there, he is not a member.
    const hr = await api<{ id: string }>(admin, 'POST', '/committees', {
      ...COMMITTEE(),
      name: `HR steering committee ${suffix}`,
      programIds: [otherProgramId],
      members: [{ username: 'rita.reviewer', name: 'Rita Reviewer', role: 'chair' }],
    });
    expect(hr.status).toBe(201);
    const notMember = await api(admin, 'POST', `/committees/${hr.body.id}/meetings`, { scheduledOn: at(25).slice(0, 10) });
    expect([notMember.status, notMember.body.message]).toEqual([403, `sam.strategic is not a member of the committee HR steering committee ${suffix}`]);
    const scheduled = await api<Meeting>(reviewer, 'POST', `/committees/${committeeId}/meetings`, { scheduledOn: at(25).slice(0, 10) });
    expect(scheduled.status).toBe(201);
    meeting = scheduled.body;
    expect(meeting.attendance).toEqual([
      { username: 'sam.strategic', present: false },
      { username: 'rita.reviewer', present: false },
    ]);
    const again = await api(admin, 'POST', `/committees/${committeeId}/meetings`, { scheduledOn: at(25).slice(0, 10) });
    expect([again.status, again.body.message]).toEqual([409, `the committee ${COMMITTEE().name} already meets on ${at(25).slice(0, 10)}`]);
    const listed = await api<{ id: string }[]>(auditor, 'GET', '/committees');
    expect(listed.body.map((c) => c.id)).toContain(committeeId);
    expect((await api<{ meetings: { id: string }[] }>(auditor, 'GET', `/committees/${committeeId}`)).body.meetings.map((m) => m.id)).toEqual([meeting.id]);
  });

  it("builds the agenda from the late variance, the accepted feedback and the overdue adoption of the committee's program only, once", async () => {
    const built = await api<Meeting>(reviewer, 'POST', `${meetingPath()}/agenda`);
    expect(built.status).toBe(200);
    expect(built.body.items.map((i) => [i.position, i.source, i.subjectKind, i.subjectId, i.state])).toEqual([
      [1, 'late-variance', 'variance', varianceId, 'open'],
      [2, 'accepted-feedback', 'feedback', feedbackId, 'open'],
      [3, 'overdue-adoption', 'project', silent, 'open'],
    ]);
    expect(built.body.items[2].title).toBe(`Overdue adoption: Payroll bridge of committee-${suffix} 1.0.0`);
    const rebuilt = await api<Meeting>(admin, 'POST', `${meetingPath()}/agenda`);
    expect(rebuilt.body.items).toHaveLength(3);
    meeting = rebuilt.body;
  });

  it('lets only members present decide, and only with the platform role the variance decision needs; refusals change nothing', async () => {
    const variance = `${meetingPath()}/decisions/variances/${varianceId}`;
    const approve = { outcome: 'approved', reason: 'Compensating controls cover the regulator’s concern' };
    const absent = await api(admin, 'POST', variance, approve);
    expect([absent.status, absent.body.message]).toEqual([
      403,
      `sam.strategic is not recorded as present at the meeting of ${at(25).slice(0, 10)}: only members present decide`,
    ]);
    const strangers = await api(reviewer, 'PUT', `${meetingPath()}/attendance`, { present: ['sam.strategic', 'hugo.program'] });
    expect([strangers.status, strangers.body.message]).toEqual([422, 'not a member of the committee: hugo.program']);
    expect((await api<Meeting>(reviewer, 'PUT', `${meetingPath()}/attendance`, { present: ['sam.strategic', 'rita.reviewer'] })).status).toBe(200);
    const before = await stored();
    const byReviewer = await api(reviewer, 'POST', variance, approve);
    expect([byReviewer.status, byReviewer.body.message]).toEqual([403, 'rita.reviewer may not decide a variance: it needs the platform role strategic-admin']);
    const offAgenda = await api(admin, 'POST', `${meetingPath()}/decisions/variances/${randomUUID()}`, approve);
    expect(offAgenda.status).toBe(422);
    expect(offAgenda.body.message).toMatch(/^variance [0-9a-f-]{36} is not on the agenda of this meeting$/);
    const noConditions = await api(admin, 'POST', variance, { outcome: 'approved-with-conditions', reason: 'ok' });
    expect([noConditions.status, noConditions.body.message]).toEqual([
      400,
      'conditions must list at least one condition when the outcome is approved-with-conditions',
    ]);
    expect(await stored()).toEqual(before);
    expect((await api<{ state: string }>(admin, 'GET', `/variances/${varianceId}`)).body.state).toBe('submitted');
  });

  it("approves the late variance: the committee's decision is the variance's decision, logged, audited and announced", async () => {
    const decided = await api<{ outcome: string; effect: string; subjectKind: string; subjectId: string }>(
      admin,
      'POST',
      `${meetingPath()}/decisions/variances/${varianceId}`,
      { outcome: 'approved', reason: 'Compensating controls cover the regulator’s concern' },
    );
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({
      outcome: 'approved',
      subjectKind: 'variance',
      subjectId: varianceId,
      effect: 'variance approved; variance.decided sent to its program',
    });
    const variance = await api<{ state: string; decidedByName: string; decisionReason: string }>(admin, 'GET', `/variances/${varianceId}`);
    expect(variance.body).toMatchObject({
      state: 'approved',
      decidedByName: expect.any(String),
      decisionReason: 'Compensating controls cover the regulator’s concern',
    });
    const outbox = (await service.dataSource.query(`SELECT event_type FROM outbox WHERE value LIKE '%' || $1 || '%'`, [varianceId])) as {
      event_type: string;
    }[];
    expect(outbox.map((o) => o.event_type)).toContain('pmo.variance.decided.v1');
    const audit = (await service.dataSource.query(
      // The scheduler may have escalated the late variance meanwhile: what the decision wrote is what is asserted.
      `SELECT action FROM audit_log WHERE (entity_id = $1 AND action <> 'variance.escalated') OR (action = 'committee.decision-recorded' AND after->>'subjectId' = $1) ORDER BY seq`,
      [varianceId],
    )) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['variance.under-review', 'variance.approved', 'committee.decision-recorded']);
    const twice = await api(admin, 'POST', `${meetingPath()}/decisions/variances/${varianceId}`, { outcome: 'rejected', reason: 'second thoughts' });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/^item 1 \(Late variance: .*\) is already decided$/);
  });

  it('triages the feedback and records a resolution on the overdue adoption, then exports the minutes and the decision log', async () => {
    const triaged = await api<{ outcome: string }>(reviewer, 'POST', `${meetingPath()}/decisions/feedback/${feedbackId}`, {
      outcome: 'declined',
      reason: 'The methodology already defines a steering review',
    });
    expect([triaged.status, triaged.body.outcome]).toEqual([201, 'declined']);
    expect((await api<{ id: string; state: string }[]>(reviewer, 'GET', '/feedback')).body.find((f) => f.id === feedbackId)?.state).toBe('declined');
    const item = meeting.items.find((i) => i.source === 'overdue-adoption') as Item;
    const badOutcome = await api(admin, 'POST', `${meetingPath()}/resolutions`, { itemId: item.id, outcome: 'approved', reason: 'x' });
    expect(badOutcome.status).toBe(400);
    const resolved = await api<{ effect: string }>(admin, 'POST', `${meetingPath()}/resolutions`, {
      itemId: item.id,
      outcome: 'directed',
      reason: 'The program brings an adoption plan for the payroll bridge to the next meeting',
    });
    expect([resolved.status, resolved.body.effect]).toEqual([201, 'recorded only: no state of the platform changes']);

    const minutes = await fetch(`${service.url}${meetingPath()}/minutes`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(minutes.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await minutes.text();
    expect(text).toContain(`# Minutes: Finance steering committee ${suffix}, ${at(25).slice(0, 10)}`);
    expect(text).toContain('- Sam Strategic (chair): present');
    expect(text).toMatch(/1\. \*\*Late variance: Monthly steering review required by the regulator\*\* \(late-variance\)/);
    expect(text).toContain('   - Decision: approved by ');
    expect(text).toContain('   - Decision: directed by ');
    const csv = await fetch(`${service.url}${meetingPath()}/decision-log`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('decidedAt,item,subjectKind,subjectId,outcome,reason,effect,decidedBy');
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 5))).toEqual([
      ['1', 'variance', varianceId, 'approved'],
      ['2', 'feedback', feedbackId, 'declined'],
      ['3', 'project', silent, 'directed'],
    ]);
  });

  it('closes the minutes, after which nothing more is decided, and audits every change of the meeting', async () => {
    const closed = await api<{ state: string; summary: string }>(admin, 'POST', `${meetingPath()}/close`, {
      summary: 'Cadence variance approved; adoption plan asked',
    });
    expect([closed.status, closed.body.state]).toEqual([200, 'closed']);
    const again = await api(admin, 'POST', `${meetingPath()}/close`, { summary: 'again' });
    expect([again.status, again.body.message]).toEqual([409, `the meeting of ${at(25).slice(0, 10)} is closed: its minutes are final`]);
    expect((await api(admin, 'POST', `${meetingPath()}/agenda`)).status).toBe(409);
    const audit = (await service.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [meeting.id])) as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'committee.meeting-scheduled',
      'committee.agenda-built',
      'committee.agenda-built',
      'committee.attendance-recorded',
      'committee.minutes-closed',
    ]);
    const unknown = await api(auditor, 'GET', `/committees/${committeeId}/meetings/${randomUUID()}`);
    expect(unknown.status).toBe(404);
  });

  it("changes a committee's members, programs and cadence after set-up: refusals change nothing, open meetings follow, closed minutes stay, audited", async () => {
    const next = await api<Meeting>(reviewer, 'POST', `/committees/${committeeId}/meetings`, { scheduledOn: at(26).slice(0, 10) });
    expect(next.status).toBe(201);
    expect((await api(reviewer, 'PUT', `/committees/${committeeId}/meetings/${next.body.id}/attendance`, { present: ['rita.reviewer'] })).status).toBe(200);
    const change = {
      cadence: 'fortnightly',
      programIds: [programId, otherProgramId],
      members: [
        { username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' },
        { username: 'rita.reviewer', name: 'Rita Reviewer', role: 'member' },
        { username: 'ada.auditor', name: 'Ada Auditor', role: 'secretary' },
      ],
    };
    const path = `/committees/${committeeId}`;
    const before = await stored();
    const committeeBefore = (await api(auditor, 'GET', path)).body;
    const twoChairs = await api(admin, 'PUT', path, { ...change, members: change.members.map((m) => ({ ...m, role: 'chair' })) });
    expect([twoChairs.status, twoChairs.body.message]).toEqual([422, 'a committee has exactly one chair; 3 given']);
    const stranger = randomUUID();
    const unknownProgram = await api(admin, 'PUT', path, { ...change, programIds: [stranger] });
    expect([unknownProgram.status, unknownProgram.body.message]).toEqual([422, `unknown program ${stranger}: a committee steers registered programs`]);
    const badCadence = await api(admin, 'PUT', path, { ...change, cadence: 'daily' });
    expect(badCadence.status).toBe(400);
    expect(badCadence.body.message).toContain('cadence must be equal to one of the allowed values');
    // The name names the committee in its minutes: it is not changed here.
    const renamed = await api(admin, 'PUT', path, { ...change, name: 'Another name' });
    expect(renamed.status).toBe(400);
    expect(renamed.body.message).toContain('name');
    expect((await api(admin, 'PUT', `/committees/${randomUUID()}`, change)).status).toBe(404);
    expect((await api(reviewer, 'PUT', path, change)).status).toBe(403);
    expect(await stored()).toEqual(before);
    expect((await api(auditor, 'GET', path)).body).toEqual(committeeBefore);

    const changed = await api<{ cadence: string; programIds: string[]; members: { username: string; role: string }[] }>(admin, 'PUT', path, change);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ cadence: 'fortnightly', programIds: [programId, otherProgramId] });
    expect(changed.body.members.map((m) => [m.username, m.role])).toEqual([
      ['sam.strategic', 'chair'],
      ['rita.reviewer', 'member'],
      ['ada.auditor', 'secretary'],
    ]);
    // The open meeting lists the new member, absent; Rita stays present. The closed minutes keep who sat then.
    const open = await api<Meeting>(auditor, 'GET', `/committees/${committeeId}/meetings/${next.body.id}`);
    expect(open.body.attendance).toEqual([
      { username: 'sam.strategic', present: false },
      { username: 'rita.reviewer', present: true },
      { username: 'ada.auditor', present: false },
    ]);
    expect((await api<Meeting>(auditor, 'GET', meetingPath())).body.attendance).toEqual([
      { username: 'sam.strategic', present: true },
      { username: 'rita.reviewer', present: true },
    ]);
    const audit = (await service.dataSource.query(
      `SELECT before->>'cadence' AS "from", after->>'cadence' AS "to" FROM audit_log WHERE entity_id = $1 AND action = 'committee.updated'`,
      [committeeId],
    )) as { from: string; to: string }[];
    expect(audit).toEqual([{ from: 'monthly', to: 'fortnightly' }]);
  });
});

describe("a committee's agenda: red status reports and priority changes asked for", () => {
  const [first, second] = [randomUUID(), randomUUID()];
  const rule = { changeRoles: ['strategic-admin'], maxMove: null, askRoles: ['strategic-reviewer'], decideRoles: ['strategic-admin'] };
  let requestId: string;

  beforeAll(async () => {
    for (const [i, projectId] of [first, second].entries())
      await service.publish('pmo.project.registered.v1', {
        projectId,
        programId: otherProgramId,
        name: `HR project ${i + 1}`,
        phase: 'execution',
        tags: [],
        registeredAt: at(21 + i),
      });
    const standard = await api<{ id: string }>(admin, 'POST', '/standards', {
      key: `priorities-${suffix}`,
      title: 'Priorities',
      kind: 'priority-policy',
      owner: 'PMO',
    });
    const base = `/standards/${standard.body.id}/versions`;
    const today = at(25).slice(0, 10);
    const draft = await api(admin, 'POST', base, {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: today,
      applicability: { scope: 'organisation' },
      requirements: [{ id: 'PRIORITY-POLICY', text: 'Ranks change only as the priority policy allows' }],
      body: { criteria: [{ key: 'fit', label: 'Fit', weight: 100 }], program: rule, portfolio: rule },
    });
    expect(draft.status).toBe(201);
    expect((await api(admin, 'POST', `${base}/1.0.0/submit`)).status).toBe(200);
    const rollout = [{ name: 'all', programIds: [otherProgramId], programTags: [], opensOn: today, adoptionDeadline: today }];
    expect((await api(admin, 'POST', `${base}/1.0.0/publish`, { rollout })).status).toBe(200);
    await eventually(async () => {
      const asked = await api<{ id: string }>(reviewer, 'POST', '/priorities/requests', {
        projectId: second,
        scope: 'program',
        rank: 1,
        scores: { fit: 5 },
        reason: 'Payroll law changes in March',
      });
      expect(asked.status).toBe(201);
      requestId = asked.body.id;
    });
    await service.publish('pmo.status-report.submitted.v1', {
      reportId: randomUUID(),
      projectId: first,
      programId: otherProgramId,
      formatVersionId: randomUUID(),
      submittedAt: at(24),
      health: { schedule: 'red', budget: 'green', overall: 'red' },
    });
  }, 120_000);

  it('lists them, and a priority decision recorded by a member present is the request’s decision', async () => {
    const committee = await api<{ id: string }>(admin, 'POST', '/committees', { ...COMMITTEE(), name: `HR steering ${suffix}`, programIds: [otherProgramId] });
    expect(committee.status).toBe(201);
    const path = `/committees/${committee.body.id}/meetings`;
    const meeting = await api<Meeting>(admin, 'POST', path, { scheduledOn: at(26).slice(0, 10) });
    const meetingPath = `${path}/${meeting.body.id}`;
    // The red report arrives as an event: an agenda built before it would list the priority change first and add
    // the report after it.
    await eventually(async () => {
      const reports = (await service.dataSource.query(`SELECT 1 FROM portfolio_status_reports WHERE project_id = $1`, [first])) as unknown[];
      expect(reports).toHaveLength(1);
    });
    await eventually(async () => {
      const built = await api<Meeting>(admin, 'POST', `${meetingPath}/agenda`);
      const items = built.body.items.filter((i) => ['red-status-report', 'priority-change'].includes(i.source));
      expect(items.map((i) => [i.source, i.subjectKind, i.subjectId])).toEqual([
        ['red-status-report', 'project', first],
        ['priority-change', 'priority', requestId],
      ]);
    });
    expect((await api(reviewer, 'PUT', `${meetingPath}/attendance`, { present: ['sam.strategic', 'rita.reviewer'] })).status).toBe(200);
    // The one who asked may not decide, through the committee as elsewhere.
    const own = await api(reviewer, 'POST', `${meetingPath}/decisions/priorities/${requestId}`, { outcome: 'approve', reason: 'agreed' });
    expect(own.status).toBe(403);
    const decided = await api<{ outcome: string; effect: string }>(admin, 'POST', `${meetingPath}/decisions/priorities/${requestId}`, {
      outcome: 'approve',
      reason: 'Agreed by the committee',
    });
    expect([decided.status, decided.body.outcome, decided.body.effect]).toEqual([201, 'approved', 'HR project 2 moved to program rank 1']);
    const ranking = await api<{ entries: { projectId: string; rank: number }[] }>(admin, 'GET', `/priorities/programs/${otherProgramId}`);
    expect(ranking.body.entries.map((e) => e.projectId)).toEqual([second, first]);
    const request = await api<{ state: string }[]>(admin, 'GET', `/priorities/requests?programId=${otherProgramId}`);
    expect(request.body.map((r) => r.state)).toEqual(['approved']);
  });

  it('confirms an approval needing review through the committee: it is the variance’s confirmation', async () => {
    // The approved variance's project enters its closing phase: the approval's ground moved (grandfathering applies).
    await service.publish('pmo.project.updated.v1', {
      projectId: adopting,
      programId,
      name: 'Ledger',
      phase: 'closing',
      percentComplete: 90,
      tags: [],
      updatedAt: at(25),
    });
    await eventually(async () => expect((await api<{ needsReview: boolean }>(admin, 'GET', `/variances/${varianceId}`)).body.needsReview).toBe(true));
    const committee = await api<{ id: string }>(admin, 'POST', '/committees', { ...COMMITTEE(), name: `Finance review ${suffix}` });
    const path = `/committees/${committee.body.id}/meetings`;
    const meeting = await api<Meeting>(admin, 'POST', path, { scheduledOn: at(27).slice(0, 10) });
    const meetingPath = `${path}/${meeting.body.id}`;
    const built = await api<Meeting>(admin, 'POST', `${meetingPath}/agenda`);
    expect(built.body.items.filter((i) => i.source === 'variance-review').map((i) => i.subjectId)).toEqual([varianceId]);
    expect((await api(reviewer, 'PUT', `${meetingPath}/attendance`, { present: ['sam.strategic', 'rita.reviewer'] })).status).toBe(200);
    const confirmed = await api<{ outcome: string; effect: string }>(reviewer, 'POST', `${meetingPath}/decisions/variance-reviews/${varianceId}`, {
      outcome: 'confirm',
      reason: 'The closing phase still needs the monthly review',
    });
    expect([confirmed.status, confirmed.body.outcome]).toEqual([201, 'confirmed']);
    const variance = await api<{ state: string; needsReview: boolean }>(admin, 'GET', `/variances/${varianceId}`);
    expect([variance.body.state, variance.body.needsReview]).toEqual(['approved', false]);
    const audit = (await service.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'variance.confirmed'`, [
      varianceId,
    ])) as unknown[];
    expect(audit).toHaveLength(1);
  });
});
