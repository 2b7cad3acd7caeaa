import fc from 'fast-check';
import { EVENT_CATALOG } from './catalog';
import { validateEventData } from './event-validation';
import { checkFields, checkSchema, validatorOf } from './schema-validation';
import { registerProgramBody } from './programs/program-bodies';
import { closeProjectBody, registerProjectBody, setImplementationStatusBody, updateProjectBody } from './projects/project-bodies';
import { submitStatusReportBody } from './reports/report-bodies';
import { decideAdoptionBody } from './adoptions/adoption-bodies';
import { submitFeedbackBody, triageFeedbackBody } from './feedback/feedback-bodies';
import { decideRenewalBody, decideVarianceBody, proposeVarianceBody, reasonBody, renewVarianceBody, requestVarianceBody } from './variances/variance-bodies';
import {
  createStandardBody,
  createVersionBody,
  grandfatheringPolicyBody,
  publishVersionBody,
  retireVersionBody,
  updateVersionBody,
  validateReportBody,
  variancePolicyBody,
  versionDiffQuery,
} from './standards/standard-bodies';

type Schema = Record<string, unknown>;

const BODIES = {
  registerProgramBody,
  registerProjectBody,
  updateProjectBody,
  closeProjectBody,
  setImplementationStatusBody,
  submitStatusReportBody,
  decideAdoptionBody,
  submitFeedbackBody,
  triageFeedbackBody,
  requestVarianceBody,
  proposeVarianceBody,
  reasonBody,
  decideVarianceBody,
  renewVarianceBody,
  decideRenewalBody,
  createStandardBody,
  variancePolicyBody,
  grandfatheringPolicyBody,
  createVersionBody,
  updateVersionBody,
  publishVersionBody,
  retireVersionBody,
  validateReportBody,
  versionDiffQuery,
};

describe('the contract schemas', () => {
  // ajv runs strict: an unknown keyword, a required field without its property or a type-less keyword fails here.
  it.each(Object.entries(EVENT_CATALOG))('event %s compiles in strict mode', (_type, definition) => {
    expect(() => validatorOf(definition.schema)).not.toThrow();
  });

  it.each(Object.entries(BODIES))('HTTP %s compiles in strict mode and refuses unknown fields', (_name, schema) => {
    expect(() => validatorOf(schema)).not.toThrow();
    expect(schema.additionalProperties).toBe(false);
  });

  it('compiles a schema once, however often it is used', () => {
    expect(validatorOf(reasonBody)).toBe(validatorOf(reasonBody));
  });
});

