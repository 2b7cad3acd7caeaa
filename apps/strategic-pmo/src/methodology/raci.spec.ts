import type { PartyItem } from './playbook';
import { raciCsv, raciOf } from './raci';

const activity = (text: string, responsibleParty: PartyItem['responsibleParty']): PartyItem => ({ text, responsibleParty });

describe('raciOf', () => {
  it.each([
    ['customer', { customer: 'R', provider: '', shared: '' }],
    ['provider', { customer: '', provider: 'R', shared: '' }],
    // Joint work: both sides carry it, and the shared column tells it apart from two separate tasks.
    ['shared', { customer: 'R', provider: 'R', shared: 'R' }],
  ] as const)('marks a %s activity as %j', (party, marks) => {
    expect(raciOf({ activities: [activity('Onboard provider PMO', party)] })).toEqual([{ activity: 'Onboard provider PMO', ...marks }]);
  });

  it('keeps the activities in their order and gives no rows for none', () => {
    const activities = [activity('b', 'shared'), activity('a', 'customer')];
    expect(raciOf({ activities }).map((row) => row.activity)).toEqual(['b', 'a']);
    expect(raciOf({ activities: [] })).toEqual([]);
  });
});

describe('raciCsv', () => {
  it.each([
    ['a plain text', 'Onboard provider PMO', 'Onboard provider PMO'],
    ['a comma', 'Establish plan (schedule, scope)', '"Establish plan (schedule, scope)"'],
    ['a quote', 'Agree on the "why"', '"Agree on the ""why"""'],
    ['a line break', 'Review\nplan', '"Review\nplan"'],
    ['a carriage return', 'Review\rplan', '"Review\rplan"'],
    ['curly quotes only', 'the “why”', 'the “why”'],
    ['an empty text', '', ''],
    ['a formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['a leading at sign', '@SUM(A1)', `'@SUM(A1)`],
    ['a leading tab', '\tReview', `'\tReview`],
  ])('writes an activity with %s as %s', (_case, text, field) => {
    expect(raciCsv({ activities: [activity(text, 'customer')] })).toBe(`Activity,Customer,Provider,Shared\r\n${field},R,,\r\n`);
  });

  it('writes one CRLF-terminated record per activity after the header', () => {
    const csv = raciCsv({ activities: [activity('a', 'provider'), activity('b', 'shared')] });
    expect(csv).toBe('Activity,Customer,Provider,Shared\r\na,,R,\r\nb,R,R,R\r\n');
  });
});
