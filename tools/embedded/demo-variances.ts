import type { DemoApi } from './demo-api';

interface Program {
  id: string;
  name: string;
}

/**
 * The upward half of the loop in the demo: the regulated program needs variances (one still open, one
 * approved with conditions, one rejected, and one that ran its course and expired) and the programs have
 * sent feedback (one accepted for the draft revision of status reporting, one declined). Requests come from
 * the program manager; the strategic admin decides.
 */
export async function loadDemoVariancesAndFeedback(admin: DemoApi, programManager: DemoApi, platform: DemoApi): Promise<boolean> {
  const strategic = admin.urls['strategic-pmo'];
  const program = admin.urls['program-pmo'];
  if (((await admin.call('GET', `${strategic}/variances`)) as unknown[]).length > 0) return false;
  const regulated = ((await admin.call('GET', `${program}/programs`)) as Program[]).find((p) => p.name === 'Regulated Payments Platform');
  if (!regulated) return false;
  const standards = (await admin.call('GET', `${program}/programs/${regulated.id}/standards`)) as { key: string; versionId: string; inForce: boolean }[];
  const reporting = standards.find((s) => s.key === 'status-reporting' && s.inForce);
  if (!reporting) return false;
  const history = (await admin.call('GET', `${program}/programs/${regulated.id}/adoptions`)) as { projectId: string }[];
  const projects = (await admin.call('GET', `${program}/programs/${regulated.id}/projects`)) as { projectId: string }[];
  const undecided = projects.find((p) => !history.some((h) => h.projectId === p.projectId)) ?? projects[0];
  const inMonths = (months: number) => new Date(Date.now() + months * 30 * 86_400_000).toISOString().slice(0, 10);

  const request = async (justification: string, expiresInMonths: number, projectId = undecided.projectId, from = Date.now()) =>
    (
      (await programManager.call('POST', `${program}/programs/${regulated.id}/variances`, {
        versionId: reporting.versionId,
        requirementIds: ['STATUS-CADENCE'],
        projectIds: [projectId],
        justification,
        risk: { likelihood: 2, impact: 3 },
        compensatingControls: ['Fortnightly call with the program sponsor', 'Regulator report shared with the PMO'],
        expiresOn: new Date(from + expiresInMonths * 30 * 86_400_000).toISOString().slice(0, 10),
      })) as { id: string }
    ).id;
  const decide = async (varianceId: string, outcome: string, reason: string, conditions?: object[]) => {
    await admin.waitFor(`${strategic}/variances/${varianceId}`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/review`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/decide`, { outcome, reason, ...(conditions ? { conditions } : {}) });
  };
  // Months ago the project already ran on a variance, which has expired; today it needs another.
  await loadExpiredVariance(admin, programManager, platform, {
    programId: regulated.id,
    versionId: reporting.versionId,
    projectId: undecided.projectId,
    request,
    decide,
  });
  await programManager.call('POST', `${program}/programs/${regulated.id}/adoptions`, {
    versionId: reporting.versionId,
    projectIds: [undecided.projectId],
    decision: 'variance-needed',
    reason: 'The regulator sets a monthly reporting cycle',
  });
  await decide(
    await request('Quarterly reporting while the gateway is replaced', 3),
    'rejected',
    'Quarterly is too far apart for a program at this risk level',
  );
  await decide(
    await request('Monthly reporting, aligned with the regulator’s cycle', 6),
    'approved-with-conditions',
    'The compensating controls cover the gap',
    [{ text: 'Share each regulator report with the PMO within 5 days', owner: 'Program PMO lead', dueOn: inMonths(1) }],
  );
  await request('Reporting every 21 days during the cut-over freeze', 2);

  const feedback = async (versionId: string, category: string, text: string) =>
    (
      (await programManager.call('POST', `${program}/programs/${regulated.id}/feedback`, { versionId, category, text, about: ['STATUS-CADENCE'] })) as {
        id: string;
      }
    ).id;
  const accepted = await feedback(reporting.versionId, 'insufficient', 'Status reports should carry a lessons-learned section for phase gates');
  const declined = await feedback(reporting.versionId, 'tooling', 'Allow status reports as spreadsheets');
  for (const id of [accepted, declined]) await waitForFeedback(admin, id);
  await admin.call('POST', `${strategic}/feedback/${accepted}/triage`, {
    outcome: 'accepted',
    revisionVersion: '1.1.0',
    reason: 'The 1.1.0 draft adds a lessons-learned log',
  });
  await admin.call('POST', `${strategic}/feedback/${declined}/triage`, {
    outcome: 'declined',
    reason: 'The report format is JSON so reports can be validated and rolled up',
  });
  return true;
}

/**
 * A variance that ran its course: only time makes one, so the demo replays it. The strategic and program
 * clocks go back four months (the embedded mode keeps them movable while the demo loads), the program asks
 * for a three-month variance and the strategic PMO approves it then; back at today, the variance scheduler
 * expires it as it would have, with its event and the notice in the program's view.
 */
async function loadExpiredVariance(
  admin: DemoApi,
  programManager: DemoApi,
  platform: DemoApi,
  story: {
    programId: string;
    versionId: string;
    projectId: string;
    request: (justification: string, months: number, projectId: string, from: number) => Promise<string>;
    decide: (varianceId: string, outcome: string, reason: string) => Promise<void>;
  },
): Promise<void> {
  const clocks = [admin.urls['strategic-pmo'], admin.urls['program-pmo']].map((url) => `${url}/clock`);
  if (!((await platform.call('GET', clocks[0])) as { controllable: boolean }).controllable) return;
  const then = Date.now() - 4 * 30 * 86_400_000;
  try {
    for (const clock of clocks) await platform.call('PUT', clock, { now: new Date(then).toISOString() });
    await programManager.call('POST', `${admin.urls['program-pmo']}/programs/${story.programId}/adoptions`, {
      versionId: story.versionId,
      projectIds: [story.projectId],
      decision: 'variance-needed',
      reason: 'The old gateway cannot produce the report until it is replaced',
    });
    const varianceId = await story.request('Reporting every 21 days until the old gateway is replaced', 3, story.projectId, then);
    await story.decide(varianceId, 'approved', 'A quarter is enough to replace the gateway');
  } finally {
    for (const clock of clocks) await platform.call('PUT', clock, { now: new Date().toISOString() });
  }
}

async function waitForFeedback(api: DemoApi, feedbackId: string): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const items = (await api.call('GET', `${api.urls['strategic-pmo']}/feedback`)) as { id: string }[];
    if (items.some((f) => f.id === feedbackId)) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`feedback ${feedbackId} did not reach strategic-pmo within 15 s`);
}
