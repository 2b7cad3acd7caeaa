import { checkVarianceExpiry, latestVarianceExpiry, overdueConditionIds } from './variance-policy';

describe('latestVarianceExpiry', () => {
  it.each([
    ['12 months on the same day', '2026-11-23', 12, '2027-11-23'],
    ['6 months from 31 August: the last day of February', '2026-08-31', 6, '2027-02-28'],
    ['into a leap February', '2027-08-31', 6, '2028-02-29'],
    ['one month from 31 January', '2027-01-31', 1, '2027-02-28'],
    ['across the year', '2026-12-15', 3, '2027-03-15'],
  ])('%s', (_case, today, months, latest) => {
    expect(latestVarianceExpiry(today, months)).toBe(latest);
  });
});

describe('checkVarianceExpiry', () => {
  it.each([
    ['the last allowed day', '2027-11-23', 12, { ok: true }],
    ['tomorrow', '2026-11-24', 12, { ok: true }],
    [
      'one day too late',
      '2027-11-24',
      12,
      { ok: false, message: 'expiresOn 2027-11-24 is later than 2027-11-23: this standard allows a variance of at most 12 months' },
    ],
    [
      'a shorter policy',
      '2027-06-01',
      3,
      { ok: false, message: 'expiresOn 2027-06-01 is later than 2027-02-23: this standard allows a variance of at most 3 months' },
    ],
    ['today', '2026-11-23', 12, { ok: false, message: 'expiresOn 2026-11-23 must be after today (2026-11-23)' }],
    ['the past', '2026-01-01', 12, { ok: false, message: 'expiresOn 2026-01-01 must be after today (2026-11-23)' }],
  ])('%s', (_case, expiresOn, months, result) => {
    expect(checkVarianceExpiry(expiresOn, '2026-11-23', months)).toEqual(result);
  });
});

describe('overdueConditionIds', () => {
  const conditions = [
    { id: 'C1', dueOn: '2027-02-28', metAt: null },
    { id: 'C2', dueOn: '2027-02-27', metAt: '2027-02-20T10:00:00Z' },
    { id: 'C3', dueOn: '2027-03-31', metAt: null },
  ];
  it.each([
    // The due day is allowed whole, as adoption deadlines are.
    ['on the due day nothing is overdue', '2027-02-28', []],
    ['the day after, the unmet one is', '2027-03-01', ['C1']],
    ['a met condition never is', '2027-04-01', ['C1', 'C3']],
  ])('%s', (_case, today, ids) => {
    expect(overdueConditionIds(conditions, today)).toEqual(ids);
  });
});
