import { startDistributedServices, type DistributedServices, type ServiceKey } from '../distributed-services';
import { callApi } from '../http-client';
import { eventually } from '../eventually';
import { uniqueSuffix } from '../fresh-ids';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken } from '../keycloak-tokens';
import { ACCESS_RULES, SCOPED_PARAMS, expectedAnswer, type Expected, type MatrixUser } from './access-rules';

// Every endpoint of the three services' OpenAPI × every role × own and foreign scope, with real Keycloak
// tokens, against the services in their distributed mode. The expected answers come from access-rules.ts.
type ServiceName = keyof typeof ACCESS_RULES;
const suffix = uniqueSuffix();
let platform: DistributedServices;
const urls = {} as Record<ServiceName, string>;

const USERS: MatrixUser[] = [
  { username: 'sam.strategic', role: 'strategic-admin' },
  { username: 'rita.reviewer', role: 'strategic-reviewer' },
  { username: 'paula.program', role: 'program-manager' },
  { username: 'pete.project', role: 'project-manager' },
  { username: 'ada.auditor', role: 'auditor' },
  { username: 'pat.platform', role: 'platform-admin' },
  { username: `nobody.${suffix}`, role: null },
];
const tokens = new Map<string, string>();
/** Path parameter values: own = inside paula's program `fsm` and pete's project `fsm-ledger`; foreign = program `hr`. */
const own: Record<string, string> = {};
const foreign: Record<string, string> = {};

beforeAll(async () => {
  platform = await startDistributedServices('matrix', suffix);
  (Object.keys(ACCESS_RULES) as ServiceName[]).forEach((name) => (urls[name] = platform.urls[name.replace('-pmo', '') as ServiceKey]));
  for (const user of USERS)
    tokens.set(user.username, user.role ? await keycloakToken(user.username) : await keycloakUserToken(user.username, 'offline_access', []));
  await createScopedResources(await keycloakToken('sam.strategic'), tokens.get('paula.program') as string, await keycloakToken('hugo.program'));
}, 240_000);

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

