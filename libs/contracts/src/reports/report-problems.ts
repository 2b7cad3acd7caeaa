import type { ErrorObject } from 'ajv';

/** One thing wrong with a status report: where (a JSON pointer into the report) and what. */
export interface ReportProblem {
  path: string;
  message: string;
}

// A property name as one JSON pointer segment (RFC 6901).
const segment = (name: unknown) => String(name).replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * A report format's errors as the project PMO reads them. ajv reports a missing or an extra property at
 * the object holding it (`must have required property 'summary'` at `/`); here the path names the
 * property itself, so `/summary is required` and `/budget is not part of the report format`.
 */
export function reportProblemsOf(errors: readonly ErrorObject[]): ReportProblem[] {
  return errors.map((error) => {
    const at = (name: unknown) => `${error.instancePath}/${segment(name)}`;
    switch (error.keyword) {
      case 'required':
        return { path: at(error.params.missingProperty), message: 'is required' };
      case 'dependentRequired':
        return { path: at(error.params.missingProperty), message: `is required when ${String(error.params.property)} is present` };
      case 'additionalProperties':
        return { path: at(error.params.additionalProperty), message: 'is not part of the report format' };
      case 'unevaluatedProperties':
        return { path: at(error.params.unevaluatedProperty), message: 'is not part of the report format' };
      default:
        return { path: error.instancePath || '/', message: error.message ?? 'is invalid' };
    }
  });
}
