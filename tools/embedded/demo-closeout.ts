import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

const PROJECT = 'Chart of Accounts Redesign';

/**
 * A closed project of the migration program with its post-implementation review, one lesson of which went
 * upward as feedback on status reporting (waiting in the strategic PMO's inbox). It closed three weeks ago:
 * project-pmo's clock goes there (`history`).
 */
export async function loadDemoCloseout(manager: DemoApi, history: DemoHistory): Promise<boolean> {
  const programs = (await manager.call('GET', `${manager.urls['program-pmo']}/programs`)) as { id: string; code?: string }[];
  const fsm = programs.find((p) => p.code === 'fsm');
  if (!fsm) return false;
  const projects = (await manager.call('GET', `${manager.urls['program-pmo']}/programs/${fsm.id}/projects`)) as { name: string }[];
  if (projects.some((p) => p.name === PROJECT)) return false;
  if (!history.movable) return false;
  const standards = (await manager.call('GET', `${manager.urls['program-pmo']}/programs/${fsm.id}/standards`)) as {
    key: string;
    versionId: string;
    inForce: boolean;
  }[];
  const reporting = standards.find((s) => s.key === 'status-reporting' && s.inForce);
  if (!reporting) throw new Error('the demo status-reporting standard is not in force in the fsm program');
  const project = `${manager.urls['project-pmo']}/projects`;
  await history.at(-21, ['project-pmo']);
  const { id } = (await manager.call('POST', project, { programId: fsm.id, name: PROJECT, phase: 'closing', percentComplete: 100, tags: ['cut-over'] })) as {
    id: string;
  };
  await manager.call('POST', `${project}/${id}/close`, {
    reason: 'New chart of accounts live in the provider ledger; handed over to the finance operations team',
    review: {
      outcome: 'delivered-with-changes',
      objective: 'One chart of accounts shared by the customer and the provider before the ledger cut-over',
      delivered: 'The new chart of accounts with its mapping from the legacy codes; two cost-centre hierarchies left for the next release',
      lessons: [
        {
          category: 'methodology',
          whatHappened: 'The fortnightly status report had no place for the mapping decisions, so they were tracked in a side spreadsheet',
          recommendation: 'Give the status report a decisions log that the steering committee can read',
          versionId: reporting.versionId,
          about: ['STATUS-CADENCE'],
        },
        {
          category: 'stakeholders',
          whatHappened: 'The provider’s accountants joined the mapping workshops late',
          recommendation: 'Name the provider’s finance lead in the charter',
        },
      ],
    },
  });
  const review = (await manager.call('GET', `${project}/${id}/review`)) as { lessons: { id: string; versionId: string | null }[] };
  const lesson = review.lessons.find((l) => l.versionId === reporting.versionId);
  if (lesson) await manager.call('POST', `${project}/${id}/review/lessons/${lesson.id}/send-as-feedback`, { category: 'insufficient' });
  // The strategic PMO learns of the project and the lesson by events: the demo is whole once both are in.
  const strategic = manager.urls['strategic-pmo'];
  await until(async () => {
    const portfolio = (await manager.call('GET', `${strategic}/portfolio/programs`)) as { programId: string; projectCount: number }[];
    const inbox = (await manager.call('GET', `${strategic}/feedback`)) as { originProjectId?: string | null }[];
    return portfolio.find((p) => p.programId === fsm.id)?.projectCount === projects.length + 1 && inbox.some((f) => f.originProjectId === id);
  });
  return true;
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await check()) return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the strategic PMO did not learn of the closed demo project within 15 s');
}
