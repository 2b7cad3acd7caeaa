import { csvCell } from '@pmo/contracts';
import type { Attendance } from './committee-meeting.entity';
import type { CommitteeMember } from './steering-committee.entity';

/** What the minutes of one meeting are written from. */
export interface MinutesFacts {
  committee: { name: string; cadence: string; members: CommitteeMember[] };
  meeting: { scheduledOn: string; state: string; attendance: Attendance[]; summary: string | null; closedAt: Date | null };
  items: { id: string; position: number; source: string; title: string; detail: string; state: string }[];
  decisions: {
    itemId: string;
    subjectKind: string;
    subjectId: string;
    outcome: string;
    reason: string;
    effect: string;
    decidedByName: string;
    decidedAt: Date;
  }[];
}

const DECISION_COLUMNS = ['decidedAt', 'item', 'subjectKind', 'subjectId', 'outcome', 'reason', 'effect', 'decidedBy'] as const;

// One line of Markdown: a line break or a leading `#` in a caller's text must not start a new block.
const inline = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/([\\`*_|[\]<>#])/g, '\\$1');

/** The minutes as Markdown: attendance, each agenda item with its decision, and the summary. */
export function minutesMarkdown(facts: MinutesFacts): string {
  const { committee, meeting, items, decisions } = facts;
  const present = new Set(meeting.attendance.filter((a) => a.present).map((a) => a.username));
  const decisionOf = new Map(decisions.map((d) => [d.itemId, d]));
  const lines = [
    `# Minutes: ${inline(committee.name)}, ${meeting.scheduledOn}`,
    '',
    `Cadence: ${committee.cadence}. State: ${meeting.state}${meeting.closedAt ? ` (closed ${meeting.closedAt.toISOString().slice(0, 10)})` : ' (draft)'}.`,
    '',
    '## Attendance',
    '',
    ...committee.members.map((m) => `- ${inline(m.name)} (${m.role}): ${present.has(m.username) ? 'present' : 'absent'}`),
    '',
    '## Agenda and decisions',
    '',
  ];
  if (items.length === 0) lines.push('No item needed a decision.', '');
  for (const item of items) {
    const decision = decisionOf.get(item.id);
    lines.push(`${item.position}. **${inline(item.title)}** (${item.source}): ${inline(item.detail)}`);
    lines.push(
      decision
        ? `   - Decision: ${decision.outcome} by ${inline(decision.decidedByName)} on ${decision.decidedAt.toISOString().slice(0, 10)}: ${inline(decision.reason)} (effect: ${inline(decision.effect)})`
        : '   - Not decided',
    );
  }
  lines.push('', '## Summary', '', meeting.summary ? inline(meeting.summary) : '(not closed yet)', '');
  return lines.join('\n');
}

/** The meeting's decision log as RFC 4180 CSV with a header row. */
export function decisionsCsv(facts: MinutesFacts): string {
  const positionOf = new Map(facts.items.map((i) => [i.id, i.position]));
  const rows = facts.decisions.map((d) => [
    d.decidedAt.toISOString(),
    String(positionOf.get(d.itemId) ?? ''),
    d.subjectKind,
    d.subjectId,
    d.outcome,
    d.reason,
    d.effect,
    d.decidedByName,
  ]);
  return [DECISION_COLUMNS.join(','), ...rows.map((r) => r.map(csvCell).join(','))].map((line) => `${line}\r\n`).join('');
}
