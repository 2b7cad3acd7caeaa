import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

interface Meeting {
  id: string;
  items: { id: string; source: string; subjectId: string }[];
}

const COMMITTEE = 'Portfolio steering committee';
const DAY = 86_400_000;

/**
 * The portfolio steering committee over the demo programs, with two past meetings and their decisions. Past
 * meetings need the past: the strategic clock goes to each meeting's morning (`history`), where the meeting is
 * held, decided and closed. Both take up the feedback accepted six weeks ago for the draft status-reporting
 * 1.1.0: deferred first, then confirmed.
 */
export async function loadDemoCommittees(admin: DemoApi, history: DemoHistory): Promise<boolean> {
  const strategic = admin.urls['strategic-pmo'];
  if (((await admin.call('GET', `${strategic}/committees`)) as unknown[]).length > 0) return false;
  if (!history.movable) return false;
  const programs = (await admin.call('GET', `${strategic}/portfolio/programs`)) as { programId: string }[];
  // Set up a week before its first meeting.
  await history.at(-35, ['strategic-pmo']);
  const committee = (await admin.call('POST', `${strategic}/committees`, {
    name: COMMITTEE,
    cadence: 'fortnightly',
    programIds: programs.map((p) => p.programId),
    members: [
      { username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' },
      { username: 'rita.reviewer', name: 'Rita Reviewer', role: 'secretary' },
      { username: 'ada.auditor', name: 'Ada Auditor', role: 'member' },
    ],
  })) as { id: string };
  const base = `${strategic}/committees/${committee.id}/meetings`;
  const hold = async (daysAgo: number, decide: (meeting: Meeting, url: string) => Promise<void>, summary: string) => {
    const morning = new Date(Math.floor(history.instant(-daysAgo).getTime() / DAY) * DAY + 10 * 3_600_000);
    await history.at(morning, ['strategic-pmo']);
    const { id } = (await admin.call('POST', base, { scheduledOn: morning.toISOString().slice(0, 10) })) as { id: string };
    const meeting = (await admin.call('POST', `${base}/${id}/agenda`)) as Meeting;
    await admin.call('PUT', `${base}/${id}/attendance`, { present: ['sam.strategic', 'rita.reviewer'] });
    await decide(meeting, `${base}/${id}`);
    await admin.call('POST', `${base}/${id}/close`, { summary });
  };
  const feedbackOn = (meeting: Meeting) => meeting.items.find((i) => i.source === 'accepted-feedback');
  await hold(
    28,
    async (meeting, url) => {
      const item = feedbackOn(meeting);
      if (item)
        await admin.call('POST', `${url}/resolutions`, {
          itemId: item.id,
          outcome: 'deferred',
          reason: 'The program brings an example lessons-learned section to the next meeting',
        });
    },
    'Lessons-learned in status reports: deferred until the program shows an example.',
  );
  await hold(
    14,
    async (meeting, url) => {
      const item = feedbackOn(meeting);
      if (item)
        await admin.call('POST', `${url}/decisions/feedback/${item.subjectId}`, {
          outcome: 'accepted',
          revisionVersion: '1.1.0',
          reason: 'The example convinced the committee: status reporting 1.1.0 adds the lessons-learned log',
        });
    },
    'Lessons-learned log confirmed for status reporting 1.1.0.',
  );
  return true;
}
