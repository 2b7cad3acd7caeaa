import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

const METHODOLOGY_DIR = resolve(__dirname, '../../apps/strategic-pmo/src/demo-data/methodology');

const STATUS_REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'Program status report',
  type: 'object',
  additionalProperties: false,
  required: ['period', 'overallHealth', 'schedule', 'issues', 'risks'],
  properties: {
    period: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } } },
    // x-pmo-health marks the ratings the metrics read (docs/metrics.md).
    overallHealth: { enum: ['green', 'amber', 'red'], 'x-pmo-health': 'overall' },
    percentComplete: { type: 'number', minimum: 0, maximum: 100 },
    schedule: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { enum: ['on-track', 'at-risk', 'late'] },
        health: { enum: ['green', 'amber', 'red'], 'x-pmo-health': 'schedule' },
        nextMilestone: { type: 'string' },
      },
    },
    budget: { type: 'object', required: ['health'], properties: { health: { enum: ['green', 'amber', 'red'], 'x-pmo-health': 'budget' } } },
    issues: { type: 'array', items: { type: 'object', required: ['title', 'owner'], properties: { title: { type: 'string' }, owner: { type: 'string' } } } },
    risks: {
      type: 'array',
      items: {
        type: 'object',
        required: ['title', 'likelihood', 'impact'],
        properties: { title: { type: 'string' }, likelihood: { type: 'integer', minimum: 1, maximum: 5 }, impact: { type: 'integer', minimum: 1, maximum: 5 } },
      },
    },
  },
};

const everyone = (opensOn: string, adoptionDeadline: string) => [
  { name: 'organisation', programIds: [], programTags: ['finance', 'hr', 'regulated'], opensOn, adoptionDeadline },
];

/**
 * Loads the demo catalog through strategic-pmo's API, once, published over the first weeks of the demo's
 * history (each wave that opens on its publication day opens then): the migration methodology imported from the
 * YAML key tasks and a status-report format 13 weeks ago; a mandatory status-reporting standard 12.5 weeks ago,
 * rolling out in two waves (finance programs then, HR in 30 days), with a draft revision under way; and a
 * scheduling tool 9 weeks ago. Adoption deadlines are still to come.
 */
export async function loadDemoStandards(api: DemoApi, history: DemoHistory): Promise<boolean> {
  const base = `${api.urls['strategic-pmo']}/standards`;
  const existing = (await api.call('GET', `${base}?limit=1`)) as { items: unknown[] };
  if (existing.items.length > 0) return false;
  const create = async (standard: object) => ((await api.call('POST', base, standard)) as { id: string }).id;
  const draft = (id: string, version: object) => api.call('POST', `${base}/${id}/versions`, version);
  const publish = async (id: string, version: string, rollout: object[]) => {
    await api.call('POST', `${base}/${id}/versions/${version}/submit`);
    await api.call('POST', `${base}/${id}/versions/${version}/publish`, { rollout });
  };
  const owner = 'PMO Centre of Excellence';

  await history.at(-91);
  const methodology = await create({
    key: 'migration-lifecycle',
    title: 'Migration life cycle (customer and provider PMOs)',
    kind: 'methodology',
    owner,
    tags: ['migration', 'pmo'],
  });
  await draft(methodology, {
    version: '1.0.0',
    level: 'recommended',
    effectiveDate: history.day(-91),
    adoptionDeadline: history.day(60),
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'PMO-CHARTER', text: 'Each program keeps a Program Charter with a defined scope' }],
    changeSummary: 'Key tasks 1.2 and 3.1',
  });
  const files = Object.fromEntries(readdirSync(METHODOLOGY_DIR).map((name) => [name, strToU8(readFileSync(join(METHODOLOGY_DIR, name), 'utf8'))]));
  await api.call('PUT', `${base}/${methodology}/versions/1.0.0/playbook?file=migration-lifecycle.zip`, zipSync(files), 'application/zip');
  await publish(methodology, '1.0.0', everyone(history.day(-91), history.day(60)));

  const reportFormat = await create({ key: 'status-report', title: 'Program status report', kind: 'report-format', owner, tags: ['reporting'] });
  await draft(reportFormat, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: history.day(-91),
    adoptionDeadline: history.day(45),
    applicability: { scope: 'organisation' },
    requirements: [],
    body: { schema: STATUS_REPORT_SCHEMA },
  });
  await publish(reportFormat, '1.0.0', everyone(history.day(-91), history.day(45)));

  await history.at(-88);
  const reporting = await create({ key: 'status-reporting', title: 'Status reporting cadence', kind: 'standard', owner, tags: ['reporting'] });
  const requirements = [
    {
      id: 'STATUS-CADENCE',
      text: 'Submit a status report in the published format every 7 to 14 days',
      leeway: { kind: 'range', min: 7, max: 14, unit: 'days' },
    },
    { id: 'IMS-WEEKLY', text: 'Update the Integrated Master Schedule weekly with activity owners' },
    { id: 'RISK-REVIEW', text: 'Review the risk register at a steering committee', leeway: { kind: 'options', options: ['monthly', 'fortnightly'] } },
  ];
  await draft(reporting, {
    version: '1.0.0',
    level: 'mandatory',
    effectiveDate: history.day(-88),
    adoptionDeadline: history.day(60),
    applicability: { scope: 'organisation' },
    requirements,
    changeSummary: 'First version',
  });
  await publish(reporting, '1.0.0', [
    { name: 'wave 1: finance', programIds: [], programTags: ['finance'], opensOn: history.day(-88), adoptionDeadline: history.day(30) },
    { name: 'wave 2: HR', programIds: [], programTags: ['hr'], opensOn: history.day(30), adoptionDeadline: history.day(60) },
  ]);
  await draft(reporting, {
    version: '1.1.0',
    level: 'mandatory',
    effectiveDate: history.day(90),
    adoptionDeadline: history.day(150),
    applicability: { scope: 'organisation' },
    requirements: [...requirements, { id: 'LESSONS-LOG', text: 'Keep a lessons-learned log reviewed at each phase gate' }],
    changeSummary: 'Adds a lessons-learned log',
  });

  await history.at(-63);
  const tool = await create({ key: 'integrated-master-schedule-tool', title: 'Integrated Master Schedule tool', kind: 'tool', owner, tags: ['scheduling'] });
  await draft(tool, {
    version: '1.0.0',
    level: 'recommended',
    effectiveDate: history.day(-63),
    adoptionDeadline: history.day(90),
    applicability: { scope: 'organisation' },
    requirements: [],
    body: { name: 'ProjectLibre', url: 'https://www.projectlibre.com', licence: 'CPAL-1.0', supportsRequirements: ['IMS-WEEKLY'] },
  });
  await publish(tool, '1.0.0', everyone(history.day(-63), history.day(90)));
  return true;
}

