import { Type, type Static } from '@sinclair/typebox';
import { anyObject, closedObject, slugTag, stringEnum, visibleName } from '../schemas';
import { STANDARD_KINDS, VERSION_STATES } from './standard-model';
import { grandfatheringPolicySchema } from './standard-grandfathering-policy-set.v1';
import { variancePolicySchema } from './standard-variance-policy-set.v1';
import { standardVersionPublishedV1Schema } from './standard-version-published.v1';

const published = standardVersionPublishedV1Schema.properties;

/** POST /standards: a catalog entry; its key, title and kind travel in every `standard.version-published`. */
export const createStandardBody = closedObject({
  key: { ...published.key, description: 'Stable slug, unique in the catalog', example: 'status-reporting' },
  title: visibleName({ ...published.title, description: 'Title', example: 'Status reporting' }),
  kind: stringEnum(STANDARD_KINDS, { description: 'What the standard is' }),
  owner: Type.String({ minLength: 1, maxLength: 200, description: 'Who in the strategic PMO owns it', example: 'PMO Centre of Excellence' }),
  tags: Type.Optional(Type.Array(slugTag, { maxItems: 20, description: 'Tags for finding it', example: ['reporting'] })),
  variancePolicy: Type.Optional({ ...variancePolicySchema, description: 'Variance policy; 12 months and 10 business days unless set' }),
});
export type CreateStandardBody = Static<typeof createStandardBody>;

/** PUT /standards/{id}/variance-policy: what becomes `standard.variance-policy-set`. */
export const variancePolicyBody = variancePolicySchema;
export type VariancePolicyBody = Static<typeof variancePolicyBody>;

/** PUT /standards/{id}/grandfathering-policy: what becomes `standard.grandfathering-policy-set`. */
export const grandfatheringPolicyBody = grandfatheringPolicySchema;
export type GrandfatheringPolicyBody = Static<typeof grandfatheringPolicyBody>;

const versionFields = {
  level: published.level,
  effectiveDate: { ...published.effectiveDate, description: 'From when it applies', example: '2027-01-01' },
  adoptionDeadline: { ...published.adoptionDeadline, description: 'By when programs must have adopted it', example: '2027-03-31' },
  applicability: {
    ...published.applicability,
    description: 'Whole organisation, listed programs, or program tags',
    example: { scope: 'tags', tags: ['regulated'] },
  },
  requirements: {
    ...published.requirements,
    description: 'Requirements, each with an id stable across versions and optional leeway',
    example: [{ id: 'STATUS-CADENCE', text: 'Submit a status report every 7 to 14 days', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } }],
  },
  changeSummary: Type.Optional(Type.String({ maxLength: 4000, description: 'What changed and why', example: 'First version' })),
  body: Type.Optional({
    ...anyObject,
    description:
      'Report format: `{ "schema": <JSON Schema 2020-12> }`; tool: `{ "name", "url", "licence", "supportsRequirements" }`. A methodology gets its playbook by PUT …/playbook.',
  }),
};

/** POST /standards/{id}/versions: a draft; its fields become `standard.version-published` when it is published. */
export const createVersionBody = closedObject({ version: { ...published.version, description: 'Semantic version', example: '1.0.0' }, ...versionFields });
export type CreateVersionBody = Static<typeof createVersionBody>;

/** PATCH /standards/{id}/versions/{v}: a change to a draft; fields left out stay as they are. */
export const updateVersionBody = Type.Partial(closedObject(versionFields));
export type UpdateVersionBody = Static<typeof updateVersionBody>;

/** POST …/publish: the waves of `standard.version-published`. */
export const publishVersionBody = closedObject({
  rollout: {
    ...published.rollout,
    description: 'The waves: which programs (by id or tag) must adopt from which date, by which deadline',
    example: [
      { name: 'wave 1', programIds: [], programTags: ['finance'], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' },
      { name: 'wave 2', programIds: [], programTags: ['hr'], opensOn: '2027-02-01', adoptionDeadline: '2027-03-31' },
    ],
  },
});
export type PublishVersionBody = Static<typeof publishVersionBody>;

/** POST …/retire: the reason of `standard.version-retired`. */
export const retireVersionBody = closedObject({
  reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the version is withdrawn', example: 'Replaced by the enterprise reporting standard' }),
});
export type RetireVersionBody = Static<typeof retireVersionBody>;

/** GET /standards/{id}/diff: the two versions compared. */
export const versionDiffQuery = closedObject({
  from: { ...published.version, description: 'The older version', example: '1.0.0' },
  to: { ...published.version, description: 'The newer version', example: '1.1.0' },
});
export type VersionDiffQuery = Static<typeof versionDiffQuery>;

/** POST …/validate: a sample report to check against a report format. */
export const validateReportBody = closedObject({
  report: { ...anyObject, description: 'A sample report to check against the report format', example: { period: '2027-01-15', health: 'green' } },
});
export type ValidateReportBody = Static<typeof validateReportBody>;

const STANDARD_SORTS = ['key', '-key', 'title', '-title', 'createdAt', '-createdAt'] as const;
export type StandardSort = (typeof STANDARD_SORTS)[number];

/** GET /standards: the catalog's filters, sort and page. */
export const listStandardsQuery = closedObject({
  kind: Type.Optional(stringEnum(STANDARD_KINDS)),
  state: Type.Optional(stringEnum(VERSION_STATES, { description: 'Standards having a version in this state' })),
  tag: Type.Optional(Type.String({ maxLength: 50, example: 'reporting' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'Text in the key or title', example: 'status' })),
  sort: Type.Optional(stringEnum(STANDARD_SORTS, { description: 'Sort field; a leading - sorts descending (default key)' })),
  cursor: Type.Optional(Type.String({ maxLength: 500, description: 'The nextCursor of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Standards per page (default 20)' })),
});
export type ListStandardsQuery = Static<typeof listStandardsQuery>;

/** PUT …/playbook: the uploaded file's name. */
export const importPlaybookQuery = closedObject({
  file: Type.Optional(
    Type.String({
      pattern: '^[\\w.\\- ]{1,200}$',
      errorMessage: 'must be a plain file name (letters, digits, . _ - and spaces, at most 200)',
      description: 'File name, used in error reports and to tell archives apart (.zip, .tar.gz, .tgz)',
      example: 'playbook.yaml',
    }),
  ),
});
export type ImportPlaybookQuery = Static<typeof importPlaybookQuery>;

/** GET …/playbook: one YAML stream or a zip of key-task files. */
export const exportPlaybookQuery = closedObject({
  format: Type.Optional(
    stringEnum(['yaml', 'zip'] as const, { description: 'One multi-document YAML stream, or a zip of one file per key task (default yaml)' }),
  ),
});
export type ExportPlaybookQuery = Static<typeof exportPlaybookQuery>;

/** GET …/playbook/key-tasks/{keyTask}/raci: the RACI matrix as JSON or CSV. */
export const raciQuery = closedObject({
  format: Type.Optional(stringEnum(['json', 'csv'] as const, { description: 'csv answers the matrix as CSV (default json)' })),
});
export type RaciQuery = Static<typeof raciQuery>;
