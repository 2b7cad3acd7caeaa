import { checkRenewable, checkRenewalExpiry, checkRenewalTransition, type RenewableVariance } from './variance-renewal';

describe('checkRenewalExpiry', () => {
  // Approved on 2026-08-31 for a standard of 6 months: the limit is 2027-02-28, whatever day the renewal is asked.
  it.each([
    ['the last day the first approval allows', '2027-02-28', '2026-12-31', '2026-08-31', 6],
    ['a day after the current end date', '2027-01-01', '2026-12-31', '2026-08-31', 6],
    ['a longer policy from the same first approval', '2027-08-31', '2027-02-28', '2026-08-31', 12],
  ])('accepts %s', (_case, expiresOn, current, firstApprovedOn, months) => {
    expect(checkRenewalExpiry(expiresOn, current, firstApprovedOn, months)).toEqual({ ok: true });
  });

  it.each([
    [
      'one day past the limit counted from the first approval',
      '2027-03-01',
      '2026-12-31',
      '2026-08-31',
      6,
      'expiresOn 2027-03-01 is later than 2027-02-28: this standard allows a variance of at most 6 months from its first approval on 2026-08-31',
    ],
    // Counted from today (2027-02-20) 6 months would allow 2027-08-20; counted from the first approval it does not.
    [
      'a date today’s count would allow',
      '2027-08-20',
      '2027-02-27',
      '2026-08-31',
      6,
      'expiresOn 2027-08-20 is later than 2027-02-28: this standard allows a variance of at most 6 months from its first approval on 2026-08-31',
    ],
    ['the current end date itself', '2026-12-31', '2026-12-31', '2026-08-31', 6, 'expiresOn 2026-12-31 must be after the current end date 2026-12-31'],
    ['an earlier end date', '2026-11-30', '2026-12-31', '2026-08-31', 6, 'expiresOn 2026-11-30 must be after the current end date 2026-12-31'],
  ])('refuses %s', (_case, expiresOn, current, firstApprovedOn, months, message) => {
    expect(checkRenewalExpiry(expiresOn, current, firstApprovedOn, months)).toEqual({ ok: false, message });
  });
});

describe('checkRenewable', () => {
  const approval: RenewableVariance = { state: 'approved', expiresOn: '2027-03-31', renewalPending: false };

  it.each<[string, RenewableVariance]>([
    ['an approval', approval],
    ['an approval with conditions', { ...approval, state: 'approved-with-conditions' }],
    ['an approval on its last day', { ...approval, expiresOn: '2027-01-15' }],
  ])('accepts %s', (_case, variance) => {
    expect(checkRenewable(variance, '2027-01-15')).toEqual({ ok: true });
  });

  it.each<[string, RenewableVariance, string]>([
    [
      'a request not decided',
      { ...approval, state: 'submitted' },
      'variance is submitted; only an approval in force (approved, approved-with-conditions) can be renewed',
    ],
    [
      'a rejected request',
      { ...approval, state: 'rejected' },
      'variance is rejected; only an approval in force (approved, approved-with-conditions) can be renewed',
    ],
    [
      'an expired approval',
      { ...approval, state: 'expired' },
      'variance is expired; only an approval in force (approved, approved-with-conditions) can be renewed',
    ],
    [
      'a revoked approval',
      { ...approval, state: 'revoked' },
      'variance is revoked; only an approval in force (approved, approved-with-conditions) can be renewed',
    ],
    [
      'an approval past its end date, not yet expired by the scheduler',
      { ...approval, expiresOn: '2027-01-14' },
      'variance ended on 2027-01-14; only an approval in force can be renewed',
    ],
    ['an approval with a renewal undecided', { ...approval, renewalPending: true }, 'variance already has a renewal waiting for its decision'],
  ])('refuses %s', (_case, variance, message) => {
    expect(checkRenewable(variance, '2027-01-15')).toEqual({ ok: false, message });
  });
});

describe('checkRenewalTransition', () => {
  it.each([
    ['submitted', 'under-review'],
    ['under-review', 'approved'],
    ['under-review', 'rejected'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(checkRenewalTransition(from, to)).toEqual({ ok: true });
  });

  it.each([
    ['submitted', 'approved', 'renewal is submitted; allowed: under-review'],
    ['approved', 'rejected', 'renewal is approved; allowed: none'],
    ['rejected', 'under-review', 'renewal is rejected; allowed: none'],
  ] as const)('refuses %s → %s', (from, to, message) => {
    expect(checkRenewalTransition(from, to)).toEqual({ ok: false, message });
  });
});
