import type { Requirement } from '../standards/standard-model';
import { checkTailoring, type TailoringProblem } from './tailoring';

const requirements: Requirement[] = [
  { id: 'STATUS-CADENCE', text: 'Projects report status at a fixed cadence.', leeway: { kind: 'range', min: 7, max: 14, unit: 'days' } },
  { id: 'SCHEDULE-TOOL', text: 'The schedule is kept in an approved tool.', leeway: { kind: 'options', options: ['MS Project', 'Primavera P6'] } },
  { id: 'PROGRAM-CHARTER', text: 'Every program has a signed charter.' },
];

describe('checkTailoring', () => {
  it.each<[string, Record<string, number | string>]>([
    ['one choice at the edge of its range', { 'STATUS-CADENCE': 14 }],
    ['one listed option', { 'SCHEDULE-TOOL': 'Primavera P6' }],
    ['several choices within their leeway', { 'STATUS-CADENCE': 7, 'SCHEDULE-TOOL': 'MS Project' }],
  ])('accepts %s', (_case, choices) => {
    expect(checkTailoring(requirements, choices)).toEqual({ ok: true });
  });

  it.each<[string, Record<string, number | string>, TailoringProblem[]]>([
    ['no choice at all', {}, [{ message: 'choose a value for at least one requirement' }]],
    [
      'a value outside a range',
      { 'STATUS-CADENCE': 21 },
      [{ requirementId: 'STATUS-CADENCE', message: 'STATUS-CADENCE allows 7 to 14 days; 21 is outside that leeway: a variance is needed' }],
    ],
    [
      'an option not listed',
      { 'SCHEDULE-TOOL': 'Excel' },
      [
        {
          requirementId: 'SCHEDULE-TOOL',
          message: 'SCHEDULE-TOOL allows one of MS Project, Primavera P6; "Excel" is outside that leeway: a variance is needed',
        },
      ],
    ],
    [
      'a choice for a requirement without leeway',
      { 'PROGRAM-CHARTER': 'unsigned' },
      [{ requirementId: 'PROGRAM-CHARTER', message: 'PROGRAM-CHARTER allows no tailoring; "unsigned" needs a variance' }],
    ],
    [
      'a requirement the version does not have',
      { 'RISK-REGISTER': 30 },
      [{ requirementId: 'RISK-REGISTER', message: 'RISK-REGISTER is not a requirement of this standard version' }],
    ],
    // Object.prototype has a "constructor": the lookup must not find it.
    [
      'a choice keyed like an Object member',
      { constructor: 1 },
      [{ requirementId: 'constructor', message: 'constructor is not a requirement of this standard version' }],
    ],
    [
      // Every problem is reported, in the order of the choices; a good choice among them adds none.
      'several bad choices among a good one',
      { 'SCHEDULE-TOOL': 'Excel', 'STATUS-CADENCE': 10, 'RISK-REGISTER': 30 },
      [
        {
          requirementId: 'SCHEDULE-TOOL',
          message: 'SCHEDULE-TOOL allows one of MS Project, Primavera P6; "Excel" is outside that leeway: a variance is needed',
        },
        { requirementId: 'RISK-REGISTER', message: 'RISK-REGISTER is not a requirement of this standard version' },
      ],
    ],
  ])('refuses %s', (_case, choices, problems) => {
    expect(checkTailoring(requirements, choices)).toEqual({ ok: false, problems });
  });
});
