import { callApi, keycloakToken, startServiceAlone, uniqueSuffix, type HttpAnswer, type ServiceAlone } from '@pmo/testing';
import { randomUUID } from 'node:crypto';
import { startStrategicPmo } from '../bootstrap';

// strategic-pmo alone on real PostgreSQL: its own build-out from the foundation to a two-wave roadmap.
let service: ServiceAlone;
let admin: string;
let reviewer: string;

const as = <T = { message: string; code: string }>(token: string, method: string, path: string, body?: unknown): Promise<HttpAnswer<T>> =>
  callApi<T>(method, `${service.url}/buildout${path}`, token, body);

const FOUNDATION = {
  officeType: 'portfolio',
  organisationalScope: 'All IT-enabled change in finance and HR',
  sponsor: 'Chief Financial Officer',
  customers: ['Program managers', 'Project managers'],
  stakeholders: ['Internal audit'],
  capacityPerWave: 12,
  changesPerWave: 2,
};
const rating = (element: string, currentLevel: number, futureLevel: number, effortWeeks = 4) => ({
  element,
  currentState: `${element}: as it is`,
  currentLevel,
  futureState: `${element}: as it should be`,
  futureLevel,
  effortWeeks,
});
const offering = (name: string, kind: string, closesGaps: string[], priority: number, effortWeeks: number) => ({
  name,
  kind,
  description: `${name} for every project`,
  closesGaps,
  priority,
  effortWeeks,
});

/** What the build-out has stored, to show that a refusal changed nothing. */
async function stored(): Promise<number[]> {
  const rows = (await service.dataSource.query(
    `SELECT (SELECT count(*) FROM pmo_foundation)::int AS f, (SELECT count(*) FROM pmo_assessments)::int AS a,
            (SELECT count(*) FROM pmo_offerings)::int AS o, (SELECT count(*) FROM pmo_waves)::int AS w,
            (SELECT count(*) FROM pmo_offerings WHERE wave_id IS NOT NULL)::int AS p,
            (SELECT count(*) FROM audit_log WHERE action LIKE 'buildout.%')::int AS audited`,
  )) as { f: number; a: number; o: number; w: number; p: number; audited: number }[];
  const [r] = rows;
  return [r.f, r.a, r.o, r.w, r.p, r.audited];
}

beforeAll(async () => {
  service = await startServiceAlone('strategic-pmo', `strategic_pmo_buildout_${uniqueSuffix()}`, startStrategicPmo);
  admin = await keycloakToken('sam.strategic');
  reviewer = await keycloakToken('rita.reviewer');
});

afterAll(() => service.stop());

