import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { dataOf, pmoClients } from '../typed-clients';
import type { VarianceTokens } from './variances.scenario';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface CommitteeTokens extends VarianceTokens {
  /** strategic-reviewer: a member of the committee who may not decide variances */
  reviewer: string;
}

const DAY = 86_400_000;

/**
 * A steering committee meeting whose agenda holds a late variance and whose recorded decision approves it:
 * the program asks for a variance, nobody decides it within its SLA, the committee over that program meets,
 * its agenda lists the late variance, a member whose platform role may not decide variances is refused,
 * the chair approves it, and the approval reaches the program as the variance's own decision.
 */
export async function runCommitteeScenario(urls: ServiceUrls, tokens: CommitteeTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `steered-${suffix}`;
  const admin = pmoClients(urls, tokens.admin);
  const reviewer = pmoClients(urls, tokens.reviewer);
  const manager = pmoClients(urls, tokens.programManager);
  const platform = pmoClients(urls, tokens.platform);
  const program = dataOf(await admin.program.POST('/programs', { body: { name: `Steered program ${suffix}`, code: tokens.programCode, tags: [tag] } })).id;
  const inProgram = { path: { programId: program } };
  const project = await eventually(async () => {
    const answer = await admin.project.POST('/projects', { body: { programId: program, name: 'Regulator reporting' } });
    expect(answer.response.status).toBe(201);
    return dataOf(answer).id;
  });
  const today = dataOf(await admin.strategic.GET('/clock')).now.slice(0, 10);
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * DAY).toISOString().slice(0, 10);
  const standard = dataOf(
    await admin.strategic.POST('/standards', { body: { key: `cadence-${suffix}`, title: 'Cadence', kind: 'standard', owner: 'PMO' } }),
  ).id;
  const ofVersion = { path: { standardId: standard, version: '1.0.0' } };
  await admin.strategic.POST('/standards/{standardId}/versions', {
    params: { path: { standardId: standard } },
    body: {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: today,
      adoptionDeadline: deadline,
      applicability: { scope: 'tags', tags: [tag] },
      requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
    },
  });
  await admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: ofVersion });
  const versionId = dataOf(
    await admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', {
      params: ofVersion,
      body: { rollout: [{ name: 'all', programIds: [program], programTags: [], opensOn: today, adoptionDeadline: deadline }] },
    }),
  ).id;
  await eventually(async () => {
    const standards = await admin.program.GET('/programs/{programId}/standards', { params: inProgram });
    expect(dataOf(standards).find((s) => s.versionId === versionId)?.inForce).toBe(true);
  });
  const requested = await manager.program.POST('/programs/{programId}/variances', {
    params: inProgram,
    body: {
      versionId,
      requirementIds: ['REVIEW-CADENCE'],
      projectIds: [project],
      justification: 'Monthly steering review required by the regulator',
      risk: { likelihood: 2, impact: 3 },
      compensatingControls: ['Fortnightly call with the sponsor'],
      expiresOn: deadline,
    },
  });
  expect(requested.response.status).toBe(201);
  const varianceId = dataOf(requested).id;
  await eventually(async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: { path: { varianceId } } })).response.status).toBe(200));

  const committee = dataOf(
    await admin.strategic.POST('/committees', {
      body: {
        name: `Steering committee ${suffix}`,
        cadence: 'fortnightly',
        programIds: [program],
        members: [
          { username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' },
          { username: 'rita.reviewer', name: 'Rita Reviewer', role: 'secretary' },
        ],
      },
    }),
  ).id;

  // Sixteen days on, the request is past its decision due date (ten business days): late.
  const moveClocks = async (now: string) => {
    for (const moveClock of [() => platform.strategic.PUT('/clock', { body: { now } }), () => platform.program.PUT('/clock', { body: { now } })])
      expect((await moveClock()).response.status).toBe(200);
  };
  try {
    const meetingDay = new Date(Date.parse(`${today}T00:00:00Z`) + 16 * DAY).toISOString().slice(0, 10);
    await moveClocks(`${meetingDay}T09:00:00Z`);
    const ofCommittee = { path: { committeeId: committee } };
    const meetingId = dataOf(
      await reviewer.strategic.POST('/committees/{committeeId}/meetings', { params: ofCommittee, body: { scheduledOn: meetingDay } }),
    ).id;
    const ofMeeting = { path: { committeeId: committee, meetingId } };
    const agenda = dataOf(await reviewer.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/agenda', { params: ofMeeting }));
    expect(agenda.items.map((i) => [i.source, i.subjectKind, i.subjectId, i.state])).toEqual([['late-variance', 'variance', varianceId, 'open']]);
    expect(
      (
        await reviewer.strategic.PUT('/committees/{committeeId}/meetings/{meetingId}/attendance', {
          params: ofMeeting,
          body: { present: ['sam.strategic', 'rita.reviewer'] },
        })
      ).response.status,
    ).toBe(200);

    const decide = (client: typeof admin) =>
      client.strategic.POST('/committees/{committeeId}/meetings/{meetingId}/decisions/variances/{varianceId}', {
        params: { path: { committeeId: committee, meetingId, varianceId } },
        body: { outcome: 'approved', reason: 'The fortnightly sponsor call covers the regulator’s concern' },
      });
    const refused = await decide(reviewer);
    expect([refused.response.status, refused.error?.message]).toEqual([
      403,
      'rita.reviewer may not decide a variance: it needs the platform role strategic-admin',
    ]);
    const approved = await decide(admin);
    expect(approved.response.status).toBe(201);
    expect(dataOf(approved)).toMatchObject({ outcome: 'approved', subjectKind: 'variance', subjectId: varianceId, decidedByUsername: 'sam.strategic' });

    // The committee's decision is the variance's decision: the program hears it over the broker like any other.
    await eventually(async () => {
      const requests = dataOf(await admin.program.GET('/programs/{programId}/variances', { params: inProgram }));
      expect(requests.find((r) => r.id === varianceId)?.state).toBe('approved');
    });
    const meeting = dataOf(await admin.strategic.GET('/committees/{committeeId}/meetings/{meetingId}', { params: ofMeeting }));
    expect(meeting.items.map((i) => [i.state, i.decision?.outcome])).toEqual([['decided', 'approved']]);
    const minutes = await fetch(`${urls.strategic}/committees/${committee}/meetings/${meetingId}/minutes`, {
      headers: { authorization: `Bearer ${tokens.admin}` },
    });
    expect(await minutes.text()).toContain('   - Decision: approved by ');
  } finally {
    await moveClocks(new Date().toISOString());
  }
}
