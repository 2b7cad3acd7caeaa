import type { DemoApi } from './demo-api';

// A priority policy published as a standard, a few rank changes under it, and one change asked for that waits
// for a decision (docs/priorities.md).
const POLICY = {
  criteria: [
    { key: 'strategic-fit', label: 'Strategic fit', weight: 50 },
    { key: 'urgency', label: 'Urgency', weight: 30 },
    { key: 'risk-reduction', label: 'Risk reduction', weight: 20 },
  ],
  program: {
    changeRoles: ['program-manager', 'strategic-admin'],
    maxMove: 2,
    askRoles: ['program-manager'],
    decideRoles: ['strategic-admin', 'strategic-reviewer'],
  },
  portfolio: { changeRoles: ['strategic-admin'], maxMove: null, askRoles: ['program-manager', 'strategic-reviewer'], decideRoles: ['strategic-admin'] },
};

interface Entry {
  projectId: string;
  code: string;
  programCode: string | null;
}

/** Publishes the priority policy and its first changes unless one is published (or the demo projects are not known yet); `program` asks as paula. */
export async function loadDemoPriorities(api: DemoApi, program: DemoApi): Promise<boolean> {
  const strategic = api.urls['strategic-pmo'];
  const existing = (await api.call('GET', `${strategic}/standards?kind=priority-policy&limit=1`)) as { items: unknown[] };
  if (existing.items.length > 0) return false;
  // The projects reach strategic-pmo as events: wait (a bounded while) until the programs ranked below are known.
  let fsm: Entry[] = [];
  let payments: Entry[] = [];
  for (let attempt = 0; attempt < 60 && (fsm.length < 4 || payments.length < 2); attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
    const portfolio = ((await api.call('GET', `${strategic}/priorities/portfolio`)) as { entries: Entry[] }).entries;
    fsm = portfolio.filter((e) => e.programCode === 'fsm');
    payments = portfolio.filter((e) => e.programCode === 'payments');
  }
  if (fsm.length < 4 || payments.length < 2) return false;
  const now = ((await api.call('GET', `${strategic}/clock`)) as { now: string }).now;
  const today = now.slice(0, 10);
  // Like any standard, the policy is adopted project by project; a year to do it keeps the demo's projects (and
  // any program registered later) from turning overdue on it.
  const deadline = new Date(Date.parse(now) + 365 * 86_400_000).toISOString().slice(0, 10);
  const { id } = (await api.call('POST', `${strategic}/standards`, {
    key: 'project-priority-policy',
    title: 'Project priority policy',
    kind: 'priority-policy',
    owner: 'PMO Centre of Excellence',
    tags: ['governance'],
  })) as { id: string };
  const base = `${strategic}/standards/${id}/versions`;
  await api.call('POST', base, {
    version: '1.0.0',
    level: 'recommended',
    effectiveDate: today,
    adoptionDeadline: deadline,
    applicability: { scope: 'organisation' },
    requirements: [{ id: 'PRIORITY-CHANGES', text: 'Project ranks change only as this policy allows, with a reason and the criteria scores' }],
    changeSummary: 'First priority policy: program managers reorder their programs by up to two places; the portfolio is the strategic PMO’s',
    body: POLICY,
  });
  await api.call('POST', `${base}/1.0.0/submit`);
  await api.call('POST', `${base}/1.0.0/publish`, {
    rollout: [{ name: 'organisation', programIds: [], programTags: ['finance', 'hr', 'regulated'], opensOn: today, adoptionDeadline: deadline }],
  });

  const change = (who: DemoApi, path: string, entry: Entry, scope: string, rank: number, scores: number[], reason: string) =>
    who.call('POST', `${strategic}/priorities/${path}`, {
      projectId: entry.projectId,
      scope,
      rank,
      scores: { 'strategic-fit': scores[0], urgency: scores[1], 'risk-reduction': scores[2] },
      reason,
    });
  await change(api, 'changes', payments[1], 'portfolio', 1, [9, 9, 8], 'The regulator’s deadline for automated reporting moved forward');
  await change(api, 'changes', fsm[2], 'portfolio', 2, [9, 8, 7], 'The ledger cut-over gates the whole migration');
  await change(program, 'changes', fsm[2], 'program', 1, [9, 8, 7], 'Cut-over first: every other project waits on the new ledger');
  await change(program, 'requests', fsm[3], 'portfolio', 3, [7, 6, 9], 'Independent verification must start before the cut-over rehearsal');
  return true;
}
