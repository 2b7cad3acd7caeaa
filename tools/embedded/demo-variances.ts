import type { DemoApi } from './demo-api';

interface Program {
  id: string;
  name: string;
}

/**
 * The upward half of the loop in the demo: the regulated program needs variances (one still open, one
 * approved, one rejected) and the programs have sent feedback (one accepted for the draft revision of
 * status reporting, one declined). Requests come from the program manager; the strategic admin decides.
 */
export async function loadDemoVariancesAndFeedback(admin: DemoApi, programManager: DemoApi): Promise<boolean> {
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

  await programManager.call('POST', `${program}/programs/${regulated.id}/adoptions`, { versionId: reporting.versionId, projectIds: [undecided.projectId], decision: 'variance-needed', reason: 'The regulator sets a monthly reporting cycle' });
  const request = async (justification: string, expiresInMonths: number) =>
    ((await programManager.call('POST', `${program}/programs/${regulated.id}/variances`, {
      versionId: reporting.versionId,
      requirementIds: ['STATUS-CADENCE'],
      projectIds: [undecided.projectId],
      justification,
      risk: { likelihood: 2, impact: 3 },
      compensatingControls: ['Fortnightly call with the program sponsor', 'Regulator report shared with the PMO'],
      expiresOn: inMonths(expiresInMonths),
    })) as { id: string }).id;
  const decide = async (varianceId: string, outcome: string, reason: string, conditions?: object[]) => {
    await admin.waitFor(`${strategic}/variances/${varianceId}`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/review`);
    await admin.call('POST', `${strategic}/variances/${varianceId}/decide`, { outcome, reason, ...(conditions ? { conditions } : {}) });
  };
  await decide(await request('Quarterly reporting while the gateway is replaced', 3), 'rejected', 'Quarterly is too far apart for a program at this risk level');
  await decide(await request('Monthly reporting, aligned with the regulator’s cycle', 6), 'approved-with-conditions', 'The compensating controls cover the gap', [
    { text: 'Share each regulator report with the PMO within 5 days', owner: 'Program PMO lead', dueOn: inMonths(1) },
  ]);
  await request('Reporting every 21 days during the cut-over freeze', 2);

  const feedback = async (versionId: string, category: string, text: string) =>
    ((await programManager.call('POST', `${program}/programs/${regulated.id}/feedback`, { versionId, category, text, about: ['STATUS-CADENCE'] })) as { id: string }).id;
  const accepted = await feedback(reporting.versionId, 'insufficient', 'Status reports should carry a lessons-learned section for phase gates');
  const declined = await feedback(reporting.versionId, 'tooling', 'Allow status reports as spreadsheets');
  for (const id of [accepted, declined]) await waitForFeedback(admin, id);
  await admin.call('POST', `${strategic}/feedback/${accepted}/triage`, { outcome: 'accepted', revisionVersion: '1.1.0', reason: 'The 1.1.0 draft adds a lessons-learned log' });
  await admin.call('POST', `${strategic}/feedback/${declined}/triage`, { outcome: 'declined', reason: 'The report format is JSON so reports can be validated and rolled up' });
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
