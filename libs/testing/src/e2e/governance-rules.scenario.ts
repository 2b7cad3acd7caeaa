import type { ProgramPmoSchemas, StrategicPmoOperations, StrategicPmoSchemas } from '@pmo/api-contracts';
import { randomUUID } from 'node:crypto';
import { eventually } from '../eventually';
import { freeForm, jsonOf, pmoClients } from '../typed-clients';
import type { ServiceUrls } from './walking-skeleton.scenario';

export interface GovernanceRulesTokens {
  /** strategic-admin: the catalog, reviews and decisions, decisions for the unscoped program */
  admin: string;
  /** program-manager of the program with code `programCode` (the regulated one): requests, grandfathering */
  programManager: string;
  programCode: string;
  /** platform-admin: moves the three clocks */
  platform: string;
}

type Compliance = ProgramPmoSchemas['schemas']['ProgramComplianceResponse'] | StrategicPmoSchemas['schemas']['PortfolioComplianceResponse'];
type NewVersion = StrategicPmoOperations['StandardVersionsController_createDraft']['requestBody']['content']['application/json'];

const day = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const cadence = (min: number, max: number) => ({
  id: 'STATUS-CADENCE',
  text: `Report status every ${min} to ${max} days`,
  leeway: { kind: 'range' as const, min, max, unit: 'days' as const },
});
const steering = (text: string) => ({ id: 'STEERING', text });

/**
 * The governance rules over 60 simulated days, as a strategic PMO, a regulated program and an ordinary one live
 * them: an organisation-wide 1.0.0 and a stricter 2.0.0 for programs tagged regulated in force side by side; a
 * variance that grants the 21-day cadence it asked for (and records `variance-needed` with the request); a
 * grandfathered project measured by the version it had; a renewal that keeps an approval past its first end date;
 * a publication preview whose figures the portfolio shows once the days come; and a minor version of the
 * organisation-wide standard that carries the ordinary project's tailoring over and reopens only the requirement
 * it reworded.
 */
