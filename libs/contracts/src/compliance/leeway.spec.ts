import type { Leeway, Requirement } from '../standards/standard-model';
import { checkChoiceWithinLeeway, compareLeeway, describeLeeway } from './leeway';

const cadence: Requirement = {
  id: 'STATUS-CADENCE',
  text: 'Programs report status at a fixed cadence.',
  leeway: { kind: 'range', min: 7, max: 14, unit: 'days' },
};
const tool: Requirement = {
  id: 'SCHEDULE-TOOL',
  text: 'The integrated master schedule is kept in an approved tool.',
  leeway: { kind: 'options', options: ['MS Project', 'Primavera P6'] },
};
const charter: Requirement = { id: 'PROGRAM-CHARTER', text: 'Every program has a signed charter.' };

describe('checkChoiceWithinLeeway', () => {
  it.each([
    ['the minimum', cadence, 7],
    ['the maximum', cadence, 14],
    ['a value inside the range', cadence, 10],
    ['a fractional value inside the range', cadence, 7.5],
    ['a listed option', tool, 'Primavera P6'],
  ])('accepts %s', (_case, requirement, value) => {
    expect(checkChoiceWithinLeeway(requirement, value)).toEqual({ ok: true });
  });

  it.each([
    ['just below the minimum', cadence, 6.99, 'STATUS-CADENCE allows 7 to 14 days; 6.99 is outside that leeway: a variance is needed'],
    ['just above the maximum', cadence, 15, 'STATUS-CADENCE allows 7 to 14 days; 15 is outside that leeway: a variance is needed'],
    ['far outside the range', cadence, 21, 'STATUS-CADENCE allows 7 to 14 days; 21 is outside that leeway: a variance is needed'],
    // A numeric string is a malformed choice, not a cadence: callers send numbers for ranges.
    ['a numeric string for a range', cadence, '10', 'STATUS-CADENCE allows 7 to 14 days; "10" is not a number of days'],
    ['NaN for a range', cadence, Number.NaN, 'STATUS-CADENCE allows 7 to 14 days; NaN is not a number of days'],
    ['an unlisted option', tool, 'Excel', 'SCHEDULE-TOOL allows one of MS Project, Primavera P6; "Excel" is outside that leeway: a variance is needed'],
    // Options are compared exactly: the stored option is what reports and audits show.
    [
      'an option in other case',
      tool,
      'ms project',
      'SCHEDULE-TOOL allows one of MS Project, Primavera P6; "ms project" is outside that leeway: a variance is needed',
    ],
    ['a number for options', tool, 1, 'SCHEDULE-TOOL allows one of MS Project, Primavera P6; 1 is outside that leeway: a variance is needed'],
    ['any choice without leeway', charter, 'unsigned', 'PROGRAM-CHARTER allows no tailoring; "unsigned" needs a variance'],
  ])('refuses %s', (_case, requirement, value, message) => {
    expect(checkChoiceWithinLeeway(requirement, value)).toEqual({ ok: false, message });
  });
});

describe('describeLeeway', () => {
  it.each<[Leeway, string]>([
    [{ kind: 'range', min: 7, max: 14, unit: 'days' }, '7 to 14 days'],
    [{ kind: 'range', min: 30, max: 30, unit: 'days' }, 'exactly 30 days'],
    [{ kind: 'options', options: ['weekly', 'fortnightly'] }, 'one of weekly, fortnightly'],
  ])('describes %j as "%s"', (leeway, words) => {
    expect(describeLeeway(leeway)).toBe(words);
  });
});

const range = (min: number, max: number, unit = 'days'): Leeway => ({ kind: 'range', min, max, unit });
const options = (...values: string[]): Leeway => ({ kind: 'options', options: values });

describe('compareLeeway', () => {
  it.each<[string, Leeway | undefined, Leeway | undefined, string]>([
    ['no leeway on either side', undefined, undefined, 'same'],
    ['an identical range', range(7, 14), range(7, 14), 'same'],
    ['a raised minimum', range(7, 14), range(8, 14), 'narrowed'],
    ['a lowered maximum', range(7, 14), range(7, 10), 'narrowed'],
    ['a range shrunk on both sides', range(7, 14), range(8, 13), 'narrowed'],
    ['a lowered minimum', range(7, 14), range(5, 14), 'widened'],
    ['a raised maximum', range(7, 14), range(7, 21), 'widened'],
    ['a range shifted up', range(7, 14), range(10, 21), 'changed'],
    ['a range in another unit', range(7, 14), range(1, 2, 'weeks'), 'changed'],
    ['options reordered', options('a', 'b'), options('b', 'a'), 'same'],
    ['an option removed', options('a', 'b'), options('a'), 'narrowed'],
    ['an option added', options('a'), options('a', 'b'), 'widened'],
    ['an option swapped', options('a', 'b'), options('a', 'c'), 'changed'],
    ['range to options', range(7, 14), options('weekly'), 'changed'],
    ['options to range', options('weekly'), range(7, 14), 'changed'],
    // No leeway is no room: any leeway grows it, dropping it takes all of it away.
    ['a leeway added', undefined, range(7, 14), 'widened'],
    ['a leeway dropped', options('a'), undefined, 'narrowed'],
  ])('reports %s as %s', (_case, before, after, comparison) => {
    expect(compareLeeway(before, after)).toBe(comparison);
  });
});