describe('the PMO build-out', () => {
  it('refuses assessments, products and waves with 422 until the foundation is recorded, storing nothing', async () => {
    for (const [path, body] of [
      ['/assessments', { assessedOn: '2026-01-15', elements: [rating('training', 1, 3)] }],
      ['/offerings', offering('Training', 'service', ['training'], 1, 4)],
      ['/waves', { name: 'Wave 1', owner: 'Head of PMO', startsOn: '2026-02-01', endsOn: '2026-04-30', offeringIds: [randomUUID()] }],
    ] as const) {
      const refused = await as(admin, 'POST', path, body);
      expect([refused.status, refused.body.code]).toEqual([422, 'BUILDOUT.FOUNDATION_MISSING']);
      expect(refused.body.message).toMatch(/^record the PMO's foundation first \(its organisational scope, sponsor, customers and type\)/);
    }
    expect((await as(reviewer, 'GET', '/foundation')).status).toBe(404);
    expect(await stored()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('answers 400 naming the field for a bad foundation, and lets only the strategic admin record it', async () => {
    const bad = await as<{ message: string; details: unknown }>(admin, 'PUT', '/foundation', { ...FOUNDATION, officeType: 'team', customers: [] });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('officeType');
    expect(JSON.stringify(bad.body)).toContain('customers');
    expect((await as(reviewer, 'PUT', '/foundation', FOUNDATION)).status).toBe(403);
    expect(await stored()).toEqual([0, 0, 0, 0, 0, 0]);
    const recorded = await as<typeof FOUNDATION>(admin, 'PUT', '/foundation', FOUNDATION);
    expect([recorded.status, recorded.body.officeType, recorded.body.sponsor]).toEqual([200, 'portfolio', 'Chief Financial Officer']);
    expect((await as<typeof FOUNDATION>(await keycloakToken('ada.auditor'), 'GET', '/foundation')).body.customers).toEqual(FOUNDATION.customers);
  });

  it('refuses an assessment with a level off the scale, an element twice or a future below the current, storing nothing', async () => {
    const before = await stored();
    const offScale = await as(admin, 'POST', '/assessments', { assessedOn: '2026-01-15', elements: [rating('training', 0, 6)] });
    expect(offScale.status).toBe(400);
    expect(JSON.stringify(offScale.body)).toContain('must be a maturity level from 1 (initial) to 5 (optimising)');
    const twice = await as(admin, 'POST', '/assessments', { assessedOn: '2026-01-15', elements: [rating('tools', 1, 2), rating('tools', 2, 3)] });
    expect([twice.status, twice.body.message]).toEqual([422, 'the assessment is refused: element tools is rated twice']);
    const below = await as(admin, 'POST', '/assessments', { assessedOn: '2026-01-15', elements: [rating('tools', 3, 2)] });
    expect([below.status, below.body.message]).toEqual([422, 'the assessment is refused: element tools: the future level (2) is below the current level (3)']);
    for (const assessedOn of ['0000-01-01', '2026-02-30']) {
      const badDate = await as(admin, 'POST', '/assessments', { assessedOn, elements: [rating('tools', 1, 2)] });
      expect([assessedOn, badDate.status]).toEqual([assessedOn, 400]);
    }
    expect(await stored()).toEqual(before);
  });

  it('turns two assessments into gaps, products and services, and a two-wave roadmap whose progress follows its items', async () => {
    const first = await as(admin, 'POST', '/assessments', {
      assessedOn: '2026-01-15',
      elements: [rating('methodology', 1, 4, 8), rating('training', 1, 3, 4), rating('tools', 2, 4, 6), rating('reporting', 2, 2, 0)],
    });
    expect(first.status).toBe(201);
    const sameDay = await as(admin, 'POST', '/assessments', { assessedOn: '2026-01-15', elements: [rating('training', 2, 3)] });
    expect([sameDay.status, sameDay.body.message]).toEqual([409, 'an assessment on 2026-01-15 is already recorded: assessments are dated, one a day']);
    expect(
      (await as(admin, 'POST', '/assessments', { assessedOn: '2026-06-30', elements: [rating('methodology', 3, 4, 3), rating('training', 2, 3, 2)] })).status,
    ).toBe(201);

    const gaps = await as<{ element: string; size: number; effortWeeks: number; assessedOn: string }[]>(reviewer, 'GET', '/gaps');
    expect(gaps.body.map((g) => [g.element, g.size, g.effortWeeks, g.assessedOn])).toEqual([
      ['methodology', 1, 3, '2026-06-30'],
      ['training', 1, 2, '2026-06-30'],
      ['tools', 2, 6, '2026-01-15'],
      ['reporting', 0, 0, '2026-01-15'],
    ]);
    const trend = await as<{ scale: { level: number }[]; elements: { element: string; points: { currentLevel: number }[] }[] }>(
      reviewer,
      'GET',
      '/maturity-trend',
    );
    expect(trend.body.scale.map((l) => l.level)).toEqual([1, 2, 3, 4, 5]);
    expect(trend.body.elements.find((e) => e.element === 'methodology')?.points.map((p) => p.currentLevel)).toEqual([1, 3]);

    const before = await stored();
    const noGap = await as(admin, 'POST', '/offerings', offering('Dashboards', 'product', ['reporting'], 2, 2));
    expect([noGap.status, noGap.body.message]).toEqual([422, 'element reporting has no gap to close: its current level already is its future level (2)']);
    const unassessed = await as(admin, 'POST', '/offerings', offering('Staffing', 'service', ['resourcing'], 2, 2));
    expect([unassessed.status, unassessed.body.message]).toEqual([422, 'element resourcing has no gap yet: assess its current and future state first']);
    expect(await stored()).toEqual(before);

    const ids: Record<string, string> = {};
    for (const body of [
      offering('Life-cycle methodology', 'product', ['methodology'], 1, 6),
      offering('Project management training', 'service', ['training'], 1, 4),
      offering('Scheduling tool', 'product', ['tools'], 2, 6),
      offering('Tool coaching', 'service', ['tools', 'training'], 3, 3),
    ]) {
      const added = await as<{ id: string; state: string }>(admin, 'POST', '/offerings', body);
      expect([added.status, added.body.state]).toEqual([201, 'planned']);
      ids[body.name] = added.body.id;
    }
    const closers = await as<{ element: string; closedBy: { name: string }[] }[]>(reviewer, 'GET', '/gaps');
    expect(closers.body.find((g) => g.element === 'training')?.closedBy.map((c) => c.name)).toEqual(['Project management training', 'Tool coaching']);

    // capacity 12 person-weeks and 2 changes per wave: by priority, methodology + training, then tool + coaching
    const proposal = await as<{ proposal: { offeringIds: string[] }[] }>(reviewer, 'GET', '/roadmap');
    expect(proposal.body.proposal.map((w) => w.offeringIds)).toEqual([
      [ids['Project management training'], ids['Life-cycle methodology']],
      [ids['Scheduling tool'], ids['Tool coaching']],
    ]);

    const tooMuch = await as(admin, 'POST', '/waves', {
      name: 'Too much',
      owner: 'Head of PMO',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      offeringIds: [ids['Life-cycle methodology'], ids['Scheduling tool'], ids['Tool coaching']],
    });
    expect([tooMuch.status, tooMuch.body.message]).toEqual([
      422,
      "the wave needs 15 person-weeks, more than the PMO's capacity of 12 per wave; the wave deploys 3 products and services, more than the 2 the organisation can absorb in one wave",
    ]);
    const backwards = await as(admin, 'POST', '/waves', {
      name: 'Backwards',
      owner: 'Head of PMO',
      startsOn: '2026-09-30',
      endsOn: '2026-07-01',
      offeringIds: [ids['Life-cycle methodology']],
    });
    expect([backwards.status, backwards.body.message]).toEqual([422, 'the wave must end after it starts (2026-09-30 to 2026-07-01)']);
    const notDeployable = await as(admin, 'PUT', `/offerings/${ids['Scheduling tool']}/state`, { state: 'deployed' });
    expect([notDeployable.status, notDeployable.body.message]).toEqual([
      422,
      '"Scheduling tool" is in no wave yet: plan it in a wave of the roadmap before deploying it',
    ]);
    expect(await stored()).toEqual([1, 2, 4, 0, 0, before[5] + 4]);

    const wave1 = await as<{ id: string }>(admin, 'POST', '/waves', {
      name: 'Wave 1: foundations',
      owner: 'Head of PMO',
      startsOn: '2026-07-01',
      endsOn: '2026-09-30',
      offeringIds: proposal.body.proposal[0].offeringIds,
    });
    expect(wave1.status).toBe(201);
    const overlap = await as(admin, 'POST', '/waves', {
      name: 'Wave 2: tools',
      owner: 'Tools lead',
      startsOn: '2026-09-01',
      endsOn: '2026-12-15',
      offeringIds: proposal.body.proposal[1].offeringIds,
    });
    expect([overlap.status, overlap.body.message]).toEqual([
      422,
      'the wave overlaps "Wave 1: foundations" (2026-07-01 to 2026-09-30): waves follow one another',
    ]);
    const again = await as(admin, 'POST', '/waves', {
      name: 'Wave 2: tools',
      owner: 'Tools lead',
      startsOn: '2026-10-01',
      endsOn: '2026-12-15',
      offeringIds: [ids['Life-cycle methodology']],
    });
    expect([again.status, again.body.message]).toEqual([422, 'already planned in another wave: "Life-cycle methodology"']);
    expect(
      (
        await as(admin, 'POST', '/waves', {
          name: 'Wave 2: tools',
          owner: 'Tools lead',
          startsOn: '2026-10-01',
          endsOn: '2026-12-15',
          offeringIds: proposal.body.proposal[1].offeringIds,
        })
      ).status,
    ).toBe(201);

    expect((await as(admin, 'PUT', `/offerings/${ids['Life-cycle methodology']}/state`, { state: 'deployed' })).status).toBe(200);
    expect((await as(admin, 'PUT', `/offerings/${ids['Project management training']}/state`, { state: 'in-progress' })).status).toBe(200);
    const badState = await as(admin, 'PUT', `/offerings/${ids['Scheduling tool']}/state`, { state: 'done' });
    expect(badState.status).toBe(400);
    expect((await as(admin, 'PUT', `/offerings/${randomUUID()}/state`, { state: 'deployed' })).status).toBe(404);

    const roadmap = await as<{
      waves: { name: string; owner: string; effortWeeks: number; progress: { percent: number } }[];
      unplanned: unknown[];
      proposal: unknown[];
    }>(reviewer, 'GET', '/roadmap');
    expect(roadmap.body.waves.map((w) => [w.name, w.owner, w.effortWeeks, w.progress.percent])).toEqual([
      ['Wave 1: foundations', 'Head of PMO', 10, 75],
      ['Wave 2: tools', 'Tools lead', 9, 0],
    ]);
    expect([roadmap.body.unplanned, roadmap.body.proposal]).toEqual([[], []]);

    const audit = (await service.dataSource.query(
      `SELECT action, count(*)::int AS n FROM audit_log WHERE action LIKE 'buildout.%' GROUP BY action ORDER BY action`,
    )) as {
      action: string;
      n: number;
    }[];
    expect(Object.fromEntries(audit.map((a) => [a.action, a.n]))).toEqual({
      'buildout.assessed': 2,
      'buildout.foundation-recorded': 1,
      'buildout.offering-added': 4,
      'buildout.offering-state-set': 2,
      'buildout.wave-planned': 2,
    });
  });

  it('lists the published standards of the catalog as products, read from the catalog, beside the build-out’s own', async () => {
    const created = await callApi<{ id: string }>('POST', `${service.url}/standards`, admin, {
      key: `review-cadence-${uniqueSuffix()}`,
      title: 'Review cadence',
      kind: 'standard',
      owner: 'PMO',
    });
    expect(created.status).toBe(201);
    const versions = `${service.url}/standards/${created.body.id}/versions`;
    const catalogue = () =>
      as<{ offerings: unknown[]; catalogProducts: { title: string; version: string; closesGaps: string[] }[] }>(reviewer, 'GET', '/offerings');
    expect(
      (
        await callApi('POST', versions, admin, {
          version: '1.0.0',
          level: 'mandatory',
          effectiveDate: '2026-01-01',
          adoptionDeadline: '2027-12-31',
          applicability: { scope: 'organisation' },
          requirements: [{ id: 'REVIEW-CADENCE', text: 'Steering review every 7 to 14 days' }],
        })
      ).status,
    ).toBe(201);
    // A standard without a published version is not a product yet.
    expect((await catalogue()).body.catalogProducts).toEqual([]);
    expect((await callApi('POST', `${versions}/1.0.0/submit`, admin)).status).toBe(200);
    const published = await callApi('POST', `${versions}/1.0.0/publish`, admin, {
      rollout: [{ name: 'all', programIds: [], programTags: ['finance'], opensOn: '2026-01-01', adoptionDeadline: '2027-12-31' }],
    });
    expect(published.status).toBe(200);
    const after = (await catalogue()).body;
    expect(after.offerings).toHaveLength(4);
    expect(after.catalogProducts.map((p) => [p.title, p.version, p.closesGaps])).toEqual([['Review cadence', '1.0.0', ['governance']]]);
  });
});
