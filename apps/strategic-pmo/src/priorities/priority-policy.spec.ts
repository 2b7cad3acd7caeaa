import type { RankRule } from '@pmo/contracts';
import { judgeChange, mayDecide, policyProblems, scoreProblems, weightedScore } from './priority-policy';

const rule: RankRule = { changeRoles: ['program-manager'], maxMove: 2, askRoles: ['program-manager'], decideRoles: ['strategic-admin'] };
const criteria = [
  { key: 'fit', label: 'Fit', weight: 70 },
  { key: 'urgency', label: 'Urgency', weight: 30 },
];

describe('judgeChange', () => {
  it.each([
    ['within the bound', ['program-manager'], 4, 2, 'apply'],
    ['beyond the bound, may ask', ['program-manager'], 5, 1, 'ask'],
    ['a role that may neither change nor ask', ['strategic-reviewer'], 2, 1, 'refuse'],
  ])('%s', (_why, roles, fromRank, toRank, verdict) => {
    expect(judgeChange(rule, 'program', { roles, fromRank, toRank }).verdict).toBe(verdict);
  });

  it('applies any move when the rule has no bound', () => {
    expect(judgeChange({ ...rule, maxMove: null }, 'portfolio', { roles: ['program-manager'], fromRank: 90, toRank: 1 })).toEqual({ verdict: 'apply' });
  });

  it('says how far the bound is and how far the move goes', () => {
    expect(judgeChange(rule, 'program', { roles: ['program-manager'], fromRank: 6, toRank: 1 })).toEqual({
      verdict: 'ask',
      why: 'a direct change may move a project at most 2 place(s) in the program ranking; this one moves it 5',
    });
  });
});

describe('mayDecide', () => {
  it('refuses the one who asked, and a role the policy does not name', () => {
    expect(mayDecide(rule, ['strategic-admin'], 'sam', 'sam')).toBe('the one who asked for a priority change may not decide it');
    expect(mayDecide(rule, ['strategic-reviewer'], 'rita', 'paula')).toBe('your roles may not decide a priority change (the policy allows strategic-admin)');
    expect(mayDecide(rule, ['strategic-admin'], 'sam', 'paula')).toBeNull();
  });
});

describe('policy and scores', () => {
  it('wants unique criteria whose weights sum to 100', () => {
    expect(policyProblems({ criteria, program: rule, portfolio: rule })).toEqual([]);
    expect(policyProblems({ criteria: [...criteria, { key: 'fit', label: 'Again', weight: 10 }], program: rule, portfolio: rule })).toEqual([
      'criteria named twice: fit',
      'the criteria weights sum to 110, not 100',
    ]);
  });

  it('wants a score for each criterion and no other', () => {
    expect(scoreProblems({ criteria }, { fit: 3, urgency: 1 })).toEqual([]);
    expect(scoreProblems({ criteria }, { fit: 3, cost: 1 })).toEqual([
      'scores missing for urgency',
      'the policy has no criterion cost (it scores fit, urgency)',
    ]);
  });

  it('weights the scores: 70% of 8 and 30% of 5 is 7.1', () => {
    expect(weightedScore({ criteria }, { fit: 8, urgency: 5 })).toBe(7.1);
  });
});
