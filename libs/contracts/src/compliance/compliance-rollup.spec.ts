import fc from 'fast-check';
import { rollUp, rollUpBy, type ComplianceRollup, type ComplianceRow } from './compliance-rollup';
import { COMPLIANCE_STATES, type ComplianceState } from './compliance-state';

const row = (state: ComplianceState, programId = 'program-a', standardKey = 'status-reporting', projectId = `project-${state}`): ComplianceRow => ({
  programId,
  standardKey,
  version: '1.0.0',
  projectId,
  state,
});
const noStates = (): Record<ComplianceState, number> => Object.fromEntries(COMPLIANCE_STATES.map((state) => [state, 0])) as Record<ComplianceState, number>;
const counts = (changes: Partial<Record<ComplianceState, number>>): Record<ComplianceState, number> => ({ ...noStates(), ...changes });

describe('rollUp', () => {
  it.each<[string, ComplianceRow[], ComplianceRollup]>([
    // No rows: 0%, not NaN, so an empty program shows as nothing done rather than breaking the view.
    ['no rows', [], { total: 0, compliant: 0, percentCompliant: 0, byState: noStates() }],
    ['one adopted project', [row('adopted')], { total: 1, compliant: 1, percentCompliant: 100, byState: counts({ adopted: 1 }) }],
    ['one overdue project', [row('overdue')], { total: 1, compliant: 0, percentCompliant: 0, byState: counts({ overdue: 1 }) }],
    [
      'one project in every state',
      COMPLIANCE_STATES.map((state) => row(state)),
      {
        total: 8,
        compliant: 4,
        percentCompliant: 50,
        byState: counts({
          pending: 1,
          adopted: 1,
          tailored: 1,
          grandfathered: 1,
          'variance-pending': 1,
          'variance-approved': 1,
          'non-compliant': 1,
          overdue: 1,
        }),
      },
    ],
    // 2 of 3 is 66.666…%: one decimal, rounded.
    [
      'two of three compliant',
      [row('tailored'), row('grandfathered'), row('pending')],
      { total: 3, compliant: 2, percentCompliant: 66.7, byState: counts({ tailored: 1, grandfathered: 1, pending: 1 }) },
    ],
    [
      'one of three compliant',
      [row('variance-approved'), row('variance-pending'), row('non-compliant')],
      { total: 3, compliant: 1, percentCompliant: 33.3, byState: counts({ 'variance-approved': 1, 'variance-pending': 1, 'non-compliant': 1 }) },
    ],
    [
      'one of six compliant',
      [row('adopted'), ...Array.from({ length: 5 }, (_, i) => row('overdue', 'program-a', 'status-reporting', `late-${i}`))],
      { total: 6, compliant: 1, percentCompliant: 16.7, byState: counts({ adopted: 1, overdue: 5 }) },
    ],
  ])('counts %s', (_case, rows, rollup) => {
    expect(rollUp(rows)).toEqual(rollup);
  });
});

describe('rollUpBy', () => {
  const rows = [
    row('adopted', 'program-a', 'status-reporting', 'p1'),
    row('overdue', 'program-b', 'status-reporting', 'p2'),
    row('tailored', 'program-a', 'risk-management', 'p3'),
    row('pending', 'program-a', 'risk-management', 'p4'),
  ];

  it.each<[string, 'programId' | 'standardKey', [string, Pick<ComplianceRollup, 'total' | 'compliant' | 'percentCompliant'>][]]>([
    [
      'program',
      'programId',
      [
        ['program-a', { total: 3, compliant: 2, percentCompliant: 66.7 }],
        ['program-b', { total: 1, compliant: 0, percentCompliant: 0 }],
      ],
    ],
    [
      'standard',
      'standardKey',
      [
        ['status-reporting', { total: 2, compliant: 1, percentCompliant: 50 }],
        ['risk-management', { total: 2, compliant: 1, percentCompliant: 50 }],
      ],
    ],
  ])('rolls up per %s, in order of first appearance', (_case, key, expected) => {
    const rollups = rollUpBy(rows, key);
    expect([...rollups].map(([id, { total, compliant, percentCompliant }]) => [id, { total, compliant, percentCompliant }])).toEqual(expected);
  });

  it('gives no groups for no rows', () => {
    expect(rollUpBy([], 'programId').size).toBe(0);
  });

  const rowArbitrary: fc.Arbitrary<ComplianceRow> = fc.record({
    programId: fc.constantFrom('program-a', 'program-b', 'program-c', '__proto__', 'constructor'),
    standardKey: fc.constantFrom('status-reporting', 'risk-management', 'life-cycle'),
    version: fc.constantFrom('1.0.0', '1.1.0', '2.0.0'),
    projectId: fc.uuid(),
    state: fc.constantFrom(...COMPLIANCE_STATES),
  });

  it.each<['programId' | 'standardKey']>([['programId'], ['standardKey']])('sums per-%s roll-ups to the portfolio roll-up', (key) => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 60 }), (rows) => {
        const portfolio = rollUp(rows);
        const parts = [...rollUpBy(rows, key).values()];
        expect(parts.reduce((sum, part) => sum + part.total, 0)).toBe(portfolio.total);
        expect(parts.reduce((sum, part) => sum + part.compliant, 0)).toBe(portfolio.compliant);
        for (const state of COMPLIANCE_STATES) {
          expect(parts.reduce((sum, part) => sum + part.byState[state], 0)).toBe(portfolio.byState[state]);
        }
        expect(portfolio.percentCompliant).toBeGreaterThanOrEqual(0);
        expect(portfolio.percentCompliant).toBeLessThanOrEqual(100);
      }),
    );
  });
});