describe('checkSchema', () => {
  const validRequest = {
    versionId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    requirementIds: ['STATUS-CADENCE'],
    projectIds: ['3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21'],
    justification: 'The regulator requires monthly reporting',
    risk: { likelihood: 2, impact: 3 },
    expiresOn: '2027-06-30',
  };

  it.each([
    ['a bad requirement id', { ...validRequest, requirementIds: ['status'] }, 'requirementIds/0 must be a requirement id such as STATUS-CADENCE'],
    ['a missing field', { ...validRequest, justification: undefined }, 'justification is required'],
    ['an unknown field', { ...validRequest, budget: 1 }, 'property budget should not exist'],
    ['an unknown nested field', { ...validRequest, risk: { likelihood: 2, impact: 3, owner: 'x' } }, 'property risk/owner should not exist'],
    ['a risk out of range', { ...validRequest, risk: { likelihood: 6, impact: 3 } }, 'risk/likelihood must be <= 5'],
    ['a date-time where a date belongs', { ...validRequest, expiresOn: '2027-06-30T00:00:00Z' }, 'expiresOn must be a date such as 2027-06-30'],
    ['an empty compensating control', { ...validRequest, compensatingControls: [''] }, 'compensatingControls/0 must NOT have fewer than 1 characters'],
    [
      'a repeated project',
      { ...validRequest, projectIds: [validRequest.projectIds[0], validRequest.projectIds[0]] },
      'projectIds must NOT have duplicate items (items ## 1 and 0 are identical)',
    ],
  ])('names the field and the rule for %s', (_case, body, problem) => {
    const check = checkSchema(requestVarianceBody, JSON.parse(JSON.stringify(body)));
    expect(check).toEqual({ valid: false, problems: expect.arrayContaining([problem]) });
  });

  const NOT_VISIBLE =
    'name must not start or end with a space, nor hold an invisible or text-direction character (U+200B, U+2060, U+FEFF, U+202A–U+202E, U+2066–U+2069)';
  it.each([
    ['a leading space', ' Finance'],
    ['a trailing no-break space', 'Finance\u00a0'],
    ['a zero-width space', 'Fin\u200bance'],
    ['a byte-order mark', '\ufeffFinance'],
    ['a right-to-left override', '\u202eecnaniF'],
    ['a direction isolate', 'Fin\u2066ance'],
  ])('refuses a program name with %s, which would look like another', (_case, name) => {
    expect(checkSchema(registerProgramBody, { name })).toEqual({ valid: false, problems: [NOT_VISIBLE] });
  });

  it.each([
    ['Cyrillic', 'Финансы'],
    ['Persian with a zero-width non-joiner', 'می\u200cخواهم'],
    ['an emoji sequence with a zero-width joiner', 'Team \u{1F469}\u200d\u{1F4BB}'],
    ['Hebrew with a right-to-left mark', 'תקציב\u200f 2027'],
    ['inner spaces', 'Financial  System Migration'],
  ])('accepts a program name in %s', (_case, name) => {
    expect(checkSchema(registerProgramBody, { name })).toEqual({ valid: true });
  });

  it.each([
    ['a bad requirement id', { ...validRequest, requirementIds: ['status'] }, '/requirementIds/0'],
    ['a missing field', { ...validRequest, justification: undefined }, '/justification'],
    ['an unknown nested field', { ...validRequest, risk: { likelihood: 2, impact: 3, owner: 'x' } }, '/risk/owner'],
  ])('points at the field of %s', (_case, body, path) => {
    const check = checkFields(requestVarianceBody, JSON.parse(JSON.stringify(body)));
    expect(check.valid).toBe(false);
    expect(check.valid ? [] : check.problems.map((p) => p.path)).toContain(path);
  });

  it('says what a conditional field needs', () => {
    expect(checkSchema(triageFeedbackBody, { outcome: 'declined' })).toEqual({ valid: false, problems: ['reason is required when the feedback is declined'] });
    expect(checkSchema(setImplementationStatusBody, { versionId: validRequest.versionId, status: 'not-applicable' })).toEqual({
      valid: false,
      problems: ['reason is required when the status is not-applicable'],
    });
  });

  it('checks only the branch a leeway names', () => {
    const draft = {
      version: '1.0.0',
      level: 'mandatory',
      effectiveDate: '2027-01-01',
      adoptionDeadline: '2027-03-31',
      applicability: { scope: 'organisation' },
    };
    const check = checkSchema(createVersionBody, { ...draft, requirements: [{ id: 'A', text: 't', leeway: { kind: 'range', min: 1, unit: 'days' } }] });
    expect(check).toEqual({ valid: false, problems: ['requirements/0/leeway/max is required'] });
  });

  it('fills declared defaults', () => {
    const body: Record<string, unknown> = { programId: validRequest.projectIds[0], name: 'Ledger' };
    expect(checkSchema(registerProjectBody, body)).toEqual({ valid: true });
    expect(body.phase).toBe('initiation');
    expect(body.percentComplete).toBe(0);
  });
});

