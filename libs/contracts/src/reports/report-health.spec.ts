import { healthFieldsOf, reportHealthOf } from './report-health';

const rating = (measure: string) => ({ enum: ['green', 'amber', 'red'], 'x-pmo-health': measure });

describe('healthFieldsOf', () => {
  it('finds marks on top-level and nested properties', () => {
    const schema = {
      type: 'object',
      properties: { overallHealth: rating('overall'), schedule: { type: 'object', properties: { health: rating('schedule') } } },
    };
    expect(healthFieldsOf(schema)).toEqual({
      fields: [
        { measure: 'overall', path: ['overallHealth'] },
        { measure: 'schedule', path: ['schedule', 'health'] },
      ],
      problems: [],
    });
  });

  it.each([
    ['an unknown measure', { properties: { h: rating('quality') } }, '/h', 'x-pmo-health must be one of schedule, budget, overall'],
    [
      'values that are not ratings',
      { properties: { h: { enum: ['on-track', 'late'], 'x-pmo-health': 'schedule' } } },
      '/h',
      'a property marked x-pmo-health needs an enum of ratings only (green, amber, red)',
    ],
    // A free string could hold anything: the roll-ups would not know how grave it is.
    [
      'a free string',
      { properties: { h: { type: 'string', 'x-pmo-health': 'budget' } } },
      '/h',
      'a property marked x-pmo-health needs an enum of ratings only (green, amber, red)',
    ],
    ['the root', { ...rating('overall'), properties: {} }, '/', 'x-pmo-health marks a property, not the report itself'],
  ])('refuses %s', (_case, schema, path, message) => {
    expect(healthFieldsOf(schema).problems).toEqual([{ path, message }]);
  });

  it('refuses one measure marked twice', () => {
    const schema = { properties: { a: rating('budget'), b: rating('budget') } };
    expect(healthFieldsOf(schema).problems).toEqual([{ path: '/b', message: 'x-pmo-health "budget" marks more than one property' }]);
  });

  it('finds nothing in a format without marks', () => {
    expect(healthFieldsOf({ type: 'object', properties: { health: { enum: ['green'] } } })).toEqual({ fields: [], problems: [] });
  });
});

describe('reportHealthOf', () => {
  const fields = healthFieldsOf({ properties: { overall: rating('overall'), budget: { properties: { health: rating('budget') } } } }).fields;

  it('reads the ratings at their paths', () => {
    expect(reportHealthOf({ overall: 'red', budget: { health: 'amber' } }, fields)).toEqual({ overall: 'red', budget: 'amber' });
  });

  it('leaves out a measure the report does not carry', () => {
    expect(reportHealthOf({ overall: 'green' }, fields)).toEqual({ overall: 'green' });
  });
});