/** Two programs (paula's `fsm`, hugo's `hr`), a project in each, a variance, a project's proposal and a feedback in each. */
async function createScopedResources(admin: string, paula: string, hugo: string): Promise<void> {
  const as = <T>(token: string, method: string, url: string, body?: unknown) => callApi<T>(method, url, token, body);
  const tag = `matrix-${suffix}`;
  for (const [code, values] of [
    ['fsm', own],
    ['hr', foreign],
  ] as const) {
    const program = await as<{ id: string }>(admin, 'POST', `${urls['program-pmo']}/programs`, { name: `Matrix ${code} ${suffix}`, code, tags: [tag] });
    expect(program.status).toBe(201);
    values.programId = program.body.id;
    values.projectId = await eventually(async () => {
      const project = await as<{ id: string }>(admin, 'POST', `${urls['project-pmo']}/projects`, {
        programId: values.programId,
        name: `Matrix project ${code}`,
        code: `${code}-ledger`,
      });
      expect(project.status).toBe(201);
      return project.body.id;
    });
  }
  const today = (await as<{ now: string }>(admin, 'GET', `${urls['strategic-pmo']}/clock`)).body.now.slice(0, 10);
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  const standard = (
    await as<{ id: string }>(admin, 'POST', `${urls['strategic-pmo']}/standards`, {
      key: `matrix-${suffix}`,
      title: 'Review cadence',
      kind: 'standard',
      owner: 'PMO',
    })
  ).body.id;
  const base = `${urls['strategic-pmo']}/standards/${standard}/versions`;
  await as(admin, 'POST', base, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: today,
    adoptionDeadline: deadline,
    applicability: { scope: 'tags', tags: [tag] },
    requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  });
  await as(admin, 'POST', `${base}/1.0.0/submit`);
  const published = await as<{ id: string }>(admin, 'POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'all', programIds: [own.programId, foreign.programId], programTags: [], opensOn: today, adoptionDeadline: deadline }],
  });
  expect(published.status).toBe(200);
  for (const values of [own, foreign]) {
    Object.assign(values, { standardId: standard, version: '1.0.0', keyTask: 'KT-1', requirementId: 'REVIEW-CADENCE' });
  }
  for (const [manager, values] of [
    [paula, own],
    [hugo, foreign],
  ] as const) {
    await eventually(async () => {
      const standards = await as<{ versionId: string; inForce: boolean }[]>(manager, 'GET', `${urls['program-pmo']}/programs/${values.programId}/standards`);
      expect(standards.body.find((s) => s.versionId === published.body.id)?.inForce).toBe(true);
    });
    const variance = await as<{ id: string }>(manager, 'POST', `${urls['program-pmo']}/programs/${values.programId}/variances`, {
      versionId: published.body.id,
      requirementIds: ['REVIEW-CADENCE'],
      projectIds: [values.projectId],
      justification: 'The regulator sets a monthly cadence',
      risk: { likelihood: 2, impact: 2 },
      compensatingControls: ['Fortnightly call with the sponsor'],
      expiresOn: deadline,
    });
    expect(variance.status).toBe(201);
    values.varianceId = variance.body.id;
    const feedback = await as<{ id: string }>(manager, 'POST', `${urls['program-pmo']}/programs/${values.programId}/feedback`, {
      versionId: published.body.id,
      category: 'unclear',
      text: 'Which meetings count as a steering review?',
      about: ['REVIEW-CADENCE'],
    });
    expect(feedback.status).toBe(201);
    values.feedbackId = feedback.body.id;
  }
  for (const values of [own, foreign]) {
    const proposal = await as<{ id: string }>(admin, 'POST', `${urls['project-pmo']}/projects/${values.projectId}/variance-proposals`, {
      versionId: published.body.id,
      requirementIds: ['REVIEW-CADENCE'],
      justification: 'Monthly review suits this project',
      risk: { likelihood: 1, impact: 2 },
      expiresOn: deadline,
    });
    expect(proposal.status).toBe(201);
    values.proposalId = proposal.body.id;
    values.conditionId = 'C1';
  }
  await eventually(async () => {
    for (const values of [own, foreign]) {
      const proposals = await as<{ id: string }[]>(admin, 'GET', `${urls['program-pmo']}/programs/${values.programId}/variance-proposals`);
      expect(proposals.body.map((p) => p.id)).toContain(values.proposalId);
    }
    expect((await as<{ id: string }[]>(admin, 'GET', `${urls['strategic-pmo']}/variances`)).body.map((v) => v.id)).toEqual(
      expect.arrayContaining([own.varianceId, foreign.varianceId]),
    );
    expect((await as<{ id: string }[]>(admin, 'GET', `${urls['strategic-pmo']}/feedback`)).body.map((f) => f.id)).toEqual(
      expect.arrayContaining([own.feedbackId, foreign.feedbackId]),
    );
  });
  own.offeringId = await buildoutOffering(admin);
  // One committee steers both programs: its decision routes take either program's variance or feedback.
  const meeting = await steeringMeeting(admin, [own.programId, foreign.programId]);
  Object.assign(own, meeting);
  Object.assign(foreign, meeting);
  // Approved with a condition, so the condition routes have one (C1) to act on.
  const reviewer = await keycloakToken('rita.reviewer');
  for (const values of [own, foreign]) {
    expect((await as(reviewer, 'POST', `${urls['strategic-pmo']}/variances/${values.varianceId}/review`)).status).toBe(200);
    const decided = await as(admin, 'POST', `${urls['strategic-pmo']}/variances/${values.varianceId}/decide`, {
      outcome: 'approved-with-conditions',
      reason: 'Acceptable with a fortnightly sponsor call',
      conditions: [{ text: 'Minutes of each sponsor call', owner: 'program PMO', dueOn: deadline }],
    });
    expect(decided.status).toBe(200);
  }
  own.requestId = await priorityRequest(admin, paula);
  // Each project closes with its post-implementation review, so the review routes have a review and a lesson
  // (without a standard version: sending it upward then answers 422, past the access checks) to act on.
  // A second project, left open, keeps each program in the portfolio's compliance rows.
  for (const values of [own, foreign]) {
    const open = await as(admin, 'POST', `${urls['project-pmo']}/projects`, { programId: values.programId, name: `Matrix open project ${suffix}` });
    expect(open.status).toBe(201);
    // A milestone planned before the closing, for the milestone routes (which then answer 409, past the access checks).
    const milestone = await as<{ id: string }>(admin, 'POST', `${urls['project-pmo']}/projects/${values.projectId}/milestones`, {
      name: 'Go-live',
      kind: 'go-live',
      dueOn: deadline,
    });
    expect(milestone.status).toBe(201);
    values.milestoneId = milestone.body.id;
    const closed = await as(admin, 'POST', `${urls['project-pmo']}/projects/${values.projectId}/close`, {
      reason: 'Handed over',
      review: {
        outcome: 'delivered-as-planned',
        delivered: 'The ledger',
        lessons: [{ category: 'other', whatHappened: 'Late sign-off', recommendation: 'Book it early' }],
      },
    });
    expect(closed.status).toBe(200);
    values.lessonId = (await as<{ lessons: { id: string }[] }>(admin, 'GET', `${urls['project-pmo']}/projects/${values.projectId}/review`)).body.lessons[0].id;
  }
}