// A value the schema accepts, for the JSON Schema this platform writes (objects, arrays, strings with
// formats and patterns, numbers, enums, tagged unions). if/then rules are left to the filter below.
function arbitraryOf(schema: Schema): fc.Arbitrary<unknown> {
  if (Array.isArray(schema.oneOf)) return fc.oneof(...(schema.oneOf as Schema[]).map(arbitraryOf));
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map(arbitraryOf));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  switch (schema.type) {
    case 'object': {
      if (schema.patternProperties) {
        const [value] = Object.values(schema.patternProperties as Record<string, Schema>);
        const key = (schema.propertyNames as Schema | undefined)?.pattern;
        return fc.dictionary(key ? fc.stringMatching(new RegExp(key as string)) : fc.string({ maxLength: 10 }), arbitraryOf(value), { maxKeys: 4 });
      }
      if (!schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 });
      const properties = Object.fromEntries(
        Object.entries(schema.properties as Record<string, Schema>).map(([name, property]) => [name, arbitraryOf(property)]),
      );
      return fc.record(properties, { requiredKeys: (schema.required as string[] | undefined) ?? [] });
    }
    case 'array': {
      const constraints = { minLength: (schema.minItems as number | undefined) ?? 0, maxLength: Math.min((schema.maxItems as number | undefined) ?? 4, 4) };
      const items = arbitraryOf(schema.items as Schema);
      return schema.uniqueItems ? fc.uniqueArray(items, { ...constraints, selector: (v) => JSON.stringify(v) }) : fc.array(items, constraints);
    }
    case 'integer':
      return fc.integer({ min: (schema.minimum as number | undefined) ?? -1000, max: (schema.maximum as number | undefined) ?? 1000 });
    case 'number': {
      const min = (schema.minimum as number | undefined) ?? -1000;
      const max = (schema.maximum as number | undefined) ?? 1000;
      return fc.integer({ min: min * 100, max: max * 100 }).map((n) => n / 100);
    }
    case 'null':
      return fc.constant(null);
    case 'string':
      return stringArbitrary(schema);
    default:
      throw new Error(`no arbitrary for ${JSON.stringify(schema)}`);
  }
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const maxLength = (schema.maxLength as number | undefined) ?? 40;
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true });
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return day.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return day.map((d) => d.toISOString());
  if (schema.format === 'uri') return fc.webUrl().filter((url) => url.length <= maxLength);
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= maxLength);
  // Code points, not only ASCII: ajv counts string lengths in code points.
  return fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 60) });
}

/** Bodies the HTTP schema accepts, defaults filled as the service receives them (if/then rules filter what the generator cannot know). */
function acceptedBodies<T>(schema: Schema): fc.Arbitrary<T> {
  return arbitraryOf(schema)
    .map((body) => {
      const received = structuredClone(body);
      return checkSchema(schema, received).valid ? received : undefined;
    })
    .filter((received) => received !== undefined) as fc.Arbitrary<T>;
}