export async function runGovernanceRulesScenario(urls: ServiceUrls, tokens: GovernanceRulesTokens): Promise<void> {
  const suffix = randomUUID().slice(0, 8);
  const tag = `gov-${suffix}`;
  const regulatedTag = `${tag}-regulated`;
  const [admin, pm, platform] = [pmoClients(urls, tokens.admin), pmoClients(urls, tokens.programManager), pmoClients(urls, tokens.platform)];
  const ok = async <T>(answer: Promise<{ data?: T; error?: unknown; response: Response }>, status = 200): Promise<T> => {
    const settled = await answer;
    expect({ status: settled.response.status, body: settled.data ?? settled.error }).toMatchObject({ status });
    return settled.data as T;
  };

  const regulated = (
    await ok(admin.program.POST('/programs', { body: { name: `Regulated ${suffix}`, code: tokens.programCode, tags: [tag, regulatedTag] } }), 201)
  ).id;
  const ordinary = (await ok(admin.program.POST('/programs', { body: { name: `Ordinary ${suffix}`, tags: [tag] } }), 201)).id;
  const registerProject = (programId: string, name: string) =>
    eventually(async () => (await ok(admin.project.POST('/projects', { body: { programId, name, phase: 'execution' } }), 201)).id);
  const [approved, grandfathered, plain] = [
    await registerProject(regulated, 'Payments ledger'),
    await registerProject(regulated, 'Archive'),
    await registerProject(ordinary, 'Intranet'),
  ];
  const today = (await ok(admin.strategic.GET('/clock'))).now.slice(0, 10);
  const clockSetters = [
    (now: string) => platform.strategic.PUT('/clock', { body: { now } }),
    (now: string) => platform.program.PUT('/clock', { body: { now } }),
    (now: string) => platform.project.PUT('/clock', { body: { now } }),
  ];
  const clocks = async (isoDay: string) => {
    for (const setClock of clockSetters) await ok(setClock(`${isoDay}T09:00:00Z`));
  };

  const newStandard = async (key: string, kind: 'standard' | 'report-format') =>
    (await ok(admin.strategic.POST('/standards', { body: { key, title: key, kind, owner: 'PMO' } }), 201)).id;
  const draft = async (
    standardId: string,
    version: string,
    applicability: NewVersion['applicability'],
    requirements: NewVersion['requirements'],
    extra: { body?: object } = {},
  ) => {
    await ok(
      admin.strategic.POST('/standards/{standardId}/versions', {
        params: { path: { standardId } },
        body: {
          version,
          level: 'mandatory',
          effectiveDate: today,
          adoptionDeadline: day(today, 60),
          applicability,
          requirements,
          ...(extra.body && { body: freeForm(extra.body) }),
        },
      }),
      201,
    );
    await ok(admin.strategic.POST('/standards/{standardId}/versions/{version}/submit', { params: { path: { standardId, version } } }));
  };
  const wave = (name: string, programTags: string[], opensOn: string, adoptionDeadline: string) => ({
    name,
    programIds: [] as string[],
    programTags,
    opensOn,
    adoptionDeadline,
  });
  type Rollout = ReturnType<typeof wave>[];
  const publish = async (standardId: string, version: string, rollout: Rollout) =>
    ok(admin.strategic.POST('/standards/{standardId}/versions/{version}/publish', { params: { path: { standardId, version } }, body: { rollout } }));

  // A report format for the status reports, and the cadence standard 1.0.0 for the whole organisation.
  const format = await newStandard(`gov-report-${suffix}`, 'report-format');
  await draft(format, '1.0.0', { scope: 'tags', tags: [tag] }, [], {
    body: { schema: { type: 'object', required: ['health'], properties: { health: { enum: ['green', 'amber', 'red'] } } } },
  });
  const formatVersion = (await publish(format, '1.0.0', [wave('all', [tag], today, day(today, 60))])).id;
  const standard = await newStandard(`gov-cadence-${suffix}`, 'standard');
  await draft(standard, '1.0.0', { scope: 'organisation' }, [cadence(7, 14), steering('Hold a steering committee every month')]);
  const first = await publish(standard, '1.0.0', [wave('tagged', [tag], today, day(today, 10))]);
  // Coverage is said: both programs in the wave, neither left to the effective date.
  expect(first.coverage.waves[0].programIds).toEqual(expect.arrayContaining([regulated, ordinary]));
  expect(first.coverage.uncovered).not.toContain(regulated);
  const v1 = first.id;

  const programView = async (programId: string) => ok(admin.program.GET('/programs/{programId}/standards', { params: { path: { programId } } }));
  await eventually(async () => {
    for (const programId of [regulated, ordinary])
      expect((await programView(programId)).filter((s) => s.inForce).map((s) => s.versionId)).toEqual(expect.arrayContaining([v1, formatVersion]));
  });
  const report = (projectId: string) =>
    ok(
      admin.project.POST('/projects/{projectId}/status-reports', {
        params: { path: { projectId } },
        body: { formatVersionId: formatVersion, report: freeForm({ health: 'green' }) },
      }),
      201,
    );
  const stateOf = async (projectId: string, asOf?: string): Promise<{ version: string; state: string } | undefined> => {
    const query = { standard: `gov-cadence-${suffix}`, ...(asOf && { asOf }) };
    const [program, portfolio]: Compliance[] = await Promise.all([
      admin.program
        .GET('/programs/{programId}/compliance', { params: { path: { programId: projectId === plain ? ordinary : regulated }, query } })
        .then(jsonOf),
      admin.strategic.GET('/portfolio/compliance', { params: { query } }).then(jsonOf),
    ]);
    const row = program.rows.find((r) => r.projectId === projectId);
    // The program's view and the portfolio's give the same answer, by the one compliance function.
    expect(portfolio.rows.find((r) => r.projectId === projectId)).toMatchObject({ version: row?.version, state: row?.state });
    return row && { version: row.version, state: row.state };
  };

  try {
    // Day 0: the ordinary project adopts, the archive adopts, the payments ledger asks to report every 21 days.
    const inRegulated = { path: { programId: regulated } };
    const inOrdinary = { path: { programId: ordinary } };
    await ok(
      admin.program.POST('/programs/{programId}/adoptions', {
        params: inOrdinary,
        body: { versionId: v1, projectIds: [plain], decision: 'adopt', reason: 'standard cadence' },
      }),
      201,
    );
    await ok(
      pm.program.POST('/programs/{programId}/adoptions', {
        params: inRegulated,
        body: { versionId: v1, projectIds: [grandfathered], decision: 'adopt', reason: 'standard cadence' },
      }),
      201,
    );
    const inside = await pm.program.POST('/programs/{programId}/variances', {
      params: inRegulated,
      body: {
        versionId: v1,
        requirementIds: ['STATUS-CADENCE'],
        deviations: [{ requirementId: 'STATUS-CADENCE', value: 12 }],
        projectIds: [approved],
        justification: 'Inside the leeway',
        risk: { likelihood: 1, impact: 1 },
        expiresOn: day(today, 120),
      },
    });
    expect(inside.response.status).toBe(422);
    expect(inside.error?.message).toContain('tailor instead');
    const request = await ok(
      pm.program.POST('/programs/{programId}/variances', {
        params: inRegulated,
        body: {
          versionId: v1,
          requirementIds: ['STATUS-CADENCE'],
          deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
          projectIds: [approved],
          justification: 'The regulator reviews our reports every three weeks',
          risk: { likelihood: 2, impact: 2 },
          expiresOn: day(today, 120),
        },
      }),
      201,
    );
    expect(request.deviations).toEqual([{ requirementId: 'STATUS-CADENCE', value: 21 }]);
    // No silent no-op: the request recorded the project's `variance-needed`, so it waits on the decision.
    await eventually(async () => expect((await stateOf(approved))?.state).toBe('variance-pending'));
    const ofRequest = { path: { varianceId: request.id } };
    await eventually(async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: ofRequest })).response.status).toBe(200));
    await ok(admin.strategic.POST('/variances/{varianceId}/review', { params: ofRequest }));
    await ok(
      admin.strategic.POST('/variances/{varianceId}/decide', {
        params: ofRequest,
        body: { outcome: 'approved', reason: 'Three-weekly reporting is enough with the regulator’s review' },
      }),
    );
    for (const projectId of [approved, grandfathered, plain]) await report(projectId);
    await eventually(async () => expect((await stateOf(approved))?.state).toBe('variance-approved'));

    // Day 0: the regulated variant 2.0.0 (stricter cadence, a risk log), previewed, then published beside 1.0.0.
    await draft(standard, '2.0.0', { scope: 'tags', tags: [regulatedTag] }, [cadence(7, 10), { id: 'RISK-LOG', text: 'Keep a risk log' }]);
    const variantWave = [wave('regulated', [regulatedTag], day(today, 30), day(today, 40))];
    const previewOf = (standardId: string, version: string, rollout: Rollout) =>
      ok(admin.strategic.POST('/standards/{standardId}/versions/{version}/preview', { params: { path: { standardId, version } }, body: { rollout } }));
    const preview = await previewOf(standard, '2.0.0', variantWave);
    expect(preview.supersedes).toEqual([]);
    expect(preview.waves[0].programIds).toContain(regulated);
    expect(preview.waves[0].programIds).not.toContain(ordinary);
    expect(preview.reach[0].projectIds).toEqual(expect.arrayContaining([approved, grandfathered]));
    expect(preview.varianceGroundChanges.map((c) => c.varianceId)).toContain(request.id);
    const v2 = (await publish(standard, '2.0.0', variantWave)).id;
    const { versions } = await ok(admin.strategic.GET('/standards/{standardId}', { params: { path: { standardId: standard } } }));
    expect(
      versions
        .filter((v) => v.state === 'published')
        .map((v) => v.version)
        .sort(),
    ).toEqual(['1.0.0', '2.0.0']);

    // Day 18: past the leeway's 14 days, inside the 21 granted.
    await clocks(day(today, 18));
    await eventually(async () => {
      expect(await stateOf(approved)).toEqual({ version: '1.0.0', state: 'variance-approved' });
      expect((await stateOf(plain))?.state).toBe('non-compliant');
    });
    for (const projectId of [grandfathered, plain]) await report(projectId);
    // Day 22: past the 21 granted.
    await clocks(day(today, 22));
    await eventually(async () => expect((await stateOf(approved))?.state).toBe('non-compliant'));
    await report(approved);

    // Day 30: the regulated wave opens: the regulated program follows 2.0.0, the ordinary one stays on 1.0.0.
    await clocks(day(today, 30));
    await eventually(async () => {
      const inForce = (await programView(regulated)).filter((s) => s.inForce && s.key === `gov-cadence-${suffix}`).map((s) => s.version);
      expect(inForce).toEqual(['2.0.0']);
      expect((await programView(ordinary)).filter((s) => s.inForce && s.key === `gov-cadence-${suffix}`).map((s) => s.version)).toEqual(['1.0.0']);
    });
    // The archive is nearly done: grandfathered on 2.0.0, it stays on 1.0.0's 14 days. The ledger asks 21 days again.
    await ok(admin.project.PATCH('/projects/{projectId}', { params: { path: { projectId: grandfathered } }, body: { percentComplete: 95 } }));
    await eventually(async () =>
      expect(
        (
          await pm.program.POST('/programs/{programId}/adoptions', {
            params: inRegulated,
            body: { versionId: v2, projectIds: [grandfathered], decision: 'grandfather', reason: 'closing in weeks' },
          })
        ).response.status,
      ).toBe(201),
    );
    // Approved until day 48 only: the renewal below keeps it.
    const again = await ok(
      pm.program.POST('/programs/{programId}/variances', {
        params: inRegulated,
        body: {
          versionId: v2,
          requirementIds: ['STATUS-CADENCE', 'RISK-LOG'],
          deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
          projectIds: [approved],
          justification: 'The regulator reviews our reports every three weeks',
          risk: { likelihood: 2, impact: 2 },
          expiresOn: day(today, 48),
        },
      }),
      201,
    );
    const ofAgain = { path: { varianceId: again.id } };
    await eventually(async () => expect((await admin.strategic.GET('/variances/{varianceId}', { params: ofAgain })).response.status).toBe(200));
    await ok(admin.strategic.POST('/variances/{varianceId}/review', { params: ofAgain }));
    await ok(admin.strategic.POST('/variances/{varianceId}/decide', { params: ofAgain, body: { outcome: 'approved', reason: 'Same ground as under 1.0.0' } }));
    for (const projectId of [approved, grandfathered, plain]) await report(projectId);

    // Day 42: 12 days without a report: past 2.0.0's 10, inside 1.0.0's 14 and the 21 granted.
    await clocks(day(today, 42));
    await eventually(async () => {
      expect(await stateOf(grandfathered)).toEqual({ version: '2.0.0', state: 'grandfathered' });
      expect(await stateOf(approved)).toEqual({ version: '2.0.0', state: 'variance-approved' });
      expect(await stateOf(plain)).toEqual({ version: '1.0.0', state: 'adopted' });
    });
    // Day 46: 16 days: the grandfathered project is late by the rules of the version it kept.
    await clocks(day(today, 46));
    await eventually(async () => expect((await stateOf(grandfathered))?.state).toBe('non-compliant'));
    // As of day 18, the history still says what it said then.
    expect(await stateOf(approved, `${day(today, 18)}T12:00:00Z`)).toEqual({ version: '1.0.0', state: 'variance-approved' });

    // Day 46: the ledger's approval ends on day 48; the program asks to renew it to day 120, the strategic PMO
    // reviews and approves; the history keeps the first approval and the renewal.
    const againInProgram = { path: { programId: regulated, varianceId: again.id } };
    await ok(
      pm.program.POST('/programs/{programId}/variances/{varianceId}/renewals', {
        params: againInProgram,
        body: { expiresOn: day(today, 120), justification: 'The regulator keeps its three-weekly review' },
      }),
      201,
    );
    await eventually(async () => expect((await ok(admin.strategic.GET('/variances/{varianceId}', { params: ofAgain }))).renewals).toHaveLength(1));
    await ok(admin.strategic.POST('/variances/{varianceId}/renewal/review', { params: ofAgain }));
    await ok(
      admin.strategic.POST('/variances/{varianceId}/renewal/decide', {
        params: ofAgain,
        body: { outcome: 'approved', reason: 'The regulator’s review still holds' },
      }),
    );
    await eventually(async () =>
      expect((await pm.program.GET('/programs/{programId}/variances/{varianceId}', { params: againInProgram })).data).toMatchObject({
        state: 'approved',
        expiresOn: day(today, 120),
        renewals: [{ state: 'approved' }],
      }),
    );

    // Day 50: 20 days without a report: past day 48, the renewed approval still grants 21 days.
    await clocks(day(today, 50));
    await eventually(async () => expect(await stateOf(approved)).toEqual({ version: '2.0.0', state: 'variance-approved' }));
    // A preview, then the publication, then the days it named: the portfolio shows the figures it gave.
    const later = await newStandard(`gov-later-${suffix}`, 'standard');
    await draft(later, '1.0.0', { scope: 'tags', tags: [tag] }, [cadence(7, 14)]);
    const laterWave = [wave('all', [tag], day(today, 52), day(today, 58))];
    const predicted = await previewOf(later, '1.0.0', laterWave);
    await publish(later, '1.0.0', laterWave);
    // Day by day as time passes, so the wave opens on its day, not when the clock lands past it: the scheduler
    // runs when the clock moves but does not hold the move, so the opening is awaited before the next day.
    await clocks(day(today, 52));
    await eventually(async () => expect((await programView(ordinary)).some((s) => s.inForce && s.key === `gov-later-${suffix}`)).toBe(true));
    for (const next of [58, 60]) await clocks(day(today, next));
    const observed = async (at: string, key?: string) =>
      jsonOf(await admin.strategic.GET('/portfolio/compliance', { params: { query: { asOf: at, ...(key && { standard: key }) } } })).summary;
    const { onOpening, onDeadline } = predicted.reach[0];
    expect(onOpening.standard.total).toBe(3);
    await eventually(async () => {
      for (const figures of [onOpening, onDeadline]) {
        expect(await observed(figures.at, `gov-later-${suffix}`)).toMatchObject(figures.standard);
        expect(await observed(figures.at)).toMatchObject(figures.portfolio);
      }
    });

    // Day 60: the ordinary project tailors 1.0.0 to a 10-day cadence; 1.1.0 widens the cadence to 7–21 (same words)
    // and rewords the steering requirement. The tailoring carries over (10 is inside 7–21); only STEERING reopens, with why.
    await report(plain);
    await ok(
      admin.program.POST('/programs/{programId}/adoptions', {
        params: inOrdinary,
        body: { versionId: v1, projectIds: [plain], decision: 'tailor', choices: { 'STATUS-CADENCE': 10 }, reason: 'Fortnightly steering' },
      }),
      201,
    );
    await draft(standard, '1.1.0', { scope: 'organisation' }, [
      { ...cadence(7, 21), text: cadence(7, 14).text },
      steering('Hold a steering committee every month with the sponsor'),
    ]);
    const minor = await publish(standard, '1.1.0', [wave('tagged', [tag], day(today, 60), day(today, 70))]);
    expect(minor.coverage.supersedes).toEqual(['1.0.0']);
    const carried = await eventually(async () => {
      const history = await ok(admin.program.GET('/programs/{programId}/adoptions', { params: inOrdinary }));
      const onMinor = history.find((d) => d.projectId === plain && d.versionId === minor.id);
      expect(onMinor).toBeDefined();
      return onMinor;
    });
    expect(carried).toMatchObject({
      decision: 'tailor',
      choices: { 'STATUS-CADENCE': 10 },
      carriedFrom: { versionId: v1, version: '1.0.0' },
      reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING changed: text reworded' }],
    });
    // Pending on 1.1.0 until the program looks at STEERING again; the regulated program stays on its variant.
    await eventually(async () => {
      expect(await stateOf(plain)).toEqual({ version: '1.1.0', state: 'pending' });
      expect((await stateOf(approved))?.version).toBe('2.0.0');
    });
    await ok(
      admin.program.POST('/programs/{programId}/adoptions', {
        params: inOrdinary,
        body: {
          versionId: minor.id,
          projectIds: [plain],
          decision: 'tailor',
          choices: { 'STATUS-CADENCE': 10 },
          reason: 'Steering with the sponsor, as before',
        },
      }),
      201,
    );
    await eventually(async () => expect(await stateOf(plain)).toEqual({ version: '1.1.0', state: 'tailored' }));
  } finally {
    for (const setClock of clockSetters) await setClock(new Date().toISOString());
  }
}