/** A priority policy in force and a change paula asked for under it, for the decision route (docs/priorities.md). */
async function priorityRequest(admin: string, paula: string): Promise<string> {
  const base = `${urls['strategic-pmo']}/standards`;
  const today = new Date().toISOString().slice(0, 10);
  const standard = await callApi<{ id: string }>('POST', base, admin, {
    key: `matrix-priorities-${suffix}`,
    title: 'Matrix priorities',
    kind: 'priority-policy',
    owner: 'PMO',
    tags: [],
  });
  expect(standard.status).toBe(201);
  const rule = { changeRoles: ['strategic-admin'], maxMove: null, askRoles: ['program-manager'], decideRoles: ['strategic-admin'] };
  const versions = `${base}/${standard.body.id}/versions`;
  const draft = await callApi('POST', versions, admin, {
    version: '1.0.0',
    level: 'recommended',
    effectiveDate: today,
    adoptionDeadline: today,
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'PRIORITY-CHANGES', text: 'Ranks change under the policy' }],
    body: { criteria: [{ key: 'fit', label: 'Fit', weight: 100 }], program: rule, portfolio: rule },
  });
  expect(draft.status).toBe(201);
  expect((await callApi('POST', `${versions}/1.0.0/submit`, admin)).status).toBe(200);
  const rollout = [{ name: 'all', programIds: [own.programId, foreign.programId], programTags: [], opensOn: today, adoptionDeadline: today }];
  expect((await callApi('POST', `${versions}/1.0.0/publish`, admin, { rollout })).status).toBe(200);
  const asked = await callApi<{ id: string }>('POST', `${urls['strategic-pmo']}/priorities/requests`, paula, {
    projectId: own.projectId,
    scope: 'portfolio',
    rank: 1,
    scores: { fit: 5 },
    reason: 'Matrix',
  });
  expect(asked.status).toBe(201);
  return asked.body.id;
}

/** A steering committee over both programs whose members are the matrix's admin and reviewer, with one meeting. */
async function steeringMeeting(admin: string, programIds: string[]): Promise<{ committeeId: string; meetingId: string }> {
  const base = `${urls['strategic-pmo']}/committees`;
  const committee = await callApi<{ id: string }>('POST', base, admin, {
    name: `Matrix committee ${suffix}`,
    cadence: 'monthly',
    programIds,
    members: [
      { username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' },
      { username: 'rita.reviewer', name: 'Rita Reviewer', role: 'secretary' },
    ],
  });
  expect(committee.status).toBe(201);
  const meeting = await callApi<{ id: string }>('POST', `${base}/${committee.body.id}/meetings`, admin, { scheduledOn: '2026-01-15' });
  expect(meeting.status).toBe(201);
  return { committeeId: committee.body.id, meetingId: meeting.body.id };
}

/** The strategic PMO's build-out, far enough for one product to exist (its routes are organisation-wide, not scoped). */
async function buildoutOffering(admin: string): Promise<string> {
  const base = `${urls['strategic-pmo']}/buildout`;
  const foundation = await callApi('PUT', `${base}/foundation`, admin, {
    officeType: 'portfolio',
    organisationalScope: 'The matrix organisation',
    sponsor: 'Chief Operating Officer',
    customers: ['Program managers'],
    stakeholders: [],
    capacityPerWave: 10,
    changesPerWave: 2,
  });
  expect(foundation.status).toBe(200);
  const rating = { element: 'training', currentState: 'None', currentLevel: 1, futureState: 'A course', futureLevel: 3, effortWeeks: 4 };
  expect((await callApi('POST', `${base}/assessments`, admin, { assessedOn: '2026-01-15', elements: [rating] })).status).toBe(201);
  const offering = await callApi<{ id: string }>('POST', `${base}/offerings`, admin, {
    name: `Training ${suffix}`,
    kind: 'service',
    description: 'Project management training',
    closesGaps: ['training'],
    priority: 1,
    effortWeeks: 4,
  });
  expect(offering.status).toBe(201);
  return offering.body.id;
}

interface Endpoint {
  service: ServiceName;
  method: string;
  path: string;
}

async function endpointsOf(service: ServiceName): Promise<Endpoint[]> {
  const docs = await callApi<{ paths: Record<string, Record<string, unknown>> }>('GET', `${urls[service]}/api/docs-json`);
  const endpoints = Object.entries(docs.body.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => ({ service, method: method.toUpperCase(), path })),
  );
  // Reads first, so that the state changes an allowed caller makes cannot hide what a later read answers.
  return endpoints.sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
}