const ids = { a: '3f0c8e2a-7d1b-4c55-9a51-0c9f3f5b7e21', b: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
const actor = { subject: 'sub-1', name: 'Paula Program' };
const at = '2026-12-01T09:00:00.000Z';

// Each payload is built from the body as the service that takes the body builds it.
const PAIRS: [string, string, Schema, (body: never) => unknown][] = [
  [
    'POST /programs',
    'pmo.program.registered.v1',
    registerProgramBody,
    (b: Schema) => ({
      programId: ids.a,
      code: b.code ?? ids.a.slice(0, 8),
      name: b.name,
      description: b.description ?? '',
      tags: b.tags ?? [],
      registeredAt: at,
    }),
  ],
  [
    'POST /projects',
    'pmo.project.registered.v1',
    registerProjectBody,
    (b: Schema) => ({
      projectId: ids.a,
      programId: b.programId,
      code: b.code,
      name: b.name,
      phase: b.phase,
      percentComplete: b.percentComplete,
      tags: b.tags ?? [],
      registeredAt: at,
    }),
  ],
  [
    'PATCH /projects/{id}',
    'pmo.project.updated.v1',
    updateProjectBody,
    (b: Schema) => ({
      projectId: ids.a,
      programId: ids.b,
      name: 'Ledger',
      phase: b.phase ?? 'planning',
      percentComplete: b.percentComplete ?? 0,
      tags: b.tags ?? [],
      updatedAt: at,
    }),
  ],
  [
    'POST /projects/{id}/close',
    'pmo.project.closed.v1',
    closeProjectBody,
    (b: Schema) => ({ projectId: ids.a, programId: ids.b, reason: b.reason, closedAt: at }),
  ],
  [
    'PUT …/requirements/{id}/status',
    'pmo.implementation.status-changed.v1',
    setImplementationStatusBody,
    (b: Schema) => ({
      projectId: ids.a,
      programId: ids.b,
      versionId: b.versionId,
      requirementId: 'STATUS-CADENCE',
      status: b.status,
      reason: b.reason ?? '',
      evidenceLinks: b.evidenceLinks ?? [],
      changedAt: at,
    }),
  ],
  [
    'POST /programs/{id}/adoptions',
    'pmo.adoption.decided.v1',
    decideAdoptionBody,
    (b: Schema) => ({
      decisionId: ids.a,
      programId: ids.b,
      projectId: (b.projectIds as string[])[0],
      standardId: ids.a,
      versionId: b.versionId,
      version: '1.0.0',
      decision: b.decision,
      choices: b.decision === 'tailor' ? (b.choices ?? {}) : {},
      reason: b.reason,
      actor,
      decidedAt: at,
    }),
  ],
  [
    'POST /programs/{id}/feedback',
    'pmo.feedback.submitted.v1',
    submitFeedbackBody,
    (b: Schema) => ({
      feedbackId: ids.a,
      programId: ids.b,
      standardId: ids.a,
      versionId: b.versionId,
      version: '1.0.0',
      category: b.category,
      text: b.text,
      about: b.about ?? [],
      submittedBy: actor,
      submittedAt: at,
    }),
  ],
  [
    'POST /feedback/{id}/triage',
    'pmo.feedback.triaged.v1',
    triageFeedbackBody,
    (b: Schema) => ({
      feedbackId: ids.a,
      programId: ids.b,
      outcome: b.outcome,
      reason: b.reason ?? '',
      revisionVersion: b.outcome === 'accepted' ? b.revisionVersion : null,
      varianceId: b.outcome === 'resolved-by-variance' ? b.varianceId : null,
      at,
    }),
  ],
  [
    'POST /programs/{id}/variances',
    'pmo.variance.requested.v1',
    requestVarianceBody,
    (b: Schema) => ({
      varianceId: ids.a,
      programId: ids.b,
      requestedBy: actor,
      standardId: ids.a,
      versionId: b.versionId,
      version: '1.0.0',
      requirementIds: b.requirementIds,
      projectIds: b.projectIds,
      justification: b.justification,
      risk: b.risk,
      compensatingControls: b.compensatingControls ?? [],
      expiresOn: b.expiresOn,
      submittedAt: at,
    }),
  ],
  [
    'POST /projects/{id}/variance-proposals',
    'pmo.variance.proposed.v1',
    proposeVarianceBody,
    (b: Schema) => ({
      proposalId: ids.a,
      projectId: ids.b,
      programId: ids.a,
      proposedBy: actor,
      standardId: ids.a,
      versionId: b.versionId,
      version: '1.0.0',
      requirementIds: b.requirementIds,
      justification: b.justification,
      risk: b.risk,
      compensatingControls: b.compensatingControls ?? [],
      expiresOn: b.expiresOn,
      proposedAt: at,
    }),
  ],
  [
    'POST …/withdraw',
    'pmo.variance.withdrawn.v1',
    reasonBody,
    (b: Schema) => ({ varianceId: ids.a, programId: ids.b, reason: b.reason, withdrawnBy: actor, withdrawnAt: at }),
  ],
  [
    'POST …/variance-proposals/{id}/reject',
    'pmo.variance.proposal-answered.v1',
    reasonBody,
    (b: Schema) => ({ proposalId: ids.a, projectId: ids.b, programId: ids.a, outcome: 'rejected', reason: b.reason, answeredBy: actor, answeredAt: at }),
  ],
  [
    'POST /variances/{id}/confirm',
    'pmo.variance.reviewed.v1',
    reasonBody,
    (b: Schema) => ({ varianceId: ids.a, programId: ids.b, outcome: 'confirmed', reason: b.reason, reviewedBy: actor, reviewedAt: at }),
  ],
  [
    'POST /variances/{id}/decision',
    'pmo.variance.decided.v1',
    decideVarianceBody,
    (b: Schema) => ({
      varianceId: ids.a,
      programId: ids.b,
      outcome: b.outcome,
      conditions: b.outcome === 'approved-with-conditions' ? ((b.conditions as Schema[] | undefined) ?? []).map((c, i) => ({ id: `C${i + 1}`, ...c })) : [],
      reason: b.reason,
      decidedBy: actor,
      decidedAt: at,
    }),
  ],
  [
    'POST /programs/{id}/variances/{id}/renewals',
    'pmo.variance.renewal-requested.v1',
    renewVarianceBody,
    (b: Schema) => ({
      varianceId: ids.a,
      programId: ids.b,
      renewal: 1,
      requestedBy: actor,
      expiresOn: b.expiresOn,
      previousExpiresOn: '2027-03-31',
      justification: b.justification,
      requestedAt: at,
    }),
  ],
  [
    'POST /variances/{id}/renewal/decide',
    'pmo.variance.renewal-decided.v1',
    decideRenewalBody,
    (b: Schema) => ({
      varianceId: ids.a,
      programId: ids.b,
      renewal: 1,
      outcome: b.outcome,
      expiresOn: '2027-06-30',
      reason: b.reason,
      decidedBy: actor,
      decidedAt: at,
    }),
  ],
  [
    'PUT /standards/{id}/grandfathering-policy',
    'pmo.standard.grandfathering-policy-set.v1',
    grandfatheringPolicyBody,
    (b: Schema) => ({ standardId: ids.a, key: 'status-reporting', ...b, setAt: at }),
  ],
  [
    'PUT /standards/{id}/variance-policy',
    'pmo.standard.variance-policy-set.v1',
    variancePolicyBody,
    (b: Schema) => ({ standardId: ids.a, key: 'status-reporting', ...b, setAt: at }),
  ],
  [
    'POST /standards + …/versions + …/publish',
    'pmo.standard.version-published.v1',
    createVersionBody,
    (b: Schema) => ({
      standardId: ids.a,
      key: 'status-reporting',
      title: 'Status reporting',
      kind: 'standard',
      level: b.level,
      versionId: ids.b,
      version: b.version,
      effectiveDate: b.effectiveDate,
      adoptionDeadline: b.adoptionDeadline,
      applicability: b.applicability,
      requirements: b.requirements,
      rollout: [{ name: 'wave 1', programIds: [], programTags: [], opensOn: '2027-01-01', adoptionDeadline: '2027-02-28' }],
      publishedAt: at,
    }),
  ],
  [
    'POST …/publish',
    'pmo.standard.version-published.v1',
    publishVersionBody,
    (b: Schema) => ({
      standardId: ids.a,
      key: 'status-reporting',
      title: 'Status reporting',
      kind: 'standard',
      level: 'mandatory',
      versionId: ids.b,
      version: '1.0.0',
      effectiveDate: '2027-01-01',
      adoptionDeadline: '2027-03-31',
      applicability: { scope: 'organisation' },
      requirements: [],
      rollout: b.rollout,
      publishedAt: at,
    }),
  ],
  [
    'POST …/retire',
    'pmo.standard.version-retired.v1',
    retireVersionBody,
    (b: Schema) => ({ standardId: ids.a, versionId: ids.b, version: '1.0.0', reason: b.reason, retiredAt: at }),
  ],
];

describe('an HTTP body the platform accepts yields an event its schema accepts', () => {
  it.each(PAIRS)('%s → %s', (_route, type, body, toEvent) => {
    fc.assert(
      fc.property(acceptedBodies<never>(body), (accepted) => {
        const payload = JSON.parse(JSON.stringify(toEvent(accepted))) as unknown;
        expect(validateEventData(type, payload)).toEqual({ valid: true });
      }),
      { numRuns: 200 },
    );
  });
});
