import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// The platform's one ajv instance: every event schema and every HTTP body and query schema is compiled
// here once and cached by schema object. Strict, so a schema with a typo fails its unit test.
// useDefaults fills fields whose schema declares a default (HTTP bodies and queries; events declare none).
// multipleOfPrecision, so that 33.33 is a multiple of 0.01 despite floating point.
// allowUnionTypes for the few places that take a number or a label (a playbook's phase: 1 or "1a").
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  allowUnionTypes: true,
  useDefaults: true,
  verbose: true,
  discriminator: true,
  removeAdditional: false,
  multipleOfPrecision: 6,
});
addFormats(ajv);
// `errorMessage` on a schema replaces ajv's wording of a failed rule (for patterns that need explaining):
// a string for every rule of that schema, or one sentence per keyword (`{ minimum: 'must not be less than 1' }`).
ajv.addKeyword({ keyword: 'errorMessage', schemaType: ['string', 'object'] });
// OpenAPI's `example` documents a field; ajv only has to know the word.
ajv.addKeyword('example');

const compiled = new WeakMap<object, ValidateFunction>();

/** The compiled validator of `schema`, compiled on first use. Throws when the schema itself is invalid. */
export function validatorOf(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export type SchemaCheck = { valid: true } | { valid: false; problems: string[] };

/** One failing field: its JSON pointer in what was checked (`/requirementIds/0`; empty for the whole value) and the sentence naming it. */
export interface FieldProblem {
  path: string;
  message: string;
}

export type FieldCheck = { valid: true } | { valid: false; problems: FieldProblem[] };

/**
 * Checks `value` against `schema`. Each problem names the field by its path and the rule it breaks:
 * `requirementIds/0 must match pattern "…"`, `name is required`, `property budget should not exist`.
 * Fields with a declared default are filled in `value`.
 */
export function checkSchema(schema: object, value: unknown, root = 'body'): SchemaCheck {
  const check = checkFields(schema, value, root);
  return check.valid ? check : { valid: false, problems: check.problems.map((p) => p.message) };
}

/** As `checkSchema`, each problem with the JSON pointer of its field, so that a form can show it there. */
export function checkFields(schema: object, value: unknown, root = 'body'): FieldCheck {
  const validate = validatorOf(schema);
  if (validate(value)) return { valid: true };
  return { valid: false, problems: problemsOf(validate.errors ?? [], root) };
}

function problemsOf(errors: ErrorObject[], root: string): FieldProblem[] {
  const problems = errors.flatMap((error): FieldProblem[] => {
    const field = error.instancePath.slice(1);
    const at = (name: string) => (field ? `${field}/${name}` : name);
    const custom = customMessageOf(error);
    switch (error.keyword) {
      // The failing branch of an if/then says what is missing; "must match then schema" adds nothing.
      case 'if':
        return [];
      case 'required': {
        const missing = at(String(error.params.missingProperty));
        return [{ path: `/${missing}`, message: `${missing} ${custom ?? 'is required'}` }];
      }
      case 'additionalProperties': {
        const extra = at(String(error.params.additionalProperty));
        return [{ path: `/${extra}`, message: `property ${extra} should not exist` }];
      }
      default:
        return [{ path: error.instancePath, message: `${field || root} ${custom ?? error.message ?? 'is invalid'}` }];
    }
  });
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(p.message) && seen.add(p.message));
}

function customMessageOf(error: ErrorObject): string | undefined {
  const message = (error.parentSchema as { errorMessage?: string | Record<string, string> } | undefined)?.errorMessage;
  return typeof message === 'string' ? message : message?.[error.keyword];
}
