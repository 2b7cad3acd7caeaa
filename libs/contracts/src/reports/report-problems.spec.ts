import Ajv2020 from 'ajv/dist/2020';
import { reportProblemsOf } from './report-problems';

// A lenient ajv, as the services compile report formats.
const ajv = new Ajv2020({ allErrors: true, strict: false });
const problemsOf = (schema: object, report: unknown) => {
  const validate = ajv.compile(schema);
  return validate(report) ? [] : reportProblemsOf(validate.errors ?? []);
};

describe('reportProblemsOf', () => {
  it.each([
    ['a missing required property', { type: 'object', required: ['summary'] }, {}, [{ path: '/summary', message: 'is required' }]],
    [
      'a missing property of a nested object',
      { type: 'object', properties: { period: { type: 'object', required: ['to'] } } },
      { period: { from: '2027-01-01' } },
      [{ path: '/period/to', message: 'is required' }],
    ],
    [
      'an extra property where the format allows none',
      { type: 'object', properties: { health: { type: 'string' } }, additionalProperties: false },
      { health: 'green', budget: 3 },
      [{ path: '/budget', message: 'is not part of the report format' }],
    ],
    [
      'an unevaluated property',
      { type: 'object', properties: { health: { type: 'string' } }, unevaluatedProperties: false },
      { 'a/b': 1 },
      [{ path: '/a~1b', message: 'is not part of the report format' }],
    ],
    [
      'a property another one requires',
      { type: 'object', dependentRequired: { risks: ['riskOwner'] } },
      { risks: [] },
      [{ path: '/riskOwner', message: 'is required when risks is present' }],
    ],
    [
      'a wrong value, at its own path',
      { type: 'object', properties: { percentComplete: { type: 'number', maximum: 100 } } },
      { percentComplete: 120 },
      [{ path: '/percentComplete', message: 'must be <= 100' }],
    ],
    ['a report that is not an object, at the root', { type: 'object' }, 'text', [{ path: '/', message: 'must be object' }]],
  ])('names %s', (_case, schema, report, expected) => {
    expect(problemsOf(schema, report)).toEqual(expected);
  });
});