const REGULATED_VARIANT_DAY = -4;

/**
 * The regulated division's answer, four days ago, after its programs' variances and feedback on 1.0.0 and the
 * committee meetings: a stricter variant 2.0.0 of status reporting for programs tagged `regulated`, in force
 * since then beside the organisation-wide 1.0.0, which every other program keeps.
 */
export async function loadDemoRegulatedVariant(api: DemoApi, history: DemoHistory): Promise<boolean> {
  const base = `${api.urls['strategic-pmo']}/standards`;
  const page = (await api.call('GET', `${base}?q=status-reporting&limit=100`)) as { items: { id: string; key: string }[] };
  const reporting = page.items.find((s) => s.key === 'status-reporting');
  if (!reporting) return false;
  const { versions } = (await api.call('GET', `${base}/${reporting.id}`)) as { versions: { version: string }[] };
  if (versions.some((v) => v.version === '2.0.0')) return false;
  await history.at(REGULATED_VARIANT_DAY);
  await api.call('POST', `${base}/${reporting.id}/versions`, {
    version: '2.0.0',
    level: 'mandatory',
    effectiveDate: history.day(REGULATED_VARIANT_DAY),
    adoptionDeadline: history.day(30),
    applicability: { scope: 'tags', tags: ['regulated'] },
    requirements: [
      {
        id: 'STATUS-CADENCE',
        text: 'Submit a status report in the published format every 7 to 10 days',
        leeway: { kind: 'range', min: 7, max: 10, unit: 'days' },
      },
      { id: 'IMS-WEEKLY', text: 'Update the Integrated Master Schedule weekly with activity owners' },
      { id: 'RISK-REVIEW', text: 'Review the risk register at a steering committee', leeway: { kind: 'options', options: ['fortnightly'] } },
      { id: 'REGULATOR-COPY', text: "Share each status report with the regulator's liaison within 5 days" },
    ],
    changeSummary: 'Regulated variant: reports every 7 to 10 days, fortnightly risk reviews, a copy for the regulator',
  });
  await api.call('POST', `${base}/${reporting.id}/versions/2.0.0/submit`);
  await api.call('POST', `${base}/${reporting.id}/versions/2.0.0/publish`, {
    rollout: [
      {
        name: 'regulated programs',
        programIds: [],
        programTags: ['regulated'],
        opensOn: history.day(REGULATED_VARIANT_DAY),
        adoptionDeadline: history.day(30),
      },
    ],
  });
  return true;
}
