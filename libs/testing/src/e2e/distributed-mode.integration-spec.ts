import { callApi } from '../http-client';
import { uniqueSuffix } from '../fresh-ids';
import { localKafka } from '../infrastructure';
import { keycloakUserToken } from '../keycloak-admin';
import { keycloakToken, tamperedToken } from '../keycloak-tokens';
import { startDistributedServices, type DistributedServices } from '../distributed-services';
import { eventually } from '../eventually';
import { runAdoptionScenario } from './adoption.scenario';
import { runReportsScenario } from './reports.scenario';
import { runMetricsScenario } from './metrics.scenario';
import { runRegulatedFeedbackScenario } from './feedback.scenario';
import { runCloseoutScenario } from './closeout.scenario';
import { runCommitteeScenario } from './committee.scenario';
import { runRoadmapScenario } from './roadmap.scenario';
import { runVarianceScenario } from './variances.scenario';
import { runVarianceLifecycleScenario } from './variance-lifecycle.scenario';
import { runGovernanceRulesScenario } from './governance-rules.scenario';
import { runVarianceRenewalScenario } from './variance-renewal.scenario';
import { runGrandfatheringThresholdScenario } from './grandfathering-threshold.scenario';
import { expectReadModelsAgreeEverywhere } from './compliance-model.checks';
import { runBadPlaybookImport, runStandardsScenario } from './standards.scenario';
import { runWalkingSkeleton, type ServiceUrls } from './walking-skeleton.scenario';

// The distributed mode: three processes on the real Kafka, PostgreSQL and Keycloak of deploy/local,
// with fresh databases and consumer groups of their own.
const suffix = uniqueSuffix();
const urls: ServiceUrls = { strategic: '', program: '', project: '' };
let platform: DistributedServices;

beforeAll(async () => {
  platform = await startDistributedServices('e2e', suffix);
  Object.assign(urls, platform.urls);
});

afterAll(async () => {
  expect(await platform.stop()).toEqual([0, 0, 0]);
});

