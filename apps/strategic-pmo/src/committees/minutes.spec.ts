import { decisionsCsv, minutesMarkdown, type MinutesFacts } from './minutes';

const facts = (): MinutesFacts => ({
  committee: {
    name: 'Finance steering committee',
    cadence: 'monthly',
    members: [
      { username: 'sam', name: 'Sam', role: 'chair' },
      { username: 'rita', name: 'Rita', role: 'secretary' },
    ],
  },
  meeting: {
    scheduledOn: '2026-10-15',
    state: 'closed',
    attendance: [
      { username: 'sam', present: true },
      { username: 'rita', present: false },
    ],
    summary: 'Approved the cadence variance',
    closedAt: new Date('2026-10-15T16:00:00Z'),
  },
  items: [
    { id: 'i1', position: 1, source: 'late-variance', title: 'Late variance: monthly review', detail: 'submitted', state: 'decided' },
    { id: 'i2', position: 2, source: 'overdue-adoption', title: 'Overdue adoption: Ledger', detail: 'deadline passed', state: 'open' },
  ],
  decisions: [
    {
      itemId: 'i1',
      subjectKind: 'variance',
      subjectId: 'v1',
      outcome: 'approved',
      reason: 'Controls suffice, "for now"',
      effect: 'variance approved',
      decidedByName: 'Sam',
      decidedAt: new Date('2026-10-15T15:00:00Z'),
    },
  ],
});

describe('minutes', () => {
  it('lists attendance, every agenda item with its decision or none, and the summary', () => {
    const text = minutesMarkdown(facts());
    expect(text).toContain('# Minutes: Finance steering committee, 2026-10-15');
    expect(text).toContain('State: closed (closed 2026-10-15).');
    expect(text).toContain('- Sam (chair): present\n- Rita (secretary): absent');
    expect(text).toContain(
      '1. **Late variance: monthly review** (late-variance): submitted\n   - Decision: approved by Sam on 2026-10-15: Controls suffice, "for now" (effect: variance approved)',
    );
    expect(text).toContain('2. **Overdue adoption: Ledger** (overdue-adoption): deadline passed\n   - Not decided');
    expect(text).toContain('## Summary\n\nApproved the cadence variance');
  });

  // A caller's text is one line of the minutes: a newline followed by `#` would otherwise open a heading.
  it('keeps a multi-line or markup-laden text on its line', () => {
    const f = facts();
    f.meeting.summary = 'first\n# not a heading *bold*';
    expect(minutesMarkdown(f)).toContain('first \\# not a heading \\*bold\\*');
  });

  it('writes the decision log as CSV, quoting fields with quotes or commas', () => {
    expect(decisionsCsv(facts())).toBe(
      'decidedAt,item,subjectKind,subjectId,outcome,reason,effect,decidedBy\r\n' +
        '2026-10-15T15:00:00.000Z,1,variance,v1,approved,"Controls suffice, ""for now""",variance approved,Sam\r\n',
    );
  });

  it('prefixes with an apostrophe a reason a spreadsheet would run as a formula', () => {
    const f = facts();
    f.decisions[0].reason = "=cmd|' /C calc'!A0";
    expect(decisionsCsv(f).split('\r\n')[1]).toBe("2026-10-15T15:00:00.000Z,1,variance,v1,approved,'=cmd|' /C calc'!A0,variance approved,Sam");
  });
});
