import type { Requirement } from '../standards/standard-model';
import type { RequirementChange } from '../standards/requirement-change';
import { carryForward, decisionsToCarry, type DecisionToCarry } from './carry-forward';

// Rule 7: a decision carries to the version that supersedes its own, except for the requirements that changed.
const range = (min: number, max: number) => ({ kind: 'range' as const, min, max, unit: 'days' });
const cadence = (min: number, max: number): Requirement => ({ id: 'STATUS-CADENCE', text: 'Report status', leeway: range(min, max) });
const riskReview: Requirement = { id: 'RISK-REVIEW', text: 'Review risks', leeway: { kind: 'options', options: ['monthly', 'fortnightly'] } };
const steering: Requirement = { id: 'STEERING', text: 'Hold a monthly steering committee' };
const tailored = (choices: Record<string, number | string>): DecisionToCarry => ({ decision: 'tailor', choices, version: '1.0.0' });
const adopted: DecisionToCarry = { decision: 'adopt', choices: {}, version: '1.0.0' };
const leeway = (requirementId: string, way: 'narrowed' | 'widened' | 'changed', before: object, after: object): RequirementChange =>
  ({ requirementId, change: 'leeway', leeway: way, before, after }) as RequirementChange;

describe('carryForward', () => {
  it.each<[string, DecisionToCarry, string, Requirement[], RequirementChange[], ReturnType<typeof carryForward>]>([
    [
      'nothing changed: the tailoring carries whole',
      tailored({ 'STATUS-CADENCE': 10 }),
      '1.0.1',
      [cadence(7, 14), steering],
      [],
      { decision: 'tailor', choices: { 'STATUS-CADENCE': 10 }, reopened: [] },
    ],
    [
      'one requirement reworded: only it reopens, the tailored cadence stays',
      tailored({ 'STATUS-CADENCE': 10 }),
      '1.1.0',
      [cadence(7, 14), steering],
      [{ requirementId: 'STEERING', change: 'text' }],
      {
        decision: 'tailor',
        choices: { 'STATUS-CADENCE': 10 },
        reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING changed: text reworded' }],
      },
    ],
    [
      'leeway widened, the tailored value is still inside: it stays tailored',
      tailored({ 'STATUS-CADENCE': 14 }),
      '1.1.0',
      [cadence(7, 21)],
      [leeway('STATUS-CADENCE', 'widened', range(7, 14), range(7, 21))],
      { decision: 'tailor', choices: { 'STATUS-CADENCE': 14 }, reopened: [] },
    ],
    [
      'leeway narrowed under the tailored value (a bump higher than the diff asks is allowed): it reopens with both leeways',
      tailored({ 'STATUS-CADENCE': 14, 'RISK-REVIEW': 'monthly' }),
      '1.2.0',
      [cadence(7, 10), riskReview],
      [leeway('STATUS-CADENCE', 'narrowed', range(7, 14), range(7, 10))],
      {
        decision: 'tailor',
        choices: { 'RISK-REVIEW': 'monthly' },
        reopened: [
          {
            requirementId: 'STATUS-CADENCE',
            reason: 'requirement STATUS-CADENCE changed: leeway narrowed from 7 to 14 days to 7 to 10 days; tailored value 14 is now outside',
          },
        ],
      },
    ],
    [
      'leeway narrowed, the tailored value still inside: it stays',
      tailored({ 'STATUS-CADENCE': 8 }),
      '1.2.0',
      [cadence(7, 10)],
      [leeway('STATUS-CADENCE', 'narrowed', range(7, 14), range(7, 10))],
      { decision: 'tailor', choices: { 'STATUS-CADENCE': 8 }, reopened: [] },
    ],
    [
      'an adoption under a narrowed leeway reopens: it asks more than what was adopted',
      adopted,
      '1.2.0',
      [cadence(7, 10)],
      [leeway('STATUS-CADENCE', 'narrowed', range(7, 14), range(7, 10))],
      {
        decision: 'adopt',
        choices: {},
        reopened: [{ requirementId: 'STATUS-CADENCE', reason: 'requirement STATUS-CADENCE changed: leeway narrowed from 7 to 14 days to 7 to 10 days' }],
      },
    ],
    [
      'an adoption under a widened leeway carries',
      adopted,
      '1.1.0',
      [cadence(7, 21)],
      [leeway('STATUS-CADENCE', 'widened', range(7, 14), range(7, 21))],
      { decision: 'adopt', choices: {}, reopened: [] },
    ],
    [
      'an added requirement reopens; a removed one takes its tailored value with it',
      tailored({ 'STATUS-CADENCE': 10, 'RISK-REVIEW': 'monthly' }),
      '1.1.0',
      [cadence(7, 14), steering],
      [
        { requirementId: 'STEERING', change: 'added' },
        { requirementId: 'RISK-REVIEW', change: 'removed' },
      ],
      { decision: 'tailor', choices: { 'STATUS-CADENCE': 10 }, reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING added' }] },
    ],
    [
      'text and leeway changed on one requirement: one entry, both reasons',
      adopted,
      '1.1.0',
      [cadence(7, 10)],
      [{ requirementId: 'STATUS-CADENCE', change: 'text' }, leeway('STATUS-CADENCE', 'changed', range(7, 14), range(5, 10))],
      {
        decision: 'adopt',
        choices: {},
        reopened: [
          {
            requirementId: 'STATUS-CADENCE',
            reason: 'requirement STATUS-CADENCE changed: text reworded; requirement STATUS-CADENCE changed: leeway changed from 7 to 14 days to 5 to 10 days',
          },
        ],
      },
    ],
    [
      'grandfathering carries over a patch',
      { decision: 'grandfather', choices: {}, version: '1.0.0' },
      '1.0.1',
      [cadence(7, 14)],
      [],
      { decision: 'grandfather', choices: {}, reopened: [] },
    ],
    [
      'what was reopened before stays reopened',
      { ...adopted, reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING added' }] },
      '1.0.1',
      [cadence(7, 14), steering],
      [],
      { decision: 'adopt', choices: {}, reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING added' }] },
    ],
    [
      'a major version reopens every requirement',
      tailored({ 'STATUS-CADENCE': 10 }),
      '2.0.0',
      [cadence(7, 14), steering],
      [],
      {
        decision: 'tailor',
        choices: {},
        reopened: [
          { requirementId: 'STATUS-CADENCE', reason: 'major version' },
          { requirementId: 'STEERING', reason: 'major version' },
        ],
      },
    ],
    [
      'a major version without requirements reopens as a whole',
      adopted,
      '2.0.0',
      [],
      [],
      { decision: 'adopt', choices: {}, reopened: [{ reason: 'major version' }] },
    ],
    [
      'variance-needed does not carry: a variance is granted on one version',
      { decision: 'variance-needed', choices: {}, version: '1.0.0' },
      '1.1.0',
      [cadence(7, 14)],
      [],
      null,
    ],
  ])('%s', (_case, previous, version, requirements, changes, expected) => {
    expect(carryForward(previous, { version, requirements }, changes)).toEqual(expected);
  });
});

describe('decisionsToCarry', () => {
  const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const superseded = { versionId: 'v1', version: '1.0.0', requirementChanges: [{ requirementId: 'STEERING', change: 'text' as const }] };

  it('carries each project’s latest decision on the superseded version, and none for variance-needed or other versions', () => {
    const carried = decisionsToCarry(
      [
        { projectId: 'p1', versionId: 'v1', decision: 'adopt', decidedAt: at('2027-01-01') },
        { projectId: 'p1', versionId: 'v1', decision: 'tailor', decidedAt: at('2027-01-05'), choices: { 'STATUS-CADENCE': 10 } },
        { projectId: 'p2', versionId: 'v1', decision: 'variance-needed', decidedAt: at('2027-01-05') },
        { projectId: 'p3', versionId: 'v0', decision: 'adopt', decidedAt: at('2027-01-05') },
      ],
      [superseded],
      { version: '1.1.0', requirements: [cadence(7, 14), steering] },
    );
    expect(carried.map((c) => [c.from.projectId, c.carried])).toEqual([
      [
        'p1',
        {
          decision: 'tailor',
          choices: { 'STATUS-CADENCE': 10 },
          reopened: [{ requirementId: 'STEERING', reason: 'requirement STEERING changed: text reworded' }],
        },
      ],
    ]);
  });
});
