import type { DemoApi } from './demo-api';

// The coming months of the demo portfolio's plans: planned starts and ends, milestones and go-lives, set
// through project-pmo as a project PMO would; the roadmap shows them beside the demo standards' waves.
const PLANS: { project: string; startIn?: number; endIn?: number; milestones: [string, 'milestone' | 'go-live', number][] }[] = [
  {
    project: 'General Ledger Cut-over',
    startIn: 7,
    endIn: 200,
    milestones: [
      ['Cut-over rehearsal', 'milestone', 75],
      ['Ledger go-live', 'go-live', 120],
    ],
  },
  {
    project: 'Accounts Payable Conversion',
    endIn: 100,
    milestones: [
      ['Conversion signed off', 'milestone', 40],
      ['Payables go-live', 'go-live', 70],
    ],
  },
  {
    project: 'Payroll Provider Onboarding',
    endIn: 130,
    milestones: [
      ['Parallel payroll run', 'milestone', 35],
      ['Payroll go-live', 'go-live', 95],
    ],
  },
  { project: 'Time and Attendance Roll-out', startIn: 21, endIn: 240, milestones: [['Pilot site live', 'go-live', 150]] },
  {
    project: 'Payment Gateway Replacement',
    endIn: 210,
    milestones: [
      ['Regulator walkthrough', 'milestone', 55],
      ['Gateway go-live', 'go-live', 160],
    ],
  },
  { project: 'Applicant Portal Migration', startIn: 14, milestones: [['Portal go-live', 'go-live', 110]] },
];

function daysFrom(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Plans the demo projects' coming months through project-pmo, once (when the ledger cut-over has no milestone yet). */
export async function loadDemoRoadmap(api: DemoApi): Promise<boolean> {
  const base = `${api.urls['project-pmo']}/projects`;
  const projects = (await api.call('GET', base)) as { id: string; name: string }[];
  const idOf = (name: string) => {
    const project = projects.find((p) => p.name === name);
    if (!project) throw new Error(`demo project ${name} is missing`);
    return project.id;
  };
  const ledger = (await api.call('GET', `${base}/${idOf(PLANS[0].project)}/milestones`)) as unknown[];
  if (ledger.length > 0) return false;
  for (const plan of PLANS) {
    const id = idOf(plan.project);
    const dates = {
      ...(plan.startIn !== undefined ? { startDate: daysFrom(plan.startIn) } : {}),
      ...(plan.endIn !== undefined ? { endDate: daysFrom(plan.endIn) } : {}),
    };
    if (Object.keys(dates).length > 0) await api.call('PATCH', `${base}/${id}`, dates);
    for (const [name, kind, dueIn] of plan.milestones) await api.call('POST', `${base}/${id}/milestones`, { name, kind, dueOn: daysFrom(dueIn) });
  }
  return true;
}