function satisfies(expected: Expected, status: number, scoped: boolean): boolean {
  if (status >= 500) return false;
  if (expected === 'forbidden') return status === 403;
  if (expected === 'hidden') return status === 404;
  return status !== 401 && status !== 403 && !(scoped && status === 404);
}

describe('the authorization matrix', () => {
  it('answers every endpoint × role × own and foreign scope as the access rules say, with no unexpected 2xx', async () => {
    const endpoints = (await Promise.all((Object.keys(ACCESS_RULES) as ServiceName[]).map(endpointsOf))).flat();
    const documented = new Set(endpoints.map((e) => `${e.service} ${e.method} ${e.path}`));
    const unruled = [...documented].filter((key) => !ACCESS_RULES[key.split(' ')[0] as ServiceName][key.split(' ').slice(1).join(' ')]);
    const stale = (Object.keys(ACCESS_RULES) as ServiceName[])
      .flatMap((service) => Object.keys(ACCESS_RULES[service]).map((key) => `${service} ${key}`))
      .filter((key) => !documented.has(key));
    expect({ unruled, stale }).toEqual({ unruled: [], stale: [] });

    const mismatches: string[] = [];
    let cells = 0;
    for (const endpoint of endpoints) {
      const rule = ACCESS_RULES[endpoint.service][`${endpoint.method} ${endpoint.path}`];
      const params = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const scoped = params.some((p) => (SCOPED_PARAMS as readonly string[]).includes(p));
      for (const user of USERS) {
        for (const isForeign of scoped ? [false, true] : [false]) {
          const values = isForeign ? foreign : own;
          const path = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => {
            if (!values[name]) throw new Error(`no value for path parameter ${name} of ${endpoint.path}`);
            return values[name];
          });
          const body = endpoint.method === 'GET' ? undefined : {};
          const answer = await callApi(endpoint.method, `${urls[endpoint.service]}${path}`, tokens.get(user.username), body);
          const expected = expectedAnswer(rule, user, scoped, isForeign);
          cells += 1;
          if (!satisfies(expected, answer.status, scoped)) {
            mismatches.push(
              `${endpoint.service} ${endpoint.method} ${endpoint.path} as ${user.role ?? 'no role'} (${isForeign ? 'foreign' : 'own'} scope): expected ${expected}, got ${answer.status}`,
            );
          }
        }
      }
    }
    // eslint-disable-next-line no-console -- the matrix reports its size in the test output
    console.log(
      `authorization matrix: ${endpoints.length} endpoints × ${USERS.length} users × own/foreign scope = ${cells} requests, ${mismatches.length} unexpected`,
    );
    expect(mismatches).toEqual([]);
  }, 300_000);

  it('filters the lists by scope: a program manager sees his programs, a project manager his projects', async () => {
    const list = async <T>(user: string, service: ServiceName, path: string) => (await callApi<T[]>('GET', `${urls[service]}${path}`, tokens.get(user))).body;
    const ids = (items: { id?: string; programId?: string }[]) => items.map((i) => i.id ?? i.programId);
    expect(ids(await list('paula.program', 'program-pmo', '/programs'))).toEqual([own.programId]);
    expect(ids(await list('paula.program', 'strategic-pmo', '/portfolio/programs'))).toEqual([own.programId]);
    expect(ids(await list('paula.program', 'project-pmo', '/programs'))).toEqual([own.programId]);
    // The matrix's allowed calls may have added items (a forwarded proposal): all of them in paula's program.
    const variances = await list<{ id: string; programId: string }>('paula.program', 'strategic-pmo', '/variances');
    expect(variances.map((v) => v.id)).toContain(own.varianceId);
    expect(new Set(variances.map((v) => v.programId))).toEqual(new Set([own.programId]));
    const feedback = await list<{ id: string; programId: string }>('paula.program', 'strategic-pmo', '/feedback');
    expect(feedback.map((f) => f.id)).toContain(own.feedbackId);
    expect(new Set(feedback.map((f) => f.programId))).toEqual(new Set([own.programId]));
    expect((await list<{ id: string }>('pete.project', 'project-pmo', '/projects')).map((p) => p.id)).toEqual([own.projectId]);
    expect(ids(await list('pete.project', 'program-pmo', '/programs'))).toEqual([own.programId]);
    const portfolio = await callApi<{ rows: { programId: string }[] }>('GET', `${urls['strategic-pmo']}/portfolio/compliance`, tokens.get('paula.program'));
    expect(new Set(portfolio.body.rows.map((r) => r.programId))).toEqual(new Set([own.programId]));
    const page = await callApi<{ rows: { programId: string }[] }>(
      'GET',
      `${urls['strategic-pmo']}/portfolio/compliance/rows?limit=500`,
      tokens.get('paula.program'),
    );
    expect(new Set(page.body.rows.map((r) => r.programId))).toEqual(new Set([own.programId]));
    expect(ids(await list('ada.auditor', 'program-pmo', '/programs'))).toEqual(expect.arrayContaining([own.programId, foreign.programId]));
  });

  it('lets a manager register only inside his groups, and answers a foreign program like an unknown one', async () => {
    const taken = await callApi<{ message: string }>('POST', `${urls['program-pmo']}/programs`, tokens.get('sam.strategic'), {
      name: `Second fsm ${suffix}`,
      code: 'fsm',
    });
    expect([taken.status, taken.body.message]).toEqual([409, 'a program with code "fsm" already exists']);
    const outside = await callApi<{ message: string }>('POST', `${urls['program-pmo']}/programs`, tokens.get('paula.program'), {
      name: `Outside ${suffix}`,
      code: 'hr-2',
    });
    expect(outside.status).toBe(403);
    expect(outside.body.message).toContain('program-hr-2');
    const intoForeign = await callApi('POST', `${urls['project-pmo']}/projects`, tokens.get('paula.program'), {
      programId: foreign.programId,
      name: 'Not mine',
    });
    const intoUnknown = await callApi('POST', `${urls['project-pmo']}/projects`, tokens.get('paula.program'), {
      programId: '00000000-0000-4000-8000-000000000000',
      name: 'Nobody’s',
    });
    expect([intoForeign.status, intoUnknown.status]).toEqual([422, 422]);
    const notHisCode = await callApi<{ message: string }>('POST', `${urls['project-pmo']}/projects`, tokens.get('pete.project'), {
      programId: own.programId,
      name: 'Not his',
      code: 'fsm-other',
    });
    expect(notHisCode.status).toBe(403);
    expect((await callApi('GET', `${urls['project-pmo']}/projects`, tokens.get('pete.project'))).body).toHaveLength(1);
  });

  it('answers 404 to a resource of another program named under one of the caller’s own programs', async () => {
    const paula = tokens.get('paula.program');
    const program = `${urls['program-pmo']}/programs/${own.programId}`;
    expect((await callApi('GET', `${program}/variances/${foreign.varianceId}`, paula)).status).toBe(404);
    expect((await callApi('POST', `${program}/variances/${foreign.varianceId}/withdraw`, paula, { reason: 'not mine' })).status).toBe(404);
    expect((await callApi('POST', `${program}/variance-proposals/${foreign.proposalId}/reject`, paula, { reason: 'not mine' })).status).toBe(404);
  });
});
