import {
  healthFieldsOf,
  priorityPolicySchema,
  reportProblemsOf,
  strictSchemaProblemOf,
  userSchemaValidatorOf,
  validatorOf,
  type PriorityPolicy,
  type StandardKind,
} from '@pmo/contracts';
import { policyProblems } from '../priorities/priority-policy';

export interface BodyProblem {
  path: string;
  message: string;
}

const TOOL_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'url', 'licence', 'supportsRequirements'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    url: { type: 'string', format: 'uri', maxLength: 2000 },
    licence: { type: 'string', minLength: 1, maxLength: 100 },
    supportsRequirements: { type: 'array', maxItems: 200, items: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9-]{0,49}$' } },
  },
};

const validateTool = userSchemaValidatorOf(TOOL_SCHEMA);
const validatePolicy = validatorOf(priorityPolicySchema);

/**
 * Whether a body fits the standard's kind while it is a draft: a report format holds `{ schema: object }`,
 * a tool its descriptor, a priority policy its criteria and rank rules, a plain standard nothing; a methodology's playbook comes by import only.
 */
export function checkDraftBody(kind: StandardKind, body: Record<string, unknown> | null | undefined): BodyProblem[] {
  if (body === undefined || body === null) return [];
  switch (kind) {
    case 'standard':
      return [{ path: '/body', message: 'a standard of kind "standard" has no body: its content is its requirements' }];
    case 'methodology':
      return [{ path: '/body', message: "a methodology's body is its playbook: import it with PUT …/playbook" }];
    case 'report-format':
      return typeof body.schema === 'object' && body.schema !== null && !Array.isArray(body.schema)
        ? []
        : [{ path: '/body/schema', message: 'a report format body is { "schema": <JSON Schema 2020-12> }' }];
    case 'tool':
      return validateTool(body) ? [] : (validateTool.errors ?? []).map((e) => ({ path: `/body${e.instancePath}`, message: e.message ?? 'is invalid' }));
    case 'priority-policy':
      if (!validatePolicy(body)) return (validatePolicy.errors ?? []).map((e) => ({ path: `/body${e.instancePath}`, message: e.message ?? 'is invalid' }));
      return policyProblems(body as PriorityPolicy).map((message) => ({ path: '/body/criteria', message }));
  }
}

/**
 * What must hold before a version leaves draft: a report format's schema compiles (ajv, draft 2020-12) and
 * marks its health properties soundly (`healthFieldsOf`),
 * a methodology has a playbook, a tool has its descriptor.
 */
export function checkBodyReadyForReview(kind: StandardKind, body: Record<string, unknown> | null): BodyProblem[] {
  if (kind === 'methodology' && !body) return [{ path: '/body', message: 'a methodology needs its playbook before review: PUT …/playbook' }];
  if (kind === 'tool' && !body) return [{ path: '/body', message: 'a tool version needs its name, url, licence and supported requirements' }];
  if (kind === 'priority-policy' && !body) return [{ path: '/body', message: 'a priority policy needs its criteria and its program and portfolio rules' }];
  if (kind === 'report-format') {
    if (!body) return [{ path: '/body', message: 'a report format needs its JSON Schema' }];
    // Strict: a typo such as `"type": "objekt"` or an unknown keyword is an error, not silence.
    const problem = strictSchemaProblemOf(body.schema as object);
    if (problem) return [{ path: '/body/schema', message: `the JSON Schema does not compile: ${problem}` }];
    return healthFieldsOf(body.schema as object).problems.map((p) => ({ path: `/body/schema${p.path === '/' ? '' : p.path}`, message: p.message }));
  }
  return [];
}

/** Validates a sample report against a report format's schema; every error with its path. */
export function validateReport(schema: object, report: unknown): BodyProblem[] {
  let check: ReturnType<typeof userSchemaValidatorOf>;
  try {
    check = userSchemaValidatorOf(schema);
  } catch (error) {
    return [{ path: '/', message: `the report format's schema does not compile: ${(error as Error).message}` }];
  }
  return check(report) ? [] : reportProblemsOf(check.errors ?? []);
}
