import { checkBodyReadyForReview, checkDraftBody, validateReport } from './version-body';

const statusReportSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['period', 'health'],
  properties: { period: { type: 'string', format: 'date' }, health: { enum: ['green', 'amber', 'red'] }, risks: { type: 'array', items: { type: 'string' } } },
  additionalProperties: false,
};

describe('checkDraftBody', () => {
  it.each([
    ['a standard with no body', 'standard', undefined, []],
    ['a standard with a body', 'standard', { a: 1 }, ['/body']],
    ['a methodology body given directly', 'methodology', { phases: [] }, ['/body']],
    ['a report format with a schema', 'report-format', { schema: statusReportSchema }, []],
    ['a report format without one', 'report-format', { format: 'pdf' }, ['/body/schema']],
    [
      'a complete tool',
      'tool',
      { name: 'Schedule tool', url: 'https://tools.example/schedule', licence: 'Apache-2.0', supportsRequirements: ['IMS-WEEKLY'] },
      [],
    ],
    ['a tool without a licence', 'tool', { name: 'Schedule tool', url: 'https://tools.example/schedule', supportsRequirements: [] }, ['/body']],
  ] as const)('%s', (_case, kind, body, paths) => {
    expect(checkDraftBody(kind, body as Record<string, unknown> | undefined).map((p) => p.path)).toEqual(paths);
  });
});

describe('checkBodyReadyForReview', () => {
  it('accepts a report format whose schema compiles', () => {
    expect(checkBodyReadyForReview('report-format', { schema: statusReportSchema })).toEqual([]);
  });

  it('refuses a report format whose schema does not compile, saying why', () => {
    const [problem] = checkBodyReadyForReview('report-format', { schema: { type: 'objekt' } });
    expect(problem.path).toBe('/body/schema');
    expect(problem.message).toMatch(/does not compile/);
  });

  it('accepts a report format marking its health properties', () => {
    const schema = { type: 'object', properties: { budget: { enum: ['green', 'amber', 'red'], 'x-pmo-health': 'budget' } } };
    expect(checkBodyReadyForReview('report-format', { schema })).toEqual([]);
  });

  it('refuses a health mark on a property whose values are not ratings, naming the property', () => {
    const schema = { type: 'object', properties: { schedule: { enum: ['on-track', 'late'], 'x-pmo-health': 'schedule' } } };
    expect(checkBodyReadyForReview('report-format', { schema })).toEqual([
      { path: '/body/schema/schedule', message: 'a property marked x-pmo-health needs an enum of ratings only (green, amber, red)' },
    ]);
  });

  it('refuses a methodology without a playbook', () => {
    expect(checkBodyReadyForReview('methodology', null)).toHaveLength(1);
  });
});

describe('validateReport', () => {
  it('gives every error with its path', () => {
    expect(validateReport(statusReportSchema, { period: 'last week', health: 'purple', extra: 1 })).toEqual([
      { path: '/extra', message: 'is not part of the report format' },
      { path: '/period', message: 'must match format "date"' },
      { path: '/health', message: 'must be equal to one of the allowed values' },
    ]);
  });

  it('accepts a valid report', () => {
    expect(validateReport(statusReportSchema, { period: '2027-01-15', health: 'green', risks: [] })).toEqual([]);
  });
});
