import type { ComplianceRowFacts, VarianceFacts } from '../compliance/compliance-rows';
import { assumingApproved, complianceImpact } from './variance-impact';

const row = (programId: string, projectId: string, state: ComplianceRowFacts['state']): ComplianceRowFacts => ({
  programId,
  projectId,
  standardId: 's1',
  standardKey: 'status-reporting',
  versionId: 'v1',
  version: '1.0.0',
  adoptionDeadline: '2027-01-31',
  state,
});

describe('complianceImpact', () => {
  const before = [row('A', 'p1', 'variance-pending'), row('A', 'p2', 'adopted'), row('A', 'p3', 'pending'), row('B', 'p4', 'adopted')];
  const after = [row('A', 'p1', 'variance-approved'), row('A', 'p2', 'adopted'), row('A', 'p3', 'pending'), row('B', 'p4', 'adopted')];

  it('lists what changes state and the percentages before and after, for the program and the portfolio', () => {
    expect(complianceImpact(before, after, 'A')).toEqual({
      changes: [
        {
          programId: 'A',
          projectId: 'p1',
          standardKey: 'status-reporting',
          versionId: 'v1',
          version: '1.0.0',
          before: 'variance-pending',
          after: 'variance-approved',
        },
      ],
      // 1 of 3 → 2 of 3: 33.3 % → 66.7 %, rounded once as rollUp rounds.
      program: { total: 3, compliantBefore: 1, compliantAfter: 2, percentBefore: 33.3, percentAfter: 66.7 },
      portfolio: { total: 4, compliantBefore: 2, compliantAfter: 3, percentBefore: 50, percentAfter: 75 },
    });
  });

  it('changes nothing when the approval changes no state', () => {
    expect(complianceImpact(before, before, 'B')).toMatchObject({ changes: [], program: { percentBefore: 100, percentAfter: 100 } });
  });
});

describe('assumingApproved', () => {
  it('approves only the variance asked about, at the given time, without conditions or an early end', () => {
    const at = new Date('2027-01-10T00:00:00Z');
    const base: VarianceFacts = { versionId: 'v1', projectIds: ['p1'], submittedAt: new Date('2027-01-01T00:00:00Z'), decided: null, expiresOn: '2027-06-30' };
    const variances = [
      { ...base, varianceId: 'x' },
      { ...base, varianceId: 'y' },
    ];
    expect(assumingApproved(variances, 'x', at)).toEqual([
      { ...base, varianceId: 'x', decided: { state: 'approved', at }, endedAt: null, conditions: [] },
      { ...base, varianceId: 'y' },
    ]);
  });
});