describe('the distributed mode on Kafka, PostgreSQL and Keycloak', () => {
  it('runs the walking skeleton with a real Keycloak token', async () => {
    await runWalkingSkeleton(urls, await keycloakToken('sam.strategic'));
  });

  it('puts ce_* headers, content-type and traceparent on the Kafka message, and the consumer continues the trace', async () => {
    const token = await keycloakToken('sam.strategic');
    const created = await callApi<{ id: string }>('POST', `${urls.program}/programs`, token, { name: `Traced program ${suffix}` });
    expect(created.status).toBe(201);
    const programId = created.body.id;

    const headers = await readMessageHeadersFromOutside('pmo.programs.v1', programId);
    expect(headers).toMatchObject({
      ce_type: 'pmo.program.registered.v1',
      ce_source: '/pmo/program-pmo',
      ce_specversion: '1.0',
      ce_subject: programId,
      'content-type': 'application/json',
    });
    expect(headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]$/.exec(headers.traceparent)?.[1];
    expect(traceId).toBeDefined();

    // The request's trace (kept in program-pmo's audit entry) is the one the message carries,
    // and strategic-pmo applied the event inside that same trace.
    const [audit] = await platform.query<{ trace_id: string }>('program', `SELECT trace_id FROM audit_log WHERE entity_id = $1`, [programId]);
    expect(audit.trace_id).toBe(traceId);
    const [applied] = await eventually(async () => {
      const rows = await platform.query<{ trace_id: string }>('strategic', `SELECT trace_id FROM inbox WHERE event_id = $1`, [headers.ce_id]);
      expect(rows).toHaveLength(1);
      return rows;
    });
    expect(applied.trace_id).toBe(traceId);
  });

  it('publishes a standard in two waves; the views follow the waves, the clock and the retirement', async () => {
    await runStandardsScenario(urls, { admin: await keycloakToken('sam.strategic'), platform: await keycloakToken('pat.platform') });
  });

  it('adopts, tailors and grandfathers within the rules; a missed deadline turns overdue; the portfolio is the sum of the programs, as of any day', async () => {
    await runAdoptionScenario(urls, { admin: await keycloakToken('sam.strategic'), platform: await keycloakToken('pat.platform') });
  });

  it('takes status reports in the published format, implementation status, counts the reporting cadence, and closes the project', async () => {
    await runReportsScenario(urls, { admin: await keycloakToken('sam.strategic'), platform: await keycloakToken('pat.platform') });
  });

  it('computes the health metrics of a program from the status reports it was sent', async () => {
    await runMetricsScenario(urls, { admin: await keycloakToken('sam.strategic'), platform: await keycloakToken('pat.platform') });
  });

  it('takes a variance from request to approval, idempotently, refuses self-review, expires it and escalates a late one', async () => {
    const programCode = `pm-var-${suffix}`;
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    await runVarianceScenario(urls, {
      admin: await keycloakToken('sam.strategic'),
      programManager,
      programCode,
      platform: await keycloakToken('pat.platform'),
    });
  });

  it('takes a variance from a project’s proposal through its impact, conditions, withdrawal, revision, review and revocation', async () => {
    const [admin, reviewer, platform] = await Promise.all(['sam.strategic', 'rita.reviewer', 'pat.platform'].map((u) => keycloakToken(u)));
    const [programCode, projectCode] = [`pm-life-${suffix}`, `pj-life-${suffix}`];
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    const projectManager = await keycloakUserToken(`manager.${projectCode}`, 'project-manager', [`project-${projectCode}`]);
    await runVarianceLifecycleScenario(urls, { admin, reviewer, programManager, projectManager, platform, programCode, projectCode });
  });

  it('holds the governance rules over 60 simulated days: variants side by side, a granted cadence, grandfathering, a preview that comes true', async () => {
    const [admin, platform] = await Promise.all(['sam.strategic', 'pat.platform'].map((u) => keycloakToken(u)));
    const programCode = `pm-gov-${suffix}`;
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    await runGovernanceRulesScenario(urls, { admin, programManager, programCode, platform });
  });

  it('keeps both compliance read models equal to the compliance function over those simulated days', async () => {
    // The scenario's days run from today to today + 60 at 09:00; instants between its steps, and now.
    const today = Date.parse(new Date().toISOString().slice(0, 10));
    const instants = [0.3, 18.5, 22.4, 30.6, 42.5, 46.5, 50.5, 52.5, 58.5, 60.5].map((days) => new Date(today + days * 86_400_000));
    await expectReadModelsAgreeEverywhere(urls, await keycloakToken('sam.strategic'), [...instants, new Date()]);
  });

  it('renews an approval within the limit from its first approval, through review and decision; compliance follows the new end date', async () => {
    const [admin, reviewer, platform, auditor] = await Promise.all(
      ['sam.strategic', 'rita.reviewer', 'pat.platform', 'ada.auditor'].map((u) => keycloakToken(u)),
    );
    const programCode = `pm-renew-${suffix}`;
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    await runVarianceRenewalScenario(urls, { admin, reviewer, programManager, programCode, platform, auditor });
  });

  it('grandfathers by the standard’s own threshold, set by the strategic PMO', async () => {
    await runGrandfatheringThresholdScenario(urls, { admin: await keycloakToken('sam.strategic'), platform: await keycloakToken('pat.platform') });
  });

  it('closes a project with its post-implementation review and sends a lesson to the strategic feedback inbox', async () => {
    await runCloseoutScenario(urls, { admin: await keycloakToken('sam.strategic') });
  });

  it("puts a project's milestones set in project-pmo on the portfolio roadmap, and exports it as a calendar", async () => {
    await runRoadmapScenario(urls, { admin: await keycloakToken('sam.strategic') });
  });

  it('answers a regulated division’s feedback with a regulated revision, and closes it', async () => {
    const programCode = `pm-fb-${suffix}`;
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    await runRegulatedFeedbackScenario(urls, { admin: await keycloakToken('sam.strategic'), programManager, programCode });
  });

  it('holds a steering committee meeting whose agenda has a late variance and whose recorded decision approves it', async () => {
    const [admin, reviewer, platform] = await Promise.all(['sam.strategic', 'rita.reviewer', 'pat.platform'].map((u) => keycloakToken(u)));
    const programCode = `pm-sc-${suffix}`;
    const programManager = await keycloakUserToken(`manager.${programCode}`, 'program-manager', [`program-${programCode}`]);
    await runCommitteeScenario(urls, { admin, reviewer, programManager, programCode, platform });
  });

  it('refuses a playbook that is not valid YAML with its line and column, storing nothing', async () => {
    await runBadPlaybookImport(urls, await keycloakToken('sam.strategic'));
  });

  describe('authentication', () => {
    it('accepts a real Keycloak token for a demo user', async () => {
      expect((await callApi('GET', `${urls.strategic}/portfolio/programs`, await keycloakToken('ada.auditor'))).status).toBe(200);
    });

    it.each([
      ['no token', async () => undefined],
      ['a token with one signature byte changed', async () => tamperedToken(await keycloakToken('sam.strategic'))],
      ['a token from another realm', async () => keycloakToken('mallory', { realm: 'other' })],
      [
        'an expired token',
        async () => {
          const token = await keycloakToken('sam.strategic', { clientId: 'pmo-test-short-lived' });
          await new Promise((resolve) => setTimeout(resolve, 3_000));
          return token;
        },
      ],
      ['a token that is not a JWT', async () => 'not-a-token'],
    ])('answers 401 to %s', async (_case, tokenOf) => {
      for (const url of [`${urls.strategic}/portfolio/programs`, `${urls.program}/programs`, `${urls.project}/projects`]) {
        const answer = await callApi<{ code: string }>('GET', url, await tokenOf());
        expect(answer.status).toBe(401);
        expect(answer.body.code).toBe('AUTH.UNAUTHENTICATED');
      }
    });

    it('answers 403 when the role may not register a program', async () => {
      const answer = await callApi<{ message: string }>('POST', `${urls.program}/programs`, await keycloakToken('ada.auditor'), {
        name: `Auditor program ${suffix}`,
      });
      expect(answer.status).toBe(403);
      expect(answer.body.message).toContain('program-manager');
    });
  });
});

async function readMessageHeadersFromOutside(topic: string, key: string): Promise<Record<string, string>> {
  const kafka = localKafka(`outside-${uniqueSuffix()}`);
  const consumer = kafka.consumer({ groupId: `outside-${uniqueSuffix()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  try {
    return await new Promise<Record<string, string>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no message with key ${key} on ${topic} within 60 s`)), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          if (message.key?.toString() !== key) return;
          clearTimeout(timer);
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = value.toString();
          resolve(headers);
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
}
