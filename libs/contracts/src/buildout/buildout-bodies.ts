import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, stringEnum, uuid } from '../schemas';

// The strategic PMO's build-out of itself: foundation, dated maturity assessments per element, the products
// and services that close the gaps, and the waves that deploy them. Scale and elements: docs/pmo-buildout.md.

/** What kind of office the PMO is. */
export const PMO_OFFICE_TYPES = ['project', 'program', 'portfolio'] as const;
export type PmoOfficeType = (typeof PMO_OFFICE_TYPES)[number];

/** The elements whose current and future state a build-out assesses; each has one gap. */
export const PMO_ELEMENTS = ['methodology', 'training', 'tools', 'reporting', 'resourcing', 'governance', 'organisation'] as const;
export type PmoElement = (typeof PMO_ELEMENTS)[number];

/** Maturity levels 1 (initial) to 5 (optimising); docs/pmo-buildout.md defines each. */
export const MATURITY_LEVELS = [
  { level: 1, name: 'initial', definition: 'Ad hoc: each project does it its own way; results depend on individuals.' },
  { level: 2, name: 'repeatable', definition: 'Some projects do it the same way; practices exist but are not written down for all.' },
  { level: 3, name: 'defined', definition: 'One documented way, published by the PMO and used by most projects.' },
  { level: 4, name: 'managed', definition: 'Used by all projects and measured: the PMO knows how well it works.' },
  { level: 5, name: 'optimising', definition: 'Improved continuously from the measures and from feedback.' },
] as const;

/** Deployment states of a product or service in the roadmap; a wave's progress counts the deployed ones. */
export const OFFERING_STATES = ['planned', 'in-progress', 'deployed'] as const;
export type OfferingState = (typeof OFFERING_STATES)[number];

const maturity = Type.Integer({ minimum: 1, maximum: 5, errorMessage: 'must be a maturity level from 1 (initial) to 5 (optimising)' });
const name = (max: number, example: string) => Type.String({ minLength: 1, maxLength: max, example });
const element = stringEnum(PMO_ELEMENTS, { description: 'The element of the PMO assessed' });

/** PUT /buildout/foundation: recorded first, because the rest of the build-out depends on it. */
export const recordFoundationBody = closedObject({
  officeType: stringEnum(PMO_OFFICE_TYPES, { description: 'A project, program or portfolio office' }),
  organisationalScope: name(500, 'All IT-enabled change in the finance and HR divisions'),
  sponsor: name(200, 'Chief Financial Officer'),
  customers: Type.Array(name(200, 'Program managers'), { minItems: 1, maxItems: 30, description: 'Who the PMO serves' }),
  stakeholders: Type.Array(name(200, 'Internal audit'), { maxItems: 30, description: 'Who else has a stake in it' }),
  capacityPerWave: Type.Integer({ minimum: 1, maximum: 1000, description: 'Person-weeks the PMO can spend on its build-out in one wave', example: 20 }),
  changesPerWave: Type.Integer({
    minimum: 1,
    maximum: 50,
    description: 'Pace of change: how many new products and services the organisation can absorb in one wave',
    example: 3,
  }),
});
export type RecordFoundationBody = Static<typeof recordFoundationBody>;

/** POST /buildout/assessments: the current and future state of some elements on a date. */
export const recordAssessmentBody = closedObject({
  assessedOn: { ...isoDate, description: 'The day the states were assessed', example: '2026-06-30' },
  elements: Type.Array(
    closedObject({
      element,
      currentState: name(1000, 'Each project manager plans in his own way'),
      currentLevel: maturity,
      futureState: name(1000, 'One life-cycle methodology used by every project'),
      futureLevel: maturity,
      effortWeeks: Type.Integer({ minimum: 0, maximum: 1000, description: 'Person-weeks estimated to close the gap', example: 8 }),
    }),
    { minItems: 1, maxItems: PMO_ELEMENTS.length },
  ),
});
export type RecordAssessmentBody = Static<typeof recordAssessmentBody>;

/** POST /buildout/offerings: a product or service of the PMO, with the gaps (elements) it closes. */
export const addOfferingBody = closedObject({
  name: name(200, 'Project management training'),
  kind: stringEnum(['product', 'service'] as const, { description: 'A tangible product (the methodology) or a service (training)' }),
  description: name(1000, 'A three-day course on the life-cycle methodology for every project manager'),
  closesGaps: Type.Array(element, { minItems: 1, maxItems: PMO_ELEMENTS.length, uniqueItems: true, description: 'The elements whose gaps it closes' }),
  priority: Type.Integer({ minimum: 1, maximum: 5, description: '1 is the most urgent', example: 1 }),
  effortWeeks: Type.Integer({ minimum: 1, maximum: 1000, description: 'Person-weeks to deploy it', example: 6 }),
});
export type AddOfferingBody = Static<typeof addOfferingBody>;

/** PUT /buildout/offerings/{offeringId}/state: how far its deployment is. */
export const offeringStateBody = closedObject({ state: stringEnum(OFFERING_STATES) });
export type OfferingStateBody = Static<typeof offeringStateBody>;

/** POST /buildout/waves: a wave of the deployment roadmap, with dates, an owner and what it deploys. */
export const planWaveBody = closedObject({
  name: name(100, 'Wave 1: foundations'),
  owner: name(200, 'Head of the PMO'),
  startsOn: { ...isoDate, example: '2026-07-01' },
  endsOn: { ...isoDate, example: '2026-09-30' },
  offeringIds: Type.Array(uuid, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'The products and services it deploys' }),
});
export type PlanWaveBody = Static<typeof planWaveBody>;
