import type { DemoApi } from './demo-api';

interface Program {
  id: string;
  name: string;
}

interface Project {
  projectId: string;
  name: string;
  percentComplete: number;
}

/**
 * Decides the finance programs' adoption of the status-reporting standard (wave 1 is open for them): most
 * projects adopt, one tailors the reporting cadence to 10 days, nearly finished ones are grandfathered,
 * a few stay pending; some projects have filed status reports. HR waits for wave 2.
 */
export async function loadDemoAdoptions(api: DemoApi): Promise<boolean> {
  const program = api.urls['program-pmo'];
  const programs = (await api.call('GET', `${program}/programs`)) as Program[];
  const history = (await api.call('GET', `${program}/programs/${programs[0].id}/adoptions`)) as unknown[];
  if (history.length > 0) return false;
  const format = await versionOf(api, programs[0].id, 'status-report');
  for (const { id, name } of programs.filter((p) => p.name !== 'HR Modernisation')) {
    const standard = await versionOf(api, id, 'status-reporting');
    const projects = (await api.call('GET', `${program}/programs/${id}/projects`)) as Project[];
    const decide = (projectIds: string[], decision: string, reason: string, choices?: Record<string, number>) =>
      projectIds.length
        ? api.call('POST', `${program}/programs/${id}/adoptions`, { versionId: standard, projectIds, decision, reason, ...(choices ? { choices } : {}) })
        : undefined;
    const nearlyDone = projects.filter((p) => p.percentComplete >= 90);
    const [tailored, ...rest] = projects.filter((p) => p.percentComplete < 90);
    // The last project stays undecided: it shows as pending until the wave's deadline.
    const adopting = rest.slice(0, -1);
    await decide(
      nearlyDone.map((p) => p.projectId),
      'grandfather',
      'Finishes within weeks under the current reporting practice',
    );
    if (tailored) await decide([tailored.projectId], 'tailor', 'Fortnightly steering committee; reports every 10 days', { 'STATUS-CADENCE': 10 });
    await decide(
      adopting.map((p) => p.projectId),
      'adopt',
      `${name} adopts the standard as published`,
    );
    for (const project of adopting.slice(0, 2)) {
      await api.call('POST', `${api.urls['project-pmo']}/projects/${project.projectId}/status-reports`, {
        formatVersionId: format,
        report: {
          period: { from: '2026-11-10', to: '2026-11-23' },
          overallHealth: 'green',
          percentComplete: project.percentComplete,
          schedule: { status: 'on-track' },
          issues: [],
          risks: [],
        },
      });
    }
  }
  return true;
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
