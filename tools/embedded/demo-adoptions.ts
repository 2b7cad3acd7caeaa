import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

interface Program {
  id: string;
  name: string;
}

interface Project {
  projectId: string;
  name: string;
  percentComplete: number;
}

// The day (from the load; wave 1 opened on day -88) each finance program takes its first step, then one a week.
const FIRST_STEP: Record<string, number> = { 'Financial System Migration': -86, 'Regulated Payments Platform': -84, 'Grants Management Modernisation': -80 };
const WEEK = 7;

interface Step {
  day: number;
  run: () => Promise<unknown>;
}

/**
 * Decides the finance programs' adoption of the status-reporting standard over the weeks after wave 1 opened,
 * one step a week per program, so the wave's burn-up rises over two months: first the nearly finished projects
 * are grandfathered, then one project tailors the reporting cadence to 10 days, then the others adopt one by one
 * (the first two file a status report as they do); the last stays pending. HR waits for wave 2.
 */
export async function loadDemoAdoptions(api: DemoApi, history: DemoHistory): Promise<boolean> {
  const program = api.urls['program-pmo'];
  const programs = (await api.call('GET', `${program}/programs`)) as Program[];
  const decisions = (await api.call('GET', `${program}/programs/${programs[0].id}/adoptions`)) as unknown[];
  if (decisions.length > 0) return false;
  const format = await versionOf(api, programs[0].id, 'status-report');
  const steps: Step[] = [];
  for (const { id, name } of programs.filter((p) => p.name !== 'HR Modernisation')) {
    const standard = await versionOf(api, id, 'status-reporting');
    const projects = (await api.call('GET', `${program}/programs/${id}/projects`)) as Project[];
    const decide = (projectIds: string[], decision: string, reason: string, choices?: Record<string, number>) =>
      api.call('POST', `${program}/programs/${id}/adoptions`, { versionId: standard, projectIds, decision, reason, ...(choices ? { choices } : {}) });
    const nearlyDone = projects.filter((p) => p.percentComplete >= 90);
    const [tailored, ...rest] = projects.filter((p) => p.percentComplete < 90);
    // The last project stays undecided: it shows as pending until the wave's deadline.
    const adopting = rest.slice(0, -1);
    const runs: ((day: number) => Promise<unknown>)[] = [];
    if (nearlyDone.length > 0)
      runs.push(() =>
        decide(
          nearlyDone.map((p) => p.projectId),
          'grandfather',
          'Finishes within weeks under the current reporting practice',
        ),
      );
    if (tailored) runs.push(() => decide([tailored.projectId], 'tailor', 'Fortnightly steering committee; reports every 10 days', { 'STATUS-CADENCE': 10 }));
    adopting.forEach((project, index) =>
      runs.push(async (day) => {
        await decide([project.projectId], 'adopt', `${name} adopts the standard as published`);
        if (index < 2) await fileReport(api, format, project, history, day);
      }),
    );
    const first = FIRST_STEP[name] ?? -80;
    runs.forEach((run, index) => {
      const day = first + index * WEEK;
      steps.push({ day, run: () => run(day) });
    });
  }
  // In the order they happened, across the programs: the program's clock only moves forward.
  for (const step of steps.sort((a, b) => a.day - b.day)) {
    await history.at(step.day, ['program-pmo', 'project-pmo']);
    await step.run();
  }
  return true;
}

// A status report for the fortnight before the day the project adopted, in the published format.
function fileReport(api: DemoApi, format: string, project: Project, history: DemoHistory, day: number): Promise<unknown> {
  return api.call('POST', `${api.urls['project-pmo']}/projects/${project.projectId}/status-reports`, {
    formatVersionId: format,
    report: {
      period: { from: history.day(day - 14), to: history.day(day - 1) },
      overallHealth: 'green',
      percentComplete: project.percentComplete,
      schedule: { status: 'on-track' },
      issues: [],
      risks: [],
    },
  });
}

// A version is decided on once the program's view shows it in force (its wave opened, by event).
async function versionOf(api: DemoApi, programId: string, key: string): Promise<string> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const standards = (await api.call('GET', `${api.urls['program-pmo']}/programs/${programId}/standards`)) as {
      key: string;
      versionId: string;
      inForce: boolean;
    }[];
    const found = standards.find((s) => s.key === key && s.inForce);
    if (found) return found.versionId;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`standard ${key} did not come into force for program ${programId} within 15 s`);
}
