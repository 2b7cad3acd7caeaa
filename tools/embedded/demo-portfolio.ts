import type { DemoApi } from './demo-api';

// Programs and projects named after the domain sources: a financial-system migration with its
// customer/provider PMO work, an HR modernisation, and a regulated payments programme.
const DEMO_PROGRAMS = [
  {
    name: 'Financial System Migration',
    description: 'Migrate the core financial system to a shared-service provider, with joint customer and provider PMOs.',
    tags: ['finance', 'migration'],
    projects: [
      { name: 'Establish Customer PMO Processes', phase: 'execution', tags: ['pmo-setup'] },
      { name: 'Integrate Customer and Provider PMOs', phase: 'planning', tags: ['pmo-setup'] },
      { name: 'General Ledger Cut-over', phase: 'initiation', tags: ['cut-over'] },
      { name: 'Independent Verification and Validation', phase: 'planning', tags: ['quality'] },
    ],
  },
  {
    name: 'HR Modernisation',
    description: 'Replace payroll and time-keeping with a provider service.',
    tags: ['hr'],
    projects: [
      { name: 'Payroll Provider Onboarding', phase: 'execution', tags: [] },
      { name: 'Time and Attendance Roll-out', phase: 'initiation', tags: [] },
    ],
  },
  {
    name: 'Regulated Payments Platform',
    description: 'Payments under a banking regulator; its methodology must satisfy regulator demands.',
    tags: ['regulated', 'finance'],
    projects: [
      { name: 'Payment Gateway Replacement', phase: 'planning', tags: ['regulated'] },
      { name: 'Regulatory Reporting Automation', phase: 'closing', tags: ['regulated'] },
    ],
  },
] as const;

/** Registers the demo programs and their projects through program-pmo and project-pmo, once. */
export async function loadDemoPortfolio(api: DemoApi): Promise<boolean> {
  const existing = (await api.call('GET', `${api.urls['program-pmo']}/programs`)) as unknown[];
  if (existing.length > 0) return false;
  for (const program of DEMO_PROGRAMS) {
    const { id } = (await api.call('POST', `${api.urls['program-pmo']}/programs`, { name: program.name, description: program.description, tags: program.tags })) as { id: string };
    await api.waitFor(`${api.urls['project-pmo']}/programs/${id}`);
    for (const project of program.projects) await api.call('POST', `${api.urls['project-pmo']}/projects`, { programId: id, ...project });
  }
  return true;
}
