import { VARIANCE_STATES, type VarianceState } from '../compliance/compliance-state';
import { checkVarianceTransition, decisionDueOn, riskScore, VARIANCE_TRANSITIONS } from './variance-lifecycle';

const allowed: [VarianceState, VarianceState][] = [
  ['submitted', 'under-review'],
  ['submitted', 'rejected'],
  ['submitted', 'withdrawn'],
  ['under-review', 'approved'],
  ['under-review', 'approved-with-conditions'],
  ['under-review', 'rejected'],
  ['under-review', 'withdrawn'],
  ['approved', 'expired'],
  ['approved-with-conditions', 'expired'],
  ['approved', 'revoked'],
  ['approved-with-conditions', 'revoked'],
];

describe('variance lifecycle', () => {
  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(checkVarianceTransition(from, to)).toEqual({ ok: true });
  });

  const refused = VARIANCE_STATES.flatMap((from) => VARIANCE_STATES.map((to) => [from, to] as [VarianceState, VarianceState])).filter(
    ([from, to]) => !allowed.some(([f, t]) => f === from && t === to),
  );
  it.each(refused)('refuses %s → %s, naming the allowed states', (from, to) => {
    const result = checkVarianceTransition(from, to);
    expect(result).toEqual({ ok: false, message: `variance is ${from}; allowed: ${VARIANCE_TRANSITIONS[from].join(', ') || 'none'}` });
  });
});

describe('decisionDueOn', () => {
  it.each([
    ['a Monday, 10 business days', '2026-11-23T09:00:00Z', 10, '2026-12-07'],
    ['a Friday, 1 business day: the Monday', '2026-11-27T17:00:00Z', 1, '2026-11-30'],
    ['a Saturday, 1 business day', '2026-11-28T10:00:00Z', 1, '2026-11-30'],
    ['a Wednesday, 5 business days', '2026-11-25T10:00:00Z', 5, '2026-12-02'],
  ])('submitted on %s', (_case, submitted, days, due) => {
    expect(decisionDueOn(new Date(submitted), days)).toBe(due);
  });
});

describe('riskScore', () => {
  it.each([
    [1, 1, 1],
    [3, 4, 12],
    [5, 5, 25],
  ])('likelihood %i × impact %i = %i', (likelihood, impact, score) => {
    expect(riskScore({ likelihood, impact })).toBe(score);
  });
});
