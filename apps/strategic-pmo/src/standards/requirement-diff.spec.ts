import type { Requirement } from '@pmo/contracts';
import { diffRequirements, requirementChangesOf } from './requirement-diff';

const range = (min: number, max: number) => ({ kind: 'range' as const, min, max, unit: 'days' });
const cadence = (min: number, max: number, text = 'Report status'): Requirement => ({ id: 'STATUS-CADENCE', text, leeway: range(min, max) });

describe('requirementChangesOf: the diff as version-published carries it', () => {
  it('names each requirement with how it changed, and both leeways', () => {
    const before = [cadence(7, 14), { id: 'STEERING', text: 'Monthly steering' }, { id: 'OLD', text: 'Gone' }];
    const after = [cadence(7, 21, 'Report status often'), { id: 'STEERING', text: 'Monthly steering' }, { id: 'RISK-LOG', text: 'Keep a risk log' }];
    expect(requirementChangesOf(diffRequirements(before, after))).toEqual([
      { requirementId: 'STATUS-CADENCE', change: 'text' },
      { requirementId: 'STATUS-CADENCE', change: 'leeway', leeway: 'widened', before: range(7, 14), after: range(7, 21) },
      { requirementId: 'RISK-LOG', change: 'added' },
      { requirementId: 'OLD', change: 'removed' },
    ]);
  });

  it('says nothing of an unchanged requirement', () => {
    expect(requirementChangesOf(diffRequirements([cadence(7, 14)], [cadence(7, 14)]))).toEqual([]);
  });
});
