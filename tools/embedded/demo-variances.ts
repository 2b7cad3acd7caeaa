import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

interface Program {
  id: string;
  name: string;
}

/**
 * The upward half of the loop in the demo, over the quarter: the regulated program needs variances (one that ran
 * its course and expired, one rejected after its decision fell due, one approved with conditions within its due
 * date, one still open) and the programs have sent feedback (one accepted for the draft revision of status
 * reporting, one declined). Requests come from the program manager; the strategic admin decides. Each fact is
 * dated by its service's clock, moved to its day (`history`), so the decision times have a quarter of history.
 */
export async function loadDemoVariancesAndFeedback(admin: DemoApi, programManager: DemoApi, history: DemoHistory): Promise<boolean> {
  const strategic = admin.urls['strategic-pmo'];
  const program = admin.urls['program-pmo'];
  if (((await admin.call('GET', `${strategic}/variances`)) as unknown[]).length > 0) return false;
  const regulated = ((await admin.call('GET', `${program}/programs`)) as Program[]).find((p) => p.name === 'Regulated Payments Platform');
  if (!regulated) return false;
  const standards = (await admin.call('GET', `${program}/programs/${regulated.id}/standards`)) as { key: string; versionId: string; inForce: boolean }[];
  const reporting = standards.find((s) => s.key === 'status-reporting' && s.inForce);
  if (!reporting) return false;
  const decisions = (await admin.call('GET', `${program}/programs/${regulated.id}/adoptions`)) as { projectId: string }[];
  const projects = (await admin.call('GET', `${program}/programs/${regulated.id}/projects`)) as { projectId: string }[];
  const undecided = projects.find((p) => !decisions.some((h) => h.projectId === p.projectId)) ?? projects[0];
  // The requests and decisions are the program's and the strategic PMO's facts: both clocks move.
  const on = (day: number) => history.at(day, ['strategic-pmo', 'program-pmo']);

  const request = async (justification: string, expiresInMonths: number, day: number) =>
    (
      (await programManager.call('POST', `${program}/programs/${regulated.id}/variances`, {
        versionId: reporting.versionId,
        requirementIds: ['STATUS-CADENCE'],
        projectIds: [undecided.projectId],
        justification,
        risk: { likelihood: 2, impact: 3 },
        compensatingControls: ['Fortnightly call with the program sponsor', 'Regulator report shared with the PMO'],
        expiresOn: history.day(day + expiresInMonths * 30),
      })) as { id: string }
    ).id;
  const decide = async (varianceId: string, outcome: string, reason: string, conditions?: object[]) => {
    await admin.waitFor(`${strategic}/variances/${varianceId}`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/review`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/decide`, { outcome, reason, ...(conditions ? { conditions } : {}) });
  };
  const varianceNeeded = (reason: string) =>
    programManager.call('POST', `${program}/programs/${regulated.id}/adoptions`, {
      versionId: reporting.versionId,
      projectIds: [undecided.projectId],
      decision: 'variance-needed',
      reason,
    });

  // Twelve weeks ago the project needed a variance while its old gateway was replaced: approved within three
  // days, for two months; the variance scheduler expires it as the clock passes its end, three weeks ago.
  await on(-83);
  await varianceNeeded('The old gateway cannot produce the report until it is replaced');
  const expiring = await request('Reporting every 21 days until the old gateway is replaced', 2, -83);
  await on(-80);
  await decide(expiring, 'approved', 'Two months are enough to replace the gateway');

  // Eight weeks ago it asked for quarterly reports; the decision was due in ten business days and came late.
  await on(-56);
  await varianceNeeded('The regulator sets a monthly reporting cycle');
  const quarterly = await request('Quarterly reporting while the gateway is replaced', 3, -56);

  const feedback = async (versionId: string, category: string, text: string) =>
    (
      (await programManager.call('POST', `${program}/programs/${regulated.id}/feedback`, { versionId, category, text, about: ['STATUS-CADENCE'] })) as {
        id: string;
      }
    ).id;
  await on(-45);
  const accepted = await feedback(reporting.versionId, 'insufficient', 'Status reports should carry a lessons-learned section for phase gates');
  const declined = await feedback(reporting.versionId, 'tooling', 'Allow status reports as spreadsheets');
  for (const id of [accepted, declined]) await waitForFeedback(admin, id);
  await on(-42);
  await admin.call('POST', `${strategic}/feedback/${accepted}/triage`, {
    outcome: 'accepted',
    revisionVersion: '1.1.0',
    reason: 'The 1.1.0 draft adds a lessons-learned log',
  });
  await admin.call('POST', `${strategic}/feedback/${declined}/triage`, {
    outcome: 'declined',
    reason: 'The report format is JSON so reports can be validated and rolled up',
  });

  await on(-40);
  await decide(quarterly, 'rejected', 'Quarterly is too far apart for a program at this risk level');

  // Five weeks ago, monthly reports: approved with conditions four days later, within the due date.
  await on(-35);
  const monthly = await request('Monthly reporting, aligned with the regulator’s cycle', 6, -35);
  await on(-31);
  await decide(monthly, 'approved-with-conditions', 'The compensating controls cover the gap', [
    { text: 'Share each regulator report with the PMO within 5 days', owner: 'Program PMO lead', dueOn: history.day(30) },
  ]);

  // Twelve days ago, a request for the cut-over freeze: still waiting, its decision due in two days.
  await on(-12);
  await request('Reporting every 21 days during the cut-over freeze', 2, -12);
  return true;
}

async function waitForFeedback(api: DemoApi, feedbackId: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const items = (await api.call('GET', `${api.urls['strategic-pmo']}/feedback`)) as { id: string }[];
    if (items.some((f) => f.id === feedbackId)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`feedback ${feedbackId} did not reach strategic-pmo within 15 s`);
}
